import { createHash } from 'node:crypto';

/**
 * Whether a delivered filing is drawn for a follow-up call-back (DESIGN.md: a configured share,
 * larger for key projects). The draw is a hash of the filing id and month mapped to [0, 100):
 * the same filing always gives the same answer, so the job may run any number of times, on any
 * number of instances, and draws exactly the same sample; across many filings the share converges
 * to the configured percentage.
 */
export function drawnForFollowUp(applicationId: string, month: string, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  const h = createHash('sha256').update(`${applicationId}:${month}`).digest();
  return (h.readUInt32BE(0) / 0x1_0000_0000) * 100 < percent;
}

/** YYYY-MM of an Asia/Shanghai date. */
export const monthOf = (date: string): string => date.slice(0, 7);
