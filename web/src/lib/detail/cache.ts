/** A small least-recently-used map: slices already fetched, so navigating back asks the server nothing. */
export class LruCache<V> {
  #map = new Map<string, V>();
  constructor(readonly size: number) {}

  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.size) this.#map.delete(this.#map.keys().next().value as string);
  }

  get length(): number {
    return this.#map.size;
  }
}
