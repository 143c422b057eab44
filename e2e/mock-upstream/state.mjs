// @ts-check
/**
 * What the mock remembers: the recorded requests and the counters behind GET /__mock/stats.
 */

/** @typedef {import('./http.mjs').RecordedRequest} RecordedRequest */
/** @typedef {import('./http.mjs').ChatExchange} ChatExchange */

/**
 * @typedef {object} MockStats
 * @property {number} open Chat responses still being written.
 * @property {number} aborted Chat responses whose client hung up before the mock finished.
 * @property {number} completed Chat responses the mock finished (including error answers).
 */

// Benchmarks send many thousands of requests; only the recent ones are useful to inspect.
const MAX_RECORDED_REQUESTS = 1000;

/** Recorded requests and the counters behind GET /__mock/stats. */
export class MockState {
  /** @type {RecordedRequest[]} */
  #recorded = [];
  #sequence = 0;
  #open = 0;
  #aborted = 0;
  #completed = 0;
  // Exchanges that were running when reset() was called must not count after it.
  #generation = 0;

  /** @param {string[] | undefined} acceptedKeys */
  constructor(acceptedKeys) {
    this.acceptedKeys = acceptedKeys;
  }

  nextSequence() {
    this.#sequence += 1;
    return this.#sequence;
  }

  /** @param {RecordedRequest} request */
  record(request) {
    this.#recorded.push(request);
    if (this.#recorded.length > MAX_RECORDED_REQUESTS) this.#recorded.shift();
  }

  requests() {
    return [...this.#recorded];
  }

  lastRequest() {
    return this.#recorded.at(-1);
  }

  reset() {
    this.#recorded = [];
    this.#aborted = 0;
    this.#completed = 0;
    this.#generation += 1;
  }

  /** @returns {MockStats} */
  stats() {
    return { open: this.#open, aborted: this.#aborted, completed: this.#completed };
  }

  /**
   * Follows one chat response until it ends, telling a normal finish from a client that left.
   * @param {import('node:http').ServerResponse} response
   * @returns {ChatExchange}
   */
  trackChat(response) {
    const controller = new AbortController();
    const generation = this.#generation;
    let settled = false;
    /** @param {'aborted' | 'completed'} outcome */
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      this.#open -= 1;
      if (generation !== this.#generation) return;
      if (outcome === 'aborted') this.#aborted += 1;
      else this.#completed += 1;
    };
    this.#open += 1;
    response.on('finish', () => settle('completed'));
    // 'close' before 'finish' means the connection went away while the mock was still writing.
    response.on('close', () => {
      controller.abort();
      settle('aborted');
    });
    return { signal: controller.signal, markCompleted: () => settle('completed') };
  }
}
