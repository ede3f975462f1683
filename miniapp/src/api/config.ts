import type { PublicConfig } from '@gov/shared'
import { request } from './client'

/** GET /api/config: the server's public settings (booking horizon). Public. */
export const configApi = {
  get: () => request<PublicConfig>('GET', '/api/config', { auth: false }),
}
