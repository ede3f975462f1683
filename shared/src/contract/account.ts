/** Wire shapes of the account (the consent, to-do and closing types live in ../account.ts). */
import type { CloseAccountBlockers } from '../account';

/** GET /me/closing-check */
export type ClosingCheck = CloseAccountBlockers & { canClose: boolean };
