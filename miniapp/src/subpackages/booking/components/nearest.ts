import type { Slot } from '@gov/shared'

/**
 * The free slots nearest in time to `around` (a cancelled booking's start), at most `n`, in time
 * order; only slots that start after `now` and have room. Pure (test/miniapp/queue.spec.ts).
 */
export function nearestFreeSlots(slots: readonly Slot[], around: string, now: number, n = 3): Slot[] {
  const at = Date.parse(around)
  return slots
    .filter((s) => s.remaining > 0 && Date.parse(s.start) > now)
    .sort((a, b) => Math.abs(Date.parse(a.start) - at) - Math.abs(Date.parse(b.start) - at) || Date.parse(a.start) - Date.parse(b.start))
    .slice(0, n)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
}
