import { maskName } from '@gov/shared';
import type { AuthUser } from '../common/auth/auth.decorators';
import type { UsersService } from '../users/users.service';

/** The `where` part that keeps a staff list to the caller's hall; nothing for an admin (every hall). */
export const hallScope = (caller: AuthUser): { hallId?: string } => (caller.roles.includes('admin') ? {} : { hallId: caller.hallId ?? '-' });

/** Staff lists: each view with its applicant's masked real name (rows and views in the same order). */
export async function withApplicantNames<V>(users: UsersService, rows: ReadonlyArray<{ userId: string }>, views: V[]): Promise<Array<V & { applicantName: string | null }>> {
  const people = await Promise.all(rows.map((r) => users.findById(r.userId)));
  return views.map((v, i) => ({ ...v, applicantName: maskName(people[i]?.realName ?? null) }));
}
