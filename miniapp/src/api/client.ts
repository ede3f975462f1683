import Taro from '@tarojs/taro'
import {
  DEFAULT_ERROR_MESSAGES,
  ERROR_CODES,
  type AuthResult,
  type ErrorCode,
  type FieldError,
  type HealthResult,
  type Me,
  type Page,
  type ServiceSearch,
  type ServiceSummary,
  type VerifyRequest,
} from '@gov/shared'
import type { PlatformLoginCode } from '../platform'
import { session } from '../store/session'
import { expireSession } from './expire'

/**
 * The one typed client over the HTTP contract (shared/API.md).
 *
 * - H5 calls its own origin (paths start with /api); mini-programs call TARO_APP_API_BASE.
 * - Authorization: Bearer <accessToken> when signed in.
 * - On 401 UNAUTHENTICATED it refreshes once (one refresh in flight for all callers) and
 *   retries; when that fails the session is cleared and the user is sent to sign in.
 * - Every failure is an ApiError { status, code, message, details }.
 */
export const API_BASE: string = process.env.TARO_APP_API_BASE ?? ''

const REQUEST_TIMEOUT_MS = 15000

/** Client-side codes for failures that never reached the server. */
export type ClientErrorCode = 'NETWORK_ERROR'

export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode | ClientErrorCode
  readonly details: Record<string, unknown>
  /** seconds, from Retry-After on 429 */
  readonly retryAfter: number | null

  constructor(
    status: number,
    code: ErrorCode | ClientErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    retryAfter: number | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.retryAfter = retryAfter
  }

  /** VALIDATION_FAILED details.fields as a { field: message } map */
  get fieldErrors(): Record<string, string> {
    const fields = this.details.fields
    const out: Record<string, string> = {}
    if (Array.isArray(fields)) {
      for (const f of fields as FieldError[]) {
        if (f && typeof f.field === 'string' && typeof f.message === 'string' && !out[f.field]) out[f.field] = f.message
      }
    }
    return out
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** A message fit to show to people, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error && e.message) return e.message
  return DEFAULT_ERROR_MESSAGES.INTERNAL
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'VALIDATION_FAILED'
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 413) return 'FILE_TOO_LARGE'
  if (status === 415) return 'UNSUPPORTED_FILE_TYPE'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE'
  return 'INTERNAL'
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  return key ? headers[key] : undefined
}

function toApiError(status: number, body: unknown, headers?: Record<string, string>): ApiError {
  const obj = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const code: ErrorCode = isErrorCode(obj.code) ? obj.code : codeForStatus(status)
  const message = typeof obj.message === 'string' && obj.message.trim() ? obj.message : DEFAULT_ERROR_MESSAGES[code]
  const details = obj.details && typeof obj.details === 'object' ? (obj.details as Record<string, unknown>) : {}
  const retryAfterRaw = header(headers, 'retry-after')
  const retryAfter = retryAfterRaw && /^\d+$/.test(retryAfterRaw) ? Number(retryAfterRaw) : null
  return new ApiError(status, code, message, details, retryAfter)
}

export type Query = Record<string, string | number | boolean | null | undefined>

/** `path` with the non-empty values of `query` as its query string. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const parts: string[] = []
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  }
  return parts.length ? `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}` : path
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** send the access token (default true when signed in) */
  auth?: boolean
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

async function send(method: Method, path: string, opts: RequestOptions, accessToken: string | null) {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`
  try {
    return await Taro.request({
      url: API_BASE + withQuery(path, opts.query),
      method,
      data: opts.body as any,
      header: headers,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE)
  }
}

// ---- refresh (single flight) ----

let refreshing: Promise<boolean> | null = null

/** Exchange the refresh token once for all concurrent callers. Resolves true when a new pair is stored. */
function refreshOnce(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = session.get().refreshToken
      if (!refreshToken) return false
      try {
        const res = await send('POST', '/api/auth/refresh', { body: { refreshToken } }, null)
        if (res.statusCode >= 200 && res.statusCode < 300 && res.data && (res.data as AuthResult).accessToken) {
          const data = res.data as AuthResult
          // only if nobody signed out or in meanwhile
          if (session.get().refreshToken === refreshToken) session.setTokens(data.accessToken, data.refreshToken, data.user)
          return true
        }
        return false
      } catch {
        // network failure: keep the session, the caller sees the original error
        throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE)
      }
    })().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

/**
 * One call to the API with the session's token and the refresh-once rule. Area clients
 * (api/<area>.ts) build their typed methods on this.
 */
export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const useAuth = opts.auth !== false
  let token = useAuth ? session.get().accessToken : null
  let res = await send(method, path, opts, token)

  if (res.statusCode === 401 && token) {
    const first = toApiError(401, res.data, res.header)
    if (first.code !== 'UNAUTHENTICATED') throw first
    const current = session.get().accessToken
    // another call refreshed while this one was in flight: just retry with the new token
    const refreshed = current && current !== token ? true : await refreshOnce()
    if (!refreshed) {
      expireSession()
      throw first
    }
    token = session.get().accessToken
    res = await send(method, path, opts, token)
    if (res.statusCode === 401) {
      const second = toApiError(401, res.data, res.header)
      if (second.code === 'UNAUTHENTICATED') expireSession()
      throw second
    }
  }

  if (res.statusCode < 200 || res.statusCode >= 300) throw toApiError(res.statusCode, res.data, res.header)
  return (res.statusCode === 204 ? undefined : res.data) as T
}

// ---- methods (shared/API.md) ----

export type { ServiceSearch }

export const api = {
  health: () => request<HealthResult>('GET', '/api/health', { auth: false }),

  // Auth
  sendSmsCode: (phone: string) => request<void>('POST', '/api/auth/sms/send', { body: { phone }, auth: false }),
  smsLogin: (phone: string, code: string) =>
    request<AuthResult>('POST', '/api/auth/sms/login', { body: { phone, code }, auth: false }),
  wechatLogin: (code: string) => request<AuthResult>('POST', '/api/auth/wechat/login', { body: { code }, auth: false }),
  alipayLogin: (authCode: string) =>
    request<AuthResult>('POST', '/api/auth/alipay/login', { body: { authCode }, auth: false }),
  /** exchange a platform login code (see platform/getPlatformLoginCode) */
  platformLogin: (c: PlatformLoginCode) => (c.kind === 'wechat' ? api.wechatLogin(c.code) : api.alipayLogin(c.authCode)),
  refresh: (refreshToken: string) =>
    request<AuthResult>('POST', '/api/auth/refresh', { body: { refreshToken }, auth: false }),
  logout: (refreshToken: string) => request<void>('POST', '/api/auth/logout', { body: { refreshToken }, auth: false }),

  // Me
  me: () => request<Me>('GET', '/api/me'),
  verify: (body: VerifyRequest) => request<Me>('POST', '/api/me/verify', { body }),

  // Catalogue (public)
  searchServices: (params: ServiceSearch = {}) =>
    request<Page<ServiceSummary>>('GET', '/api/services', { query: { ...params }, auth: false }),
}

export type Api = typeof api
