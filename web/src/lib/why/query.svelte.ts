/**
 * One question asked of the data source, as reactive state: its last answer, the request that answer belongs to,
 * whether one is in flight, and its failure. A newer question wins: an older answer that arrives late is dropped,
 * so a slow attribution never overwrites a faster, newer one.
 */
import { failureOf, isSuperseded, type ApiFailure } from "../data/failure";

export class Query<Req, Res> {
  value = $state.raw<Res | null>(null);
  /** the request `value` answers */
  asked = $state.raw<Req | null>(null);
  error = $state.raw<ApiFailure | null>(null);
  loading = $state(false);
  #ticket = 0;

  constructor(readonly fetcher: (req: Req) => Promise<Res>) {}

  /** Ask; resolves with the answer, or null when it failed or a newer question replaced it. */
  async run(req: Req): Promise<Res | null> {
    const ticket = ++this.#ticket;
    this.loading = true;
    this.error = null;
    try {
      const value = await this.fetcher(req);
      if (ticket !== this.#ticket) return null;
      this.value = value;
      this.asked = req;
      return value;
    } catch (err) {
      if (ticket === this.#ticket && !isSuperseded(err)) {
        this.error = failureOf(err);
        // no stale answer beside the failure: it would read as the answer to the question that failed
        this.value = null;
        this.asked = null;
      }
      return null;
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  /** Forget the answer and any question in flight. */
  clear(): void {
    this.#ticket += 1;
    this.value = null;
    this.asked = null;
    this.error = null;
    this.loading = false;
  }
}
