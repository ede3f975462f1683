import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@gov/shared';
import { ClockService } from '../common/clock/clock.service';

/**
 * The app's Prometheus metrics, on a registry of its own (two apps in one process — the tests — never
 * share counters). Request rate and latency by route (metrics.middleware.ts), bookings made and
 * refused, job runs, queue lengths by hall (read from the database at each scrape), and the outbox's
 * deliveries by channel and state (pending = the backlog, failed = given up), read from
 * `outbox_deliveries` at each scrape.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly requests = new Counter({ name: 'zwt_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'zwt_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern (seconds)',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly fastLane = new Counter({ name: 'zwt_fast_lane_answers_total', help: 'Requests answered by the fast lane (cached public catalogue answers sent before Express and Nest), by route pattern', labelNames: ['route'] as const, registers: [this.registry] });
  readonly bookings = new Counter({ name: 'zwt_bookings_total', help: 'Booking requests by outcome: booked or refused (full, duplicate, not allowed…)', labelNames: ['result'] as const, registers: [this.registry] });
  readonly outboxDeleted = new Counter({ name: 'zwt_outbox_deleted_total', help: 'Settled outbox deliveries (sent, skipped) deleted by the outbox-cleanup job after OUTBOX_RETENTION_DAYS', registers: [this.registry] });
  readonly jobRuns = new Counter({ name: 'zwt_job_runs_total', help: 'Scheduled job runs by job and outcome (ok, failed)', labelNames: ['job', 'result'] as const, registers: [this.registry] });
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'zwt_' });
    const self = this;
    new Gauge({
      name: 'zwt_queue_waiting',
      help: "Tickets waiting in today's queue, by hall",
      labelNames: ['hall'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await self.waitingByHall()) this.set({ hall: r.hall }, Number(r.n));
      },
    });
    new Gauge({
      name: 'zwt_outbox_deliveries',
      help: 'Outbox deliveries by channel and state: pending (the backlog), failed (given up after the retries)',
      labelNames: ['channel', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await self.outboxByState()) this.set({ channel: r.channel, state: r.state }, Number(r.n));
      },
    });
  }

  /** A booking request's outcome (see metrics.rules.ts `bookingResult`). */
  booking(result: 'booked' | 'refused'): void {
    this.bookings.inc({ result });
  }

  /** Settled outbox deliveries deleted by the retention clean-up. */
  outboxCleaned(n: number): void {
    if (n > 0) this.outboxDeleted.inc(n);
  }

  /** A job run and its outcome. */
  jobRun(job: string, ok: boolean): void {
    this.jobRuns.inc({ job, result: ok ? 'ok' : 'failed' });
  }

  /** The Prometheus text exposition (the gauges read the database as they are collected). */
  async scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private outboxByState(): Promise<Array<{ channel: string; state: string; n: number | string }>> {
    return this.ds.query("SELECT channel, status AS state, COUNT(*) AS n FROM outbox_deliveries WHERE status IN ('pending', 'failed') GROUP BY channel, status");
  }

  private waitingByHall(): Promise<Array<{ hall: string; n: number | string }>> {
    return this.ds.query("SELECT hall_id AS hall, COUNT(*) AS n FROM queue_tickets WHERE day = ? AND status = 'waiting' GROUP BY hall_id", [shanghaiDate(this.clock.now())]);
  }
}
