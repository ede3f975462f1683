import { api } from '../api/client'
import { showUnreadBadge } from '../api/messages'
import { session } from '../store/session'

/**
 * The one way out of a session (我的 退出登录, the desk's 退出登录, declining the privacy terms):
 * revoke the refresh token (a server that cannot be reached does not keep anyone signed in), forget
 * the session and take the unread badge off the 我的 tab at once.
 */
export async function signOut(): Promise<void> {
  const refreshToken = session.get().refreshToken
  try {
    if (refreshToken) await api.logout(refreshToken)
  } catch {
    // signing out locally is enough
  }
  session.clear()
  showUnreadBadge(0)
}
