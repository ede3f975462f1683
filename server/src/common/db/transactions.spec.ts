import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Transactions } from './transactions';
import { MAX_TX_ATTEMPTS, RETRY_CAP_MS, retryDelayMs, shouldRetry } from './transactions.rules';

/** A Transactions whose waits are recorded instead of slept. */
class RecordingTransactions extends Transactions {
  readonly waits: number[] = [];
  protected override pause(ms: number): Promise<void> {
    this.waits.push(ms);
    return Promise.resolve();
  }
}

/** A MySQL data source whose transactions fail with `failures` (in order), then run the work. */
function failingThen(failures: unknown[]) {
  let calls = 0;
  const ds = {
    options: { type: 'mysql' },
    transaction: async (work: (em: unknown) => Promise<unknown>) => {
      const f = failures[calls++];
      if (f) throw f;
      return work({});
    },
  } as unknown as DataSource;
  return { tx: new RecordingTransactions(ds), calls: () => calls };
}

const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' });
const lockWait = () => ({ driverError: { errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' }, message: 'Lock wait timeout exceeded' });

describe('the transaction runner', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('retries a deadlock (a Galera certification conflict says 1213 too) and a lock-wait timeout, then answers the work', async () => {
    const { tx, calls } = failingThen([deadlock(), lockWait(), deadlock()]);
    await expect(tx.run(async () => 'booked')).resolves.toBe('booked');
    expect(calls()).toBe(4);
    expect(tx.waits).toHaveLength(3);
  });

  it('waits longer after each lost round, so that racers on three nodes spread out', async () => {
    const { tx } = failingThen(Array.from({ length: MAX_TX_ATTEMPTS - 1 }, deadlock));
    await tx.run(async () => 1);
    expect(tx.waits).toHaveLength(MAX_TX_ATTEMPTS - 1);
    // each wait lies in [step/2, step) with the step doubling from 10 ms up to the cap
    tx.waits.forEach((ms, i) => {
      const step = Math.min(RETRY_CAP_MS, 10 * 2 ** i);
      expect(ms).toBeGreaterThanOrEqual(step / 2);
      expect(ms).toBeLessThanOrEqual(step);
    });
    expect(tx.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1830);
  });

  it('gives up after MAX_TX_ATTEMPTS tries: 503 UNAVAILABLE, try again later', async () => {
    const { tx, calls } = failingThen(Array.from({ length: MAX_TX_ATTEMPTS + 2 }, deadlock));
    await expect(tx.run(async () => 1)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: '当前办理的人较多，请稍后再试' });
    expect(calls()).toBe(MAX_TX_ATTEMPTS);
  });

  it('does not retry other errors (a duplicate key, a refusal)', async () => {
    const { tx, calls } = failingThen([{ errno: 1062, code: 'ER_DUP_ENTRY' }]);
    await expect(tx.run(async () => 1)).rejects.toMatchObject({ errno: 1062 });
    expect(calls()).toBe(1);
    expect(tx.waits).toEqual([]);
  });
});

describe('retry rules', () => {
  it('doubles the step from 10 ms, capped at 400 ms, with up to half of it random', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(a, 0))).toEqual([5, 10, 20, 40, 80, 160, 200, 200]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => retryDelayMs(a, 0.999999)).map(Math.round)).toEqual([10, 20, 40, 80, 160, 320, 400, 400]);
  });

  it('retries only a retryable error, and only while tries are left', () => {
    expect(shouldRetry(true, 1)).toBe(true);
    expect(shouldRetry(true, MAX_TX_ATTEMPTS - 1)).toBe(true);
    expect(shouldRetry(true, MAX_TX_ATTEMPTS)).toBe(false);
    expect(shouldRetry(false, 1)).toBe(false);
  });
});
