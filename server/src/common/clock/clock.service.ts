import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for every time-dependent rule. Tests (TEST_CLOCK=1) may pin it
 * to a moment through POST /api/__test__/clock; production code never touches `Date.now()` directly.
 */
@Injectable()
export class ClockService {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  nowMs(): number {
    return this.now().getTime();
  }

  /** Pin the clock (tests only); `null` returns to real time. */
  set(at: Date | null): void {
    this.fixed = at ? new Date(at.getTime()) : null;
  }

  /** Move a pinned clock forward (tests only). */
  advance(ms: number): void {
    this.fixed = new Date(this.nowMs() + ms);
  }
}
