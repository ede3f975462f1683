import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for every time-dependent rule. Tests (TEST_CLOCK=1) may pin it to a
 * moment, or shift it so that it keeps ticking from another moment, through
 * POST /api/__test__/clock; production code never touches `Date.now()` directly.
 */
@Injectable()
export class ClockService {
  private fixed: Date | null = null;
  private offsetMs = 0;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return this.now().getTime();
  }

  /** Pin the clock (tests only); `null` lets it tick again (from the shifted time, if shifted). */
  set(at: Date | null): void {
    this.fixed = at ? new Date(at.getTime()) : null;
  }

  /** Let the clock tick from `at` onwards (tests only); `null` returns to real time. */
  shift(at: Date | null): void {
    this.fixed = null;
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }
}
