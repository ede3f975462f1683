import type { TicketStatus } from '@gov/shared'
import type { Tone } from '@/components/StatusTag/tone'

/** The colour of a ticket's status tag (the ticket page and the desk's queue panel). */
export const TICKET_TONE: Record<TicketStatus, Tone> = {
  waiting: 'info',
  called: 'warning',
  serving: 'success',
  done: 'muted',
  skipped: 'danger',
  left: 'muted',
}
