import { RECTIFICATION_STATE_LABELS, SLA_LABELS, type PartStatus, type SlaState } from '@gov/shared'
import type { Tone } from '@/components/StatusTag/tone'

/** A status as a StatusTag shows it: its one Chinese label (@gov/shared) and its colour. */
export interface Toned {
  text: string
  tone: Tone
}

/** Each status with its shared label and the tone given here (the tones' keys, in their order). */
export function toned<K extends string>(labels: Readonly<Record<K, string>>, tones: Readonly<Record<K, Tone>>): Record<K, Toned> {
  return Object.fromEntries((Object.keys(tones) as K[]).map((k) => [k, { text: labels[k], tone: tones[k] }])) as Record<K, Toned>
}

/** A filing's deadline state (办结时限): on track, due soon, overdue. */
export const SLA_TONE: Record<SlaState, Tone> = { on_track: 'success', due_soon: 'warning', overdue: 'danger' }
export const SLA_STATUS = toned(SLA_LABELS, SLA_TONE)

/** A rectification ticket (整改) as the applicant and the staff see it. */
export const RECTIFICATION_STATUS = toned(RECTIFICATION_STATE_LABELS, { open: 'warning', answered: 'success', overdue: 'danger' })

/** One department's part of a 一件事 filing (超时默认 counts as agreed). */
export const PART_TONE: Record<PartStatus, Tone> = {
  draft: 'muted',
  prereview: 'info',
  flagged: 'danger',
  passed: 'info',
  accepted: 'info',
  under_review: 'info',
  approved: 'success',
  denied: 'danger',
  deemed_approved: 'success',
}
