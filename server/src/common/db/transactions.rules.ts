/**
 * When the transaction runner tries again (pure; server/src/common/db/transactions.ts applies it).
 *
 * A transaction that lost a deadlock (1213) or a lock wait (1205) is retried from the start. On a
 * Galera cluster every write on one node is certified against concurrent writes on the others at
 * commit, and the loser is told 1213 too: on a hot row (a slot's capacity, a queue counter) written
 * through three nodes at once, a transaction may lose several rounds in a row. So the runner tries
 * up to MAX_TX_ATTEMPTS times and waits longer each time (exponential backoff with jitter), so that
 * the racers spread out instead of colliding again at the same moment.
 */

/** Tries in all, the first included. */
export const MAX_TX_ATTEMPTS = 10;
/** The wait before the first retry is between half of this and this (ms); it doubles each retry. */
export const RETRY_BASE_MS = 10;
/** No single wait is longer than this (ms). */
export const RETRY_CAP_MS = 400;

/**
 * The wait in ms before try `attempt + 1`, after try `attempt` (1-based) failed: half of the
 * doubled step plus a random part of the other half ("equal jitter"), capped at RETRY_CAP_MS.
 * `random` is in [0, 1) (Math.random in the runner). All the waits together: at most about 1.8 s (9 retries: 10, 20, 40, 80, 160, 320, 400, 400, 400 ms at most).
 */
export function retryDelayMs(attempt: number, random: number): number {
  const step = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return step / 2 + (step / 2) * random;
}

/** Whether to try again after try `attempt` (1-based) failed with an error that `retryable` judged safe to retry. */
export function shouldRetry(retryable: boolean, attempt: number): boolean {
  return retryable && attempt < MAX_TX_ATTEMPTS;
}
