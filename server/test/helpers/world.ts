/** Moved to test/support/world.ts (and the suites' set-up to test/support/fixture.ts); this path keeps working. */
import type { Answer, Client } from '../../../test/support/http';

export * from '../../../test/support/world';

/** Saturday 2026-12-12, 10:00–11:00 Beijing time (a rest day in the seeded calendar): when the suites ask to be served off hours. */
export const SATURDAY_OFFHOURS = { preferredStart: '2026-12-12T02:00:00.000Z', preferredEnd: '2026-12-12T03:00:00.000Z', note: '周末办理' } as const;

/**
 * POST /api/offhours-requests as `token` for that Saturday; `body` names the service and hall and may
 * add or override fields (onBehalfOf, note). The raw answer: the caller checks the status.
 */
export function askOffhours(api: Client, token: string, body: { serviceId: string; hallId: string } & Record<string, unknown>): Promise<Answer> {
  return api.post('/api/offhours-requests', { ...SATURDAY_OFFHOURS, ...body }, { token });
}
