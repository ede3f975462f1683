/**
 * Dates and times in the service centre's zone (Asia/Shanghai): the shared helpers of @gov/shared,
 * one format on every page — dates `2026年12月8日（周二）`, times `12月8日 09:00`.
 */
import { dateTimeLabel } from '@gov/shared'

export { addDays, dateLabel, dateTimeLabel, isoAt, shanghaiDate, shanghaiTime, slotLabel, weekdayLabel, weekdayOf } from '@gov/shared'

/** A shown instant (timelines, 提交于 …): the one time format, `12月8日 09:00`. */
export const fullDateTime = (iso: string): string => dateTimeLabel(iso)

/** fen → "12.50 元" */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return `${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)} 元`
}
