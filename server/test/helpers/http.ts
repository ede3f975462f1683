/** A small HTTP client for the integration tests: what a user's client would send and see. */
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
  raw?: string | Buffer;
}

export function client(baseUrl: string) {
  async function call<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Buffer | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }
  return {
    call,
    get: <T = any>(p: string, o?: CallOptions) => call<T>('GET', p, o),
    post: <T = any>(p: string, body?: unknown, o: CallOptions = {}) => call<T>('POST', p, { ...o, body }),
    put: <T = any>(p: string, body?: unknown, o: CallOptions = {}) => call<T>('PUT', p, { ...o, body }),
    del: <T = any>(p: string, o?: CallOptions) => call<T>('DELETE', p, o),
  };
}

export type Client = ReturnType<typeof client>;

let phoneSeq = Math.floor(Math.random() * 1e6);
/** A phone number no other test in this run uses. */
export function uniquePhone(): string {
  phoneSeq = (phoneSeq + 7919) % 1e8;
  return `139${String(phoneSeq).padStart(8, '0')}`;
}

/** Sign in with the dev SMS code; returns the tokens and the /me answer. */
export async function signIn(api: Client, phone = uniquePhone()) {
  const sent = await api.post('/api/auth/sms/send', { phone });
  if (sent.status !== 204) throw new Error(`sms send failed: ${sent.status} ${sent.text}`);
  const res = await api.post('/api/auth/sms/login', { phone, code: '123456' });
  if (res.status !== 200) throw new Error(`sms login failed: ${res.status} ${res.text}`);
  return { phone, accessToken: res.body.accessToken as string, refreshToken: res.body.refreshToken as string, user: res.body.user };
}

export async function staffSignIn(api: Client, username: string, password: string) {
  const res = await api.post('/api/auth/staff/login', { username, password });
  if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${res.text}`);
  return { accessToken: res.body.accessToken as string, refreshToken: res.body.refreshToken as string, user: res.body.user };
}

/** Every error answer has this shape and says nothing of stacks or SQL. */
export function expectErrorShape(a: Answer, status: number, code: string): void {
  expect({ status: a.status, code: a.body?.code }).toEqual({ status, code });
  expect(typeof a.body.message).toBe('string');
  expect(a.body.message.length).toBeGreaterThan(0);
  expect(typeof a.body.details).toBe('object');
  expect(a.text).not.toMatch(/at \w+ \(|\.ts:\d+|SELECT |INSERT |QueryFailedError|ER_/);
}
