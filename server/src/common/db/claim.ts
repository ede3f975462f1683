import type { EntityManager, UpdateResult } from 'typeorm';
import type { Transactions } from './transactions';

/**
 * Scheduled work that several instances may run at once: for each row in turn, in one transaction,
 * `claim` it with a conditional update (one instance wins, the others see 0 rows affected) and,
 * when this instance won it, `handle` it (its messages through the same `em`, so that a claim and
 * what it tells commit or roll back together) before claiming the next. Answers how many rows this
 * instance won. An error from `handle` rolls its claim back and stops the pass (that row and the
 * rows not yet claimed stay for the next one).
 */
export async function forEachClaimed<T>(
  tx: Transactions,
  rows: ReadonlyArray<T>,
  claim: (em: EntityManager, row: T) => Promise<UpdateResult>,
  handle: (em: EntityManager, row: T) => Promise<void>,
): Promise<number> {
  let won = 0;
  for (const row of rows) {
    const mine = await tx.run(async (em) => {
      if (!(await claim(em, row)).affected) return false;
      await handle(em, row);
      return true;
    });
    if (mine) won++;
  }
  return won;
}
