import type { Application, ApplicationMaterial, ApplicationStatus, OnBehalfOf, SlaState, TimelineEvent, UploadLimits } from '@gov/shared'
import { API_BASE, ApiError, request } from './client'
import { session } from '../store/session'
import { uploadChosenFile, type ChosenFile, type UploadResult } from '../platform'
import type { RatingState } from './ratings'

/** Filings (办件): drafts, uploads, credit commitments, submit, notices, progress. */

export interface FilingMaterial extends ApplicationMaterial {
  commitment: null | { at: string; text: string }
  /** since the latest correction notice: files (by content) or a commitment changed; null before any notice */
  changedSinceNotice?: boolean | null
  copies: number
  form: string
  note: string | null
}

export interface NoticeItem {
  materialId: string
  name: string
  reason: string
}

export interface Notice {
  round: number
  issuedAt: string
  deadline: string
  items: NoticeItem[]
}

export interface FilingTimelineEvent extends TimelineEvent {
  action?: string
}

/** In whose name a filing is made (server: PartyView). */
export interface FilingParty {
  type: 'self' | 'enterprise' | 'agent'
  enterpriseId: string | null
  enterpriseName: string | null
  principalId: string
  /** masked */
  principalName: string | null
  agentId: string | null
  /** masked */
  agentName: string | null
}

export interface Filing extends Application, RatingState {
  statusLabel: string
  serviceName: string
  hallId: string
  hallName: string
  keyProject: boolean
  promisedDays: number
  materials: FilingMaterial[]
  timeline?: FilingTimelineEvent[]
  dueAt: string | null
  sla: SlaState | null
  createdAt: string
  submittedAt: string | null
  acceptedAt: string | null
  deemedAccepted: boolean
  receiptNo: string | null
  prereview: null | { deadline: string; daysLeft: number }
  notice: Notice | null
  refuseReason: string | null
  decisionNote: string | null
  delivery: null | { method: string; trackingNo: string | null; at: string | null }
  onBehalf: boolean
  party: FilingParty
  /** the upload limits in force (detail only) */
  uploadLimits?: UploadLimits
}

export interface UploadedFile {
  id: string
  name: string
  size: number
  contentType: string
  sha256: string
}

export interface LookupResult {
  number: string
  serviceName: string
  status: ApplicationStatus
  statusLabel: string
  sla: SlaState | null
  dueAt: string | null
  timeline: TimelineEvent[]
}

const id = encodeURIComponent

export const filingsApi = {
  /** onBehalfOf: for a company or a principal (为谁办理, store/acting); omitted for oneself */
  create: (serviceId: string, hallId?: string, onBehalfOf?: OnBehalfOf | null) =>
    request<Filing>('POST', '/api/applications', { body: { serviceId, hallId, ...(onBehalfOf ? { onBehalfOf } : {}) } }),
  list: () => request<Filing[]>('GET', '/api/applications'),
  get: (filingId: string) => request<Filing>('GET', `/api/applications/${id(filingId)}`),
  deleteFile: (filingId: string, materialId: string, fileId: string) =>
    request<void>('DELETE', `/api/applications/${id(filingId)}/materials/${id(materialId)}/files/${id(fileId)}`),
  commit: (filingId: string, materialIds: string[]) =>
    request<Filing>('POST', `/api/applications/${id(filingId)}/commitment`, { body: { materialIds } }),
  submit: (filingId: string) => request<Filing>('POST', `/api/applications/${id(filingId)}/submit`),
  withdraw: (filingId: string, reason?: string) =>
    request<Filing>('POST', `/api/applications/${id(filingId)}/withdraw`, { body: reason ? { reason } : {} }),
  lookup: (number: string, phoneTail: string) =>
    request<LookupResult>('GET', '/api/applications/lookup', { query: { number, phoneTail }, auth: false }),
  receiptPath: (filingId: string) => `/api/applications/${id(filingId)}/receipt.pdf`,
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
export function partyLabel(p: FilingParty, me: string | null): string {
  if (p.type === 'enterprise') return `企业：${p.enterpriseName ?? '（企业）'}`
  if (p.type === 'agent') return p.agentId === me ? `代 ${p.principalName ?? '委托人'} 办理` : `由 ${p.agentName ?? '代理人'} 代办`
  return '本人办理'
}

/** The filter key of a filing on 我的办件: `self`, `agent`, or `e:<enterpriseId>`. */
export const partyKey = (p: FilingParty): string => (p.type === 'enterprise' ? `e:${p.enterpriseId}` : p.type)

export const FILING_STATUS_LABEL: Record<string, string> = {
  draft: '草稿',
  submitted: '待预审',
  correction_required: '待补正',
  prereview_passed: '预审通过',
  accepted: '已受理',
  refused: '不予受理',
  under_review: '审查中',
  approved: '准予许可',
  denied: '不予许可',
  delivered: '已办结',
  withdrawn: '已撤回',
}

export const SLA_LABEL: Record<string, string> = { on_track: '正常', due_soon: '即将到期', overdue: '已超期' }

/** timeline actions (server keys) in words */
export const ACTION_LABEL: Record<string, string> = {
  create: '创建申报',
  commit: '签署信用承诺',
  submit: '提交预审',
  flag: '出具补正告知',
  pass: '预审通过',
  accept: '受理',
  refuse: '不予受理',
  start_review: '开始审查',
  approve: '准予许可',
  deny: '不予许可',
  deliver: '送达',
  withdraw: '撤回',
  deem_accept: '视为受理',
}
