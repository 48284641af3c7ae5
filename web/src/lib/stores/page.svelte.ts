/**
 * The whole page's state, built once from the URL and a data source: the router and the state of each of the
 * three views (`AppState` for the next-token view, `DetailState`, `TrainingState`). Components receive the
 * piece they show; none of them reads the URL or the source on its own.
 */
import type { DataSource } from "../data/source";
import { DetailState, readDetailUrl, writeDetailUrl } from "../detail/state.svelte";
import { i18n, preferredLanguage, setLanguage, t } from "../i18n/i18n.svelte";
import { TrainingState } from "../training/state.svelte";
import { AblationState, ContributionsState } from "../why/interventions.svelte";
import { readWhyUrl, WhyState, writeWhyUrl } from "../why/state.svelte";
import { AppState } from "./app.svelte";
import { Router } from "./router.svelte";
import { setTheme, theme } from "./theme.svelte";
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
    this.training = new TrainingState(source);
    this.why = new WhyState(source, readWhyUrl(search));
    this.contributions = new ContributionsState(source);
    this.ablation = new AblationState(source);
    // the URL's language wins over the saved one, without replacing the saved choice; `main.ts` has fetched its
    // strings already, so this switches at once (another host that mounts App sees English until they arrive)
    void setLanguage(fromUrl.lang ?? preferredLanguage(), false);
    setTheme(theme.value);
    void this.app.init({ ...fromUrl, prompt: fromUrl.prompt ?? t("example.1") });
  }

  /** The query string that reproduces what the page shows; null until a model is known. */
  search(): string | null {
    const { app, detail, router, why } = this;
    if (!app.modelId) return null;
    const base = writeUrl({
      model: app.modelId,
      prompt: app.prompt,
      settings: app.settings,
      lang: i18n.lang,
      generated: app.generated,
    });
    if (router.view === "detail") return `${base}&view=detail&${writeDetailUrl(detail)}`;
    if (router.view === "training") return `${base}&view=training`;
    if (router.view === "why") return `${base}&view=why&${writeWhyUrl(why)}`;
    if (router.view === "tokenizers") return `${base}&view=tokenizers`;
    return base;
  }
}
