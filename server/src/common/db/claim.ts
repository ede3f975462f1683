import type { UpdateResult } from 'typeorm';

/**
 * Scheduled work that several instances may run at once: for each row in turn, `claim` it with a
 * conditional update (one instance wins, the others see 0 rows affected) and, when this instance
 * won it, `handle` it before claiming the next. Answers how many rows this instance won. An error
 * from `handle` stops the pass (the rows not yet claimed stay for the next one).
 */
export async function forEachClaimed<T>(rows: ReadonlyArray<T>, claim: (row: T) => Promise<UpdateResult>, handle: (row: T) => Promise<void>): Promise<number> {
  let won = 0;
  for (const row of rows) {
    if (!(await claim(row)).affected) continue;
    won++;
    await handle(row);
  }
  return won;
}
