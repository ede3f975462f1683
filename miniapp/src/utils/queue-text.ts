/**
 * What the ticket page and the call screen say about a ticket: pure, so that the words are
 * unit-tested (test/miniapp/queue.spec.ts). Shapes are the contract's (@gov/shared), read through
 * the few fields each line needs.
 */
import { parseHallPosterText } from '@gov/shared'

/** "3号窗口" from a window's name, whether the hall named it `3`, `3号` or `3号窗口` (or `综合窗口`). */
export function windowLabel(name: string): string {
  const n = name.trim()
  if (/窗口$/.test(n)) return n
  if (/号$/.test(n)) return `${n}窗口`
  return /^\d+$/.test(n) ? `${n}号窗口` : `${n}窗口`
}

/** "预计等待 12 分钟", "预计很快" under a minute; null when the hall has no service times yet. */
export function waitText(minutes: number | null | undefined): string | null {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return null
  const m = Math.round(minutes)
  return m < 1 ? '预计很快轮到您' : `预计等待 ${m} 分钟`
}

/**
 * The line under a waiting ticket's number: "前面还有 3 人，预计等待 12 分钟", "下一位就是您，请留意叫号"
 * when nobody is ahead.
 */
export function aheadLine(ahead: number, estimatedWaitMinutes: number | null | undefined): string {
  if (ahead <= 0) return '下一位就是您，请留意叫号'
  const wait = waitText(estimatedWaitMinutes)
  return wait ? `前面还有 ${ahead} 人，${wait}` : `前面还有 ${ahead} 人`
}

/**
 * What the scanner found on the hall's poster (`zwt-hall:<hallId>:<hallCode>`, @gov/shared
 * hallPosterText), or a code typed from it. Null when it is neither (someone scanned another code).
 */
export function readPoster(scanned: string): { hallCode: string; hallId: string | null } | null {
  const poster = parseHallPosterText(scanned)
  if (poster) return poster
  const text = scanned.trim()
  return /^[A-Za-z0-9-]{4,32}$/.test(text) ? { hallCode: text.toUpperCase(), hallId: null } : null
}
