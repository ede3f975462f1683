import { isStaffUser } from '@/api/staff'
import { useSession } from '@/store/session'

/**
 * Whether a desk page may load its data: a signed-in staff member (or admin), or with
 * `adminOnly` an admin only. `accessToken` is there to reload on a new session.
 */
export function useDeskAccess(adminOnly = false) {
  const { accessToken, user } = useSession()
  const enabled = !!accessToken && (adminOnly ? !!user?.roles.includes('admin') : isStaffUser(user?.roles))
  return { accessToken, user, enabled }
}
