/**
 * The whole page's state, built once from the URL and a data source: the router and the state of each of the
 * three views (`AppState` for the next-token view, `DetailState`, `TrainingState`). Components receive the
 * piece they show; none of them reads the URL or the source on its own.
 */
import type { DataSource } from "../data/source";
import { DetailState, readDetailUrl } from "../detail/state.svelte";
import { i18n, preferredLanguage, setLanguage, t } from "../i18n/i18n.svelte";
import { TrainingState } from "../training/state.svelte";
import { AblationState, ContributionsState } from "../why/interventions.svelte";
import { compareUrlParams, readTrainingUrl, stepUrlParams } from "../training/url";
import { readWhyUrl, WhyState, whyUrlParams } from "../why/state.svelte";
import { AppState } from "./app.svelte";
import { Router } from "./router.svelte";
import { setTheme, theme } from "./theme.svelte";
import { locationHost, type StateHost } from "./host";
import { registerUrlPart, urlPart } from "./links.svelte";
import { readUrl, writeUrl } from "./url";

export class Page {
  readonly router: Router;
  readonly app: AppState;
  readonly detail: DetailState;
  readonly training: TrainingState;
  /** the "Why?" view, and the detailed view's contributions map and interventions */
  readonly why: WhyState;
  readonly contributions: ContributionsState;
  readonly ablation: AblationState;

  constructor(source: DataSource, search: string) {
    const fromUrl = readUrl(search);
    this.router = new Router(search);
    this.app = new AppState(source);
    this.detail = new DetailState(source, readDetailUrl(search));
    this.training = new TrainingState(source, readTrainingUrl(search));
    this.why = new WhyState(source, readWhyUrl(search));
    this.contributions = new ContributionsState(source);
    this.ablation = new AblationState(source);
    // each view's selection in the URL (stores/links.svelte.ts; a view built elsewhere registers its own part)
    const { detail, training, why } = this;
    registerUrlPart("detail", () => ({
      panel: detail.panel,
      layer: detail.layer,
      head: detail.head,
      pos: detail.pos,
      block: detail.openBlock,
      blocks: detail.allBlocks ? "all" : null,
    }));
    registerUrlPart("training", () => ({
      ckpt: training.checkpoint,
      ...stepUrlParams(training.step),
      ...compareUrlParams(training.compare),
    }));
    registerUrlPart("why", () => whyUrlParams(why));
    // the URL's language wins over the saved one, without replacing the saved choice; `main.ts` has fetched its
    // strings already, so this switches at once (another host that mounts App sees English until they arrive)
    void setLanguage(fromUrl.lang ?? preferredLanguage(), false);
    setTheme(theme.value);
    void this.app.init({ ...fromUrl, prompt: fromUrl.prompt ?? t("example.1") });
  }

  /** The query string that reproduces what the page shows; null until a model is known. */
  search(): string | null {
    const { app, router } = this;
    if (!app.modelId) return null;
    const base = writeUrl({
      model: app.modelId,
      prompt: app.prompt,
      settings: app.settings,
      lang: i18n.lang,
      generated: app.generated,
    });
    if (router.view === "next") return base;
    const part = urlPart(router.view);
    return `${base}&view=${router.view}${part ? `&${part}` : ""}`;
  }

  /** The whole link to what the page shows now (the host's state follows a moment later). */
  link(host: StateHost = locationHost()): string {
    return host.link(this.search() ?? host.search);
  }
}
