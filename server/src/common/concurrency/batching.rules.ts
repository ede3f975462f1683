/**
 * Batching without a timer (group commit, batched loads): work that arrives while a write or a load
 * for the same key is under way waits and goes together in the next one. Used for the bookings of
 * one slot (booking/booking-batch.service.ts) and the callers' contexts the auth guard loads
 * (enterprises/enterprises.service.ts `callerContext`).
 */

/** How one item of a batch came out: its value, or the error its request is answered with. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export const succeeded = <R>(value: R): Outcome<R> => ({ ok: true, value });
export const failed = <R>(error: unknown): Outcome<R> => ({ ok: false, error });

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Per-key batching: the first item for a key is handled at once, alone; the items for that key that
 * arrive while it is handled wait and are handled together next (at most `max` of them, in arrival
 * order), and so on until none wait. Keys do not wait for each other. `handle` answers one outcome
 * per item, in order; when it throws, every item of the batch gets its error.
 */
export class KeyedBatcher<T, R> {
  private readonly waiting = new Map<string, Array<Waiting<T, R>>>();

  constructor(
    private readonly handle: (key: string, items: T[]) => Promise<Array<Outcome<R>>>,
    private readonly max: number,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`KeyedBatcher: max must be a positive integer, not ${max}`);
  }

  /** Handle `item` with the others for `key`; settles with its own outcome. */
  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry = { item, resolve, reject };
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push(entry); // a batch for the key is under way: this one goes in the next
        return;
      }
      this.waiting.set(key, []);
      void this.drain(key, [entry]);
    });
  }

  /** Keys with a batch under way (for tests and metrics). */
  get busyKeys(): number {
    return this.waiting.size;
  }

  private async drain(key: string, first: Array<Waiting<T, R>>): Promise<void> {
    let batch = first;
    while (batch.length) {
      await this.settle(key, batch);
      batch = (this.waiting.get(key) ?? []).splice(0, this.max);
    }
    this.waiting.delete(key);
  }

  private async settle(key: string, batch: Array<Waiting<T, R>>): Promise<void> {
    let outcomes: Array<Outcome<R>>;
    try {
      outcomes = await this.handle(
        key,
        batch.map((w) => w.item),
      );
      if (outcomes.length !== batch.length) throw new Error(`KeyedBatcher: ${outcomes.length} outcomes for ${batch.length} items`);
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }
}
