import type { ClosingCheck, ConsentRequest, Me, TodoSummary } from '@gov/shared'
import { request } from './client'

/** The account's own life: consent to the privacy terms, 注销, the home page's to-do card. */
export const accountApi = {
  /** record consent to the privacy terms of this version; answers the updated /me */
  consent: (version: string) => request<Me>('POST', '/api/me/consent', { body: { version } satisfies ConsentRequest }),
  /** what would keep 注销 from going through */
  closingCheck: () => request<ClosingCheck>('GET', '/api/me/closing-check'),
  /** 注销: 204, or 409 INVALID_STATE with the counts of what is still open */
  close: () => request<void>('DELETE', '/api/me'),
  todo: () => request<TodoSummary>('GET', '/api/me/todo'),
}
