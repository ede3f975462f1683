import Taro from '@tarojs/taro'
import type { MessageView, SubscribeTemplateKey } from '@gov/shared'
import { requestSubscribeMessage, supportsSubscribeMessage } from '../platform'
import { session } from '../store/session'
import { request } from './client'

/** The message centre and subscribe-message consent (API.md, Messages; shapes: @gov/shared). */
export type { MessageView, SubscribeTemplateKey }

/** index of 我的 in the tab bar (app.config.ts) */
const ME_TAB_INDEX = 2

export const messagesApi = {
  list: (unread = false) => request<MessageView[]>('GET', '/api/messages', { query: { unread: unread ? 1 : undefined } }),
  unreadCount: () => request<{ count: number }>('GET', '/api/messages/unread-count'),
  read: (id: string) => request<void>('POST', `/api/messages/${encodeURIComponent(id)}/read`),
  templates: () =>
    request<Partial<Record<SubscribeTemplateKey, string>>>('GET', '/api/messages/subscribe-templates', { auth: false }),
  consent: (accepted: SubscribeTemplateKey[]) =>
    request<Record<SubscribeTemplateKey, number>>('POST', '/api/messages/subscriptions', { body: { accepted } }),
}

/** Show the unread count on the 我的 tab (removes the badge at 0). Never throws. */
export function showUnreadBadge(count: number): void {
  const done = () => undefined
  try {
    if (count > 0) {
      Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: count > 99 ? '99+' : String(count) }).catch(done)
    } else {
      Taro.removeTabBarBadge({ index: ME_TAB_INDEX }).catch(done)
    }
  } catch {
    // not on a page with a tab bar
  }
}

/** Ask the server for the unread count and show it on the 我的 tab. Returns the count (0 when signed out or on failure). */
export async function refreshUnreadBadge(): Promise<number> {
  if (!session.isSignedIn()) {
    showUnreadBadge(0)
    return 0
  }
  try {
    const { count } = await messagesApi.unreadCount()
    showUnreadBadge(count)
    return count
  } catch {
    return 0
  }
}

let templateCache: Partial<Record<SubscribeTemplateKey, string>> | null = null

/** Load the template ids ahead of the tap (WeChat refuses requestSubscribeMessage after an await in the tap). */
export async function prefetchSubscribeTemplates(): Promise<void> {
  if (!supportsSubscribeMessage || templateCache) return
  try {
    templateCache = await messagesApi.templates()
  } catch {
    // asked again on the tap
  }
}

/**
 * Subscribe-message consent (WeChat; Alipay too where templates are configured). Call it ONLY from a
 * tap handler, at the moments that matter (after booking, after submitting a filing), and call
 * prefetchSubscribeTemplates() when the page opens: the platform dialog must open within the tap.
 * The accepted templates are told to the server. Resolves to the accepted keys ([] on H5, with no
 * templates configured, or when the user declines).
 */
export async function askSubscribeConsent(keys: SubscribeTemplateKey[]): Promise<SubscribeTemplateKey[]> {
  if (!supportsSubscribeMessage || keys.length === 0) return []
  if (!templateCache) {
    try {
      templateCache = await messagesApi.templates()
    } catch {
      return []
    }
  }
  const templates = templateCache
  const wanted = keys.filter((k) => !!templates[k])
  if (wanted.length === 0) return []
  const acceptedIds = await requestSubscribeMessage(wanted.map((k) => templates[k] as string))
  const accepted = wanted.filter((k) => acceptedIds.includes(templates[k] as string))
  if (accepted.length > 0) {
    try {
      await messagesApi.consent(accepted)
    } catch {
      // the consent is kept by the platform; the server learns of it next time
    }
  }
  return accepted
}
