import type { CreateApplicationRequest, DeliveryChoiceRequest, LookupView, MaterialView, OnBehalfOf, PartyView, RatedApplicationListItem, RatedApplicationView, UploadedFile } from '@gov/shared'
import { API_BASE, ApiError, request } from './client'
import { session } from '../store/session'
import { uploadChosenFile, type ChosenFile, type UploadResult } from '../platform'

/** Filings (办件): drafts, uploads, credit commitments, submit, notices, progress (shapes: @gov/shared). */
export type { LookupView, MaterialView, PartyView, RatedApplicationListItem, RatedApplicationView, UploadedFile }

const id = encodeURIComponent

export const filingsApi = {
  /** onBehalfOf: for a company or a principal (为谁办理, store/acting); omitted for oneself */
  create: (serviceId: string, hallId?: string, onBehalfOf?: OnBehalfOf | null) =>
    request<RatedApplicationView>('POST', '/api/applications', { body: { serviceId, hallId, ...(onBehalfOf ? { onBehalfOf } : {}) } satisfies CreateApplicationRequest }),
  /** 一件事: one filing for the whole bundle (one merged materials list, a `parts` entry per department) */
  createBundle: (bundleId: string, hallId?: string, onBehalfOf?: OnBehalfOf | null) =>
    request<RatedApplicationView>('POST', '/api/applications', { body: { bundleId, hallId, ...(onBehalfOf ? { onBehalfOf } : {}) } satisfies CreateApplicationRequest }),
  list: () => request<RatedApplicationListItem[]>('GET', '/api/applications'),
  get: (filingId: string) => request<RatedApplicationView>('GET', `/api/applications/${id(filingId)}`),
  deleteFile: (filingId: string, materialId: string, fileId: string) =>
    request<void>('DELETE', `/api/applications/${id(filingId)}/materials/${id(materialId)}/files/${id(fileId)}`),
  commit: (filingId: string, materialIds: string[]) =>
    request<RatedApplicationView>('POST', `/api/applications/${id(filingId)}/commitment`, { body: { materialIds } }),
  submit: (filingId: string) => request<RatedApplicationView>('POST', `/api/applications/${id(filingId)}/submit`),
  withdraw: (filingId: string, reason?: string) =>
    request<RatedApplicationView>('POST', `/api/applications/${id(filingId)}/withdraw`, { body: reason ? { reason } : {} }),
  lookup: (number: string, phoneTail: string) =>
    request<LookupView>('GET', '/api/applications/lookup', { query: { number, phoneTail }, auth: false }),
  /** how the result is to reach the applicant (address for post) */
  chooseDelivery: (filingId: string, choice: DeliveryChoiceRequest) =>
    request<RatedApplicationView>('PUT', `/api/applications/${id(filingId)}/delivery`, { body: choice }),
  receiptPath: (filingId: string) => `/api/applications/${id(filingId)}/receipt.pdf`,
  decisionPath: (filingId: string) => `/api/applications/${id(filingId)}/decision.pdf`,
  returnPath: (filingId: string) => `/api/applications/${id(filingId)}/return.pdf`,
  filePath: (fileId: string) => `/api/files/${id(fileId)}`,
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return {}
  }
}

function uploadOnce(url: string, file: ChosenFile, onProgress?: (percent: number) => void): Promise<UploadResult> {
  const token = session.get().accessToken
  return uploadChosenFile({ url, file, field: 'file', header: token ? { Authorization: `Bearer ${token}` } : {}, onProgress })
}

/**
 * Upload one file to a material (multipart field `file`), reporting progress (0–100).
 * A 401 refreshes the session once through the typed client and retries.
 */
export async function uploadMaterialFile(
  filingId: string,
  materialId: string,
  file: ChosenFile,
  onProgress?: (percent: number) => void,
): Promise<UploadedFile> {
  const url = `${API_BASE}/api/applications/${id(filingId)}/materials/${id(materialId)}/files`
  let res: UploadResult
  try {
    res = await uploadOnce(url, file, onProgress)
    if (res.statusCode === 401) {
      // refresh through the client (it refreshes once for every caller), then retry
      await request('GET', '/api/messages/unread-count')
      res = await uploadOnce(url, file, onProgress)
    }
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error && e.message ? e.message : '上传失败，请检查网络后重试')
  }
  const body = parseBody(res.data) as Record<string, unknown>
  if (res.statusCode < 200 || res.statusCode >= 300) {
    const message = typeof body?.message === 'string' ? body.message : '上传失败，请重试'
    const code = typeof body?.code === 'string' ? body.code : 'INTERNAL'
    throw new ApiError(res.statusCode, code as ApiError['code'], message, (body?.details as Record<string, unknown>) ?? {})
  }
  return body as unknown as UploadedFile
}

/**
 * In whose name, worded for the one reading it (`me`: the signed-in user's id):
 * 本人办理 / 企业：清河星火科技有限公司 / 代 李*明 办理 (the agent reads it) / 由 王* 代办 (the principal reads it).
 */
export function partyLabel(p: PartyView, me: string | null): string {
  if (p.type === 'enterprise') return `企业：${p.enterpriseName ?? '（企业）'}`
  if (p.type === 'agent') return p.agentId === me ? `代 ${p.principalName ?? '委托人'} 办理` : `由 ${p.agentName ?? '代理人'} 代办`
  return '本人办理'
}

/** The filter key of a filing on 我的办件: `self`, `agent`, or `e:<enterpriseId>`. */
export const partyKey = (p: PartyView): string => (p.type === 'enterprise' ? `e:${p.enterpriseId}` : p.type)
