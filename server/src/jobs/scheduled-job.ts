/** The names of the scheduled jobs, in the order a scheduled run takes them (the run-now route's `:name`). */
export const JOB_NAMES = ['no-show-sweep', 'reminders', 'waitlist-offers', 'sla-scan', 'rating-invitations', 'callback-sampling', 'slot-generation', 'offhours-expiry', 'queue-day-end', 'commitment-scan', 'deemed-agreement', 'outbox', 'outbox-cleanup'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** What a job's run counts (rows marked, messages sent …), answered by the run-now route as JSON. */
export type JobResult = Record<string, number>;

export const EVERY_MINUTE_MS = 60_000;

/**
 * The one shape of a scheduled job: a name, a schedule, and an idempotent body that any number
 * of API instances may run at once (conditional updates, unique keys), so that they need no
 * coordination; `POST /api/admin/jobs/:name/run` runs the same body now.
 */
export interface ScheduledJob {
  readonly name: JobName;
  /** how often the timer runs it, in milliseconds */
  readonly everyMs: number;
  /** `scheduled`: the timer's run, not the run-now route (a job may then skip work it knows is done) */
  run(opts: { scheduled: boolean }): Promise<JobResult>;
}

/** A job that runs every minute. */
export const everyMinute = (name: JobName, run: ScheduledJob['run']): ScheduledJob => ({ name, everyMs: EVERY_MINUTE_MS, run });
