import { DomainError } from '../common/errors/domain-error';
import type { AppConfig } from '../config/app-config';
import { JobsService } from './jobs.service';
import { JOB_NAMES } from './scheduled-job';

type Fake = Record<string, jest.Mock>;
const counting = (key: string) => jest.fn(async () => ({ [key]: 1 }));

function service(): { jobs: JobsService; fakes: Record<string, Fake> } {
  const fakes = {
    applications: { slaScan: counting('marked'), commitmentScan: counting('breached') },
    booking: { noShowSweep: counting('marked'), reminders: counting('sent') },
    waitlist: { sweep: counting('offered') },
    ratingInvitations: { run: counting('invited') },
    followUps: { sample: counting('drawn') },
    slotGeneration: { run: counting('created') },
    offhours: { expire: counting('expired') },
    queue: { dayEnd: counting('ended') },
    supervision: { scan: counting('rectificationsOverdue') },
    outbox: { drain: counting('sent') },
    outboxCleanup: { run: counting('deleted') },
  };
  const jobs = new JobsService(
    { jobsEnabled: false } as AppConfig,
    fakes.applications as never,
    fakes.booking as never,
    fakes.waitlist as never,
    fakes.ratingInvitations as never,
    fakes.followUps as never,
    fakes.slotGeneration as never,
    fakes.offhours as never,
    fakes.queue as never,
    fakes.supervision as never,
    fakes.outbox as never,
    fakes.outboxCleanup as never,
  );
  return { jobs, fakes };
}

describe('JobsService', () => {
  it('has one job of the one shape for every name, in the scheduled order', () => {
    const { jobs } = service();
    expect(jobs.jobs.map((j) => j.name)).toEqual([...JOB_NAMES]);
    for (const j of jobs.jobs) expect(j.everyMs).toBe(60_000);
  });

  it('runs a job by its name and answers its counts', async () => {
    const { jobs, fakes } = service();
    await expect(jobs.run('sla-scan')).resolves.toEqual({ marked: 1, rectificationsOverdue: 1 });
    expect(fakes.applications.slaScan).toHaveBeenCalledTimes(1);
    expect(fakes.supervision.scan).toHaveBeenCalledTimes(1);
    await expect(jobs.run('callback-sampling')).resolves.toEqual({ drawn: 1 });
    await expect(jobs.run('offhours-expiry')).resolves.toEqual({ expired: 1 });
    await expect(jobs.run('queue-day-end')).resolves.toEqual({ ended: 1 });
    expect(fakes.queue.dayEnd).toHaveBeenCalledTimes(1);
    await expect(jobs.run('commitment-scan')).resolves.toEqual({ breached: 1 });
    expect(fakes.applications.commitmentScan).toHaveBeenCalledTimes(1);
    await expect(jobs.run('outbox')).resolves.toEqual({ sent: 1 });
    await expect(jobs.run('outbox-cleanup')).resolves.toEqual({ deleted: 1 });
  });

  it('tells slot generation whether the timer or the run-now route asked', async () => {
    const { jobs, fakes } = service();
    await jobs.run('slot-generation', true);
    await jobs.run('slot-generation');
    expect(fakes.slotGeneration.run.mock.calls).toEqual([[{ onlyIfChanged: true }], [{ onlyIfChanged: false }]]);
  });

  it('answers NOT_FOUND for a name it does not know', () => {
    const { jobs } = service();
    expect(() => jobs.run('no-such-job')).toThrow(DomainError);
  });
});
