import type { Tone } from '@/components/StatusTag/tone'

export const FILING_TONE: Record<string, Tone> = {
  draft: 'muted',
  submitted: 'info',
  correction_required: 'danger',
  prereview_passed: 'info',
  accepted: 'info',
  refused: 'danger',
  under_review: 'info',
  approved: 'success',
  denied: 'danger',
  ready_for_pickup: 'warning',
  delivered: 'success',
  withdrawn: 'muted',
  returned: 'danger',
  forwarding: 'warning',
  returning: 'warning',
}

export { SLA_TONE } from '@/utils/status-tones'
