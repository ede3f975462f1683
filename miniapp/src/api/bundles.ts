import type { BundleDetail, BundleSummary } from '@gov/shared'
import { request } from './client'

/** 一件事 bundles (public): the list for the home page; one bundle with its services, departments and merged checklist (shapes: @gov/shared). */
export type { BundleDetail, BundleSummary }

const id = encodeURIComponent

export const bundlesApi = {
  list: () => request<BundleSummary[]>('GET', '/api/bundles', { auth: false }),
  get: (bundleId: string) => request<BundleDetail>('GET', `/api/bundles/${id(bundleId)}`, { auth: false }),
}
