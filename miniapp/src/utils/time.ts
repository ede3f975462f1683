/** Dates and times in the service centre's zone (Asia/Shanghai, UTC+8, no DST). */
const OFFSET_MS = 8 * 3_600_000
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

function shifted(iso: string | Date): Date {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  return new Date(d.getTime() + OFFSET_MS)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD in Shanghai */
export function shanghaiDate(at: string | Date = new Date()): string {
  const d = shifted(at)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** HH:mm in Shanghai */
export function shanghaiTime(at: string | Date): string {
  const d = shifted(at)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 2026年11月24日（周二） */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return `${y}年${m}月${d}日（周${WEEKDAYS[wd]}）`
}

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

export const weekdayLabel = (date: string) => `周${WEEKDAYS[weekdayOf(date)]}`

/** 11月24日 09:00 */
export function dateTimeLabel(iso: string): string {
  const [, m, d] = shanghaiDate(iso).split('-').map(Number)
  return `${m}月${d}日 ${shanghaiTime(iso)}`
}

/** 2026-11-24 09:00 */
export function fullDateTime(iso: string): string {
  return `${shanghaiDate(iso)} ${shanghaiTime(iso)}`
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** An ISO time with the +08:00 offset from a date and HH:mm */
export function isoAt(date: string, hhmm: string): string {
  return `${date}T${hhmm}:00+08:00`
}

/** fen → "12.50 元" */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return ''
  return `${(fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)} 元`
}
