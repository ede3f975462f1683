import type {
  HallCodeView,
  HallQueueFigures,
  HallQueueView,
  OvertimeServiceView,
  StaffIssueTicketBody,
  StaffTicketView,
  TakeTicketBody,
  TicketStatus,
  TicketView,
  WindowView,
} from '@gov/shared'
import { request } from './client'

/** The hall's queue (API.md, The hall's queue; Staff: hall-code, windows, tickets). Shapes: @gov/shared. */
export type { HallCodeView, HallQueueFigures, HallQueueView, OvertimeServiceView, StaffTicketView, TicketView, WindowView }

const id = encodeURIComponent

export const queueApi = {
  /** 取号: hallCode from the hall's poster; with bookingId the booking is checked in (appointment lane) */
  take: (hallId: string, body: TakeTicketBody) => request<TicketView>('POST', `/api/halls/${id(hallId)}/tickets`, { body }),
  ticket: (ticketId: string) => request<TicketView>('GET', `/api/tickets/${id(ticketId)}`),
  /** the ticket's event stream (text/event-stream, the caller's token) */
  ticketEvents: (ticketId: string) => `/api/tickets/${id(ticketId)}/events`,
  /** the holder gives up a waiting or skipped ticket */
  leave: (ticketId: string) => request<TicketView>('POST', `/api/tickets/${id(ticketId)}/leave`),
  /** the caller's tickets today */
  mine: () => request<TicketView[]>('GET', '/api/me/tickets'),
  /** the hall's call screen (public, no personal data) */
  hall: (hallId: string) => request<HallQueueView>('GET', `/api/halls/${id(hallId)}/queue`, { auth: false }),
  hallEvents: (hallId: string) => `/api/halls/${id(hallId)}/queue/events`,
}

/** A queue action of a window on one ticket (POST /staff/tickets/:id/<action>). */
export type TicketAction = 'recall' | 'skip' | 'serve' | 'finish' | 'requeue' | 'confirm-green'

export const staffQueueApi = {
  hallCode: () => request<HallCodeView>('GET', '/api/staff/hall-code'),
  windows: () => request<WindowView[]>('GET', '/api/staff/windows'),
  tickets: (status?: TicketStatus) => request<StaffTicketView[]>('GET', '/api/staff/tickets', { query: { status } }),
  callNext: (windowId: string) => request<StaffTicketView | null>('POST', `/api/staff/windows/${id(windowId)}/call-next`),
  act: (ticketId: string, action: TicketAction) => request<StaffTicketView>('POST', `/api/staff/tickets/${id(ticketId)}/${action}`),
  issue: (body: StaffIssueTicketBody) => request<StaffTicketView>('POST', '/api/staff/tickets', { body }),
  /** 延时服务登记 of a day (YYYY-MM-DD, Asia/Shanghai): tickets finished after the hall's closing time, latest first */
  /** for supervisors: today's queue of the caller's hall in figures (every hall for an admin, longest queue first) */
  queueFigures: () => request<HallQueueFigures[]>('GET', '/api/staff/supervision/queues'),
  overtime: (date: string) => request<OvertimeServiceView[]>('GET', '/api/staff/overtime-services', { query: { date } }),
}
