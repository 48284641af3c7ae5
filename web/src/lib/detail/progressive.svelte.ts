/**
 * Reveal a long list a few items per animation frame, so that mounting hundreds of cells or thumbnails never
 * blocks one frame for long (the detailed view's budget is 50 ms per frame).
 */
export class Progressive {
  count = $state(0);
  #frame = 0;

  /** Start revealing `total` items, `perFrame` at a time; returns a cleanup for `$effect`. */
  start(total: number, perFrame: number): () => void {
    this.count = Math.min(total, perFrame);
    const step = () => {
      if (this.count >= total) return;
      this.count = Math.min(total, this.count + perFrame);
      this.#frame = requestAnimationFrame(step);
    };
    if (typeof requestAnimationFrame === "function") this.#frame = requestAnimationFrame(step);
    else this.count = total;
    return () => {
      if (typeof cancelAnimationFrame === "function") cancelAnimationFrame(this.#frame);
    };
  }
}
