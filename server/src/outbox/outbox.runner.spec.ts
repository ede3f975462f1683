import { AppConfig } from '../config/app-config';
import { MAX_GIVE_WAY_MS } from './outbox.rules';
import { OutboxRunner } from './outbox.runner';
import { OutboxSignal } from './outbox.signal';
import { DrainResult, OutboxWorker } from './outbox.worker';

/** A runner on a fake clock whose process is as busy as told; its pauses only move the clock. */
class BusyRunner extends OutboxRunner {
  clock = 0;
  pauses = 0;
  busyShare = 0.95;
  protected override utilization(): number {
    return this.busyShare;
  }
  protected override now(): number {
    return this.clock;
  }
  protected override pause(ms: number): Promise<void> {
    this.pauses++;
    this.clock += ms;
    return Promise.resolve();
  }
}

/** A worker whose drain claims `batches` batches, noting the runner's clock at each claim. */
function worker(batches: number, runner: () => BusyRunner) {
  const claimedAt: number[] = [];
  let done!: () => void;
  const drained = new Promise<void>((r) => (done = r));
  const fake = {
    drain: async (beforeClaim?: () => Promise<boolean | void>): Promise<DrainResult> => {
      for (let i = 0; i < batches; i++) {
        if (beforeClaim && (await beforeClaim()) === false) break;
        claimedAt.push(runner().clock);
      }
      done();
      return { sent: claimedAt.length, skipped: 0, retried: 0, failed: 0 };
    },
  };
  return { fake: fake as unknown as OutboxWorker, claimedAt, drained };
}

const config = { outbox: { pollMs: 3_600_000 } } as unknown as AppConfig;
const signal = { onKick: () => undefined } as unknown as OutboxSignal;

describe('OutboxRunner giving way to a rush', () => {
  it('holds a drain back while the process is busy, for the bound in all, not for each batch', async () => {
    let r!: BusyRunner;
    const w = worker(3, () => r);
    r = new BusyRunner(config, w.fake, signal);
    r.onApplicationBootstrap();
    await w.drained;
    await r.beforeApplicationShutdown();
    // the first batch waited out the bound; the next two went at once
    expect(w.claimedAt).toEqual([MAX_GIVE_WAY_MS, MAX_GIVE_WAY_MS, MAX_GIVE_WAY_MS]);
  });

  it('on shutdown, claims no further batch and is done before the database closes', async () => {
    let r!: BusyRunner;
    const w = worker(3, () => r);
    // shutdown begins while the drain gives way before its first batch
    r = new (class extends BusyRunner {
      protected override pause(ms: number): Promise<void> {
        if (this.pauses === 0) void this.beforeApplicationShutdown();
        return super.pause(ms);
      }
    })(config, w.fake, signal);
    r.onApplicationBootstrap();
    await w.drained;
    await r.beforeApplicationShutdown();
    expect(w.claimedAt).toEqual([]);
  });

  it('does not hold a drain back when the process is not busy', async () => {
    let r!: BusyRunner;
    const w = worker(2, () => r);
    r = new BusyRunner(config, w.fake, signal);
    r.busyShare = 0.3;
    r.onApplicationBootstrap();
    await w.drained;
    await r.beforeApplicationShutdown();
    expect({ claimedAt: w.claimedAt, pauses: r.pauses }).toEqual({ claimedAt: [0, 0], pauses: 0 });
  });
});
