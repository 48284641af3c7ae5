/**
 * The guided tour's state: open or closed, which track, which stage, playing or not, how fast, and whether the
 * current stage's animation has been skipped. The stage's real values live in `TourData` (`data.svelte.ts`).
 */
import { animationMs, dwellMs, isFirst, isLast, move, stagesOf } from "./logic";
import type { TourMotion, TourStage, TourTrack } from "./stages";

export const SPEEDS = [0.5, 1, 2, 4] as const;

function systemPrefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export class TourState {
  open = $state(false);
  track = $state<TourTrack>("generation");
  index = $state(0);
  playing = $state(false);
  speed = $state(1);
  /** the system's prefers-reduced-motion, or the visitor's own switch in the tour */
  reduced = $state(systemPrefersReducedMotion());
  /** the current stage's animation was finished at once (a click or a key): everything shows its final state */
  skipped = $state(false);
  /** bumped on every entry into a stage, so the same stage shown again replays its animation */
  visit = $state(0);

  stages = $derived(stagesOf(this.track));
  stage = $derived<TourStage>(this.stages[this.index] ?? this.stages[0] ?? "text");
  motion = $derived<TourMotion>({ reduced: this.reduced, speed: this.speed });
  atStart = $derived(isFirst(this.index));
  atEnd = $derived(isLast(this.track, this.index));

  #timer: ReturnType<typeof setTimeout> | null = null;

  go(index: number): void {
    this.index = move(this.track, index, 0);
    this.skipped = false;
    this.visit += 1;
    if (this.playing) this.#schedule();
  }

  next(): void {
    if (!this.atEnd) this.go(this.index + 1);
  }

  back(): void {
    if (!this.atStart) this.go(this.index - 1);
  }

  goTo(stage: TourStage): void {
    const i = this.stages.indexOf(stage);
    if (i >= 0) this.go(i);
  }

  setTrack(track: TourTrack): void {
    if (track === this.track) return;
    this.pause();
    this.track = track;
    this.go(0);
  }

  show(): void {
    this.open = true;
  }

  close(): void {
    this.pause();
    this.open = false;
  }

  /** Finish the current stage's animation at once. */
  skip(): void {
    this.skipped = true;
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.#schedule();
  }

  pause(): void {
    this.playing = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** The entrance animation's length at the current motion settings (0 when motion is reduced or skipped). */
  animation(base = 600): number {
    return this.skipped ? 0 : animationMs(this.motion, base);
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.playing) return;
      if (this.atEnd) {
        this.pause(); // Play tells one step; Next on the last stage takes the loop again
        return;
      }
      this.next();
    }, dwellMs(this.motion));
  }
}
