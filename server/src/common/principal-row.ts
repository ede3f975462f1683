import { newId } from './ids';
import type { PrincipalColumns } from './db/principal-columns';

/** A new row's principal columns: a fresh id, and the person, actor and company an acting check resolved. */
export function newPrincipalRow(who: Pick<PrincipalColumns, 'userId' | 'actorId' | 'enterpriseId'>): Pick<PrincipalColumns, 'id' | 'userId' | 'actorId' | 'enterpriseId'> {
  return { id: newId(), userId: who.userId, actorId: who.actorId, enterpriseId: who.enterpriseId };
}
