/**
 * Dates and times in the service centre's zone (Asia/Shanghai, UTC+8 all year, no daylight saving),
 * independent of the host's zone. Shown dates read `2026年12月8日（周二）`, shown times `12月8日 09:00`.
 * Dates on the wire are `YYYY-MM-DD`; instants are ISO strings.
 */
const OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function shifted(at: string | Date): Date {
  const d = typeof at === 'string' ? new Date(at) : at;
  return new Date(d.getTime() + OFFSET_MS);
}

const pad = (n: number): string => String(n).padStart(2, '0');

const parts = (date: string): [number, number, number] => {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return [y, m, d];
};

/** `YYYY-MM-DD` of an instant in Shanghai (now by default). */
export function shanghaiDate(at: string | Date = new Date()): string {
  const d = shifted(at);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `HH:mm` of an instant in Shanghai. */
export function shanghaiTime(at: string | Date): string {
  const d = shifted(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Day of the week of a `YYYY-MM-DD` date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** `周二` */
export const weekdayLabel = (date: string): string => `周${WEEKDAYS[weekdayOf(date)]}`;

/** A shown date: `2026年12月8日（周二）`, of a `YYYY-MM-DD` date or (in Shanghai) of an instant. */
export function dateLabel(dateOrInstant: string | Date): string {
  const date = typeof dateOrInstant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant) ? dateOrInstant : shanghaiDate(dateOrInstant);
  const [y, m, d] = parts(date);
  return `${y}年${m}月${d}日（${weekdayLabel(date)}）`;
}

/** A shown time: `12月8日 09:00` (Shanghai). */
export function dateTimeLabel(at: string | Date): string {
  const [, m, d] = parts(shanghaiDate(at));
  return `${m}月${d}日 ${shanghaiTime(at)}`;
}

/** A shown slot: `2026年12月8日（周二） 09:00–09:30`. */
export function slotLabel(start: string | Date, end: string | Date): string {
  return `${dateLabel(start)} ${shanghaiTime(start)}–${shanghaiTime(end)}`;
}

/** `YYYY-MM-DD` n days after (before, n < 0) a `YYYY-MM-DD` date. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The ISO instant (with +08:00) of a Shanghai date and `HH:mm`. */
export const isoAt = (date: string, hhmm: string): string => `${date}T${hhmm}:00+08:00`;
