/**
 * The one HTTP vocabulary of the tests (integration suites, e2e journeys, set-up in scripts' spirit):
 * what a user's client would send and see.
 *
 * - `client(baseUrl)` answers every call as an `Answer` (status, parsed body, headers, text) and
 *   never throws on an HTTP status: integration suites assert on refusals.
 * - `client(baseUrl).json()` is the set-up flavour: it answers the parsed body and throws an
 *   `ApiError` (status, body) on anything but 2xx; `refusal()` catches the one a call must raise.
 */
import { PRIVACY_TERMS_VERSION } from '@gov/shared';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** sent as is (no content type of its own) */
  raw?: string | Uint8Array;
}

/** A file as a user picks it: name, MIME type, bytes. */
export interface UploadFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A call that answered anything but 2xx (from `json()`), or a set-up step that failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
    what: string,
  ) {
    super(`${what} → ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.name = 'ApiError';
  }
}

/** The dev SMS provider's code; the test servers are started with it whatever the caller's shell says (test-app.ts). */
export const TEST_SMS_CODE = '123456';

/**
 * A client of the server at `baseUrl`; a function is asked for the address at each call (a fixture's
 * client exists before its server has started).
 */
/** What fetch takes as a body, with or without the DOM library. */
type FetchBody = NonNullable<Parameters<typeof fetch>[1]>['body'];

export function client(baseUrl: string | (() => string)) {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  async function send<T>(method: string, path: string, headers: Record<string, string>, body: FetchBody): Promise<Answer<T>> {
    const res = await fetch(`${base()}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  function call<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: FetchBody;
    if (opts.raw !== undefined) body = typeof opts.raw === 'string' ? opts.raw : new Uint8Array(opts.raw);
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    return send<T>(method, path, headers, body);
  }

  /** The parsed body of a 2xx answer (undefined for 204); any other status throws ApiError. */
  async function json<T = any>(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<T> {
    const a = await call<T>(method, path, { ...opts, headers: { accept: 'application/json' } });
    if (a.status < 200 || a.status >= 300) throw new ApiError(a.status, a.body, `${method} ${path}`);
    return (a.body ?? undefined) as T;
  }

  /** One file to a material of a filing (multipart, field `file`), as the mini-app uploads it. */
  function upload(token: string, appId: string, materialId: string, file: UploadFile): Promise<Answer> {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return send('POST', `/api/applications/${appId}/materials/${materialId}/files`, { authorization: `Bearer ${token}` }, fd);
  }

  return {
    get baseUrl() {
      return base();
    },
    call,
    json,
    upload,
    get: <T = any>(p: string, o?: CallOptions) => call<T>('GET', p, o),
    post: <T = any>(p: string, body?: unknown, o: CallOptions = {}) => call<T>('POST', p, { ...o, body }),
    put: <T = any>(p: string, body?: unknown, o: CallOptions = {}) => call<T>('PUT', p, { ...o, body }),
    del: <T = any>(p: string, o?: CallOptions) => call<T>('DELETE', p, o),
  };
}

export type Client = ReturnType<typeof client>;

/** The ApiError a call is refused with (fails when it succeeds). */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

/** The body of an answer with the expected status; otherwise an ApiError naming what failed. */
export function must<T = any>(a: Answer<T>, status: number, what: string): T {
  if (a.status !== status) throw new ApiError(a.status, a.body, what);
  return a.body;
}

let phoneSeq = Math.floor(Math.random() * 1e6);
/** A phone number no other test in this run uses. */
export function uniquePhone(): string {
  phoneSeq = (phoneSeq + 7919) % 1e8;
  return `139${String(phoneSeq).padStart(8, '0')}`;
}

/**
 * Sign in with the test SMS code and, as the mini-app asks at first sign-in, agree to the current privacy
 * terms (the server refuses 实名认证 before that); `{ consent: false }` leaves the new account without
 * consent. Returns the tokens and the user as the login answered it.
 */
export async function signIn(api: Client, phone = uniquePhone(), opts: { consent?: boolean } = {}) {
  must(await api.post('/api/auth/sms/send', { phone }), 204, 'sms send');
  const body = must(await api.post('/api/auth/sms/login', { phone, code: TEST_SMS_CODE }), 200, 'sms login');
  if (opts.consent !== false) must(await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token: body.accessToken }), 200, 'consent');
  return { phone, accessToken: body.accessToken as string, refreshToken: body.refreshToken as string, user: body.user };
}

export async function staffSignIn(api: Client, username: string, password: string) {
  const body = must(await api.post('/api/auth/staff/login', { username, password }), 200, 'staff login');
  return { accessToken: body.accessToken as string, refreshToken: body.refreshToken as string, user: body.user };
}

/** Every error answer has this shape and says nothing of stacks or SQL. */
export function expectErrorShape(a: Answer, status: number, code: string): void {
  expect({ status: a.status, code: a.body?.code }).toEqual({ status, code });
  expect(typeof a.body.message).toBe('string');
  expect(a.body.message.length).toBeGreaterThan(0);
  expect(typeof a.body.details).toBe('object');
  expect(a.text).not.toMatch(/at \w+ \(|\.ts:\d+|SELECT |INSERT |QueryFailedError|ER_/);
}
