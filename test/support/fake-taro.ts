/**
 * A fake `@tarojs/taro` for unit tests of mini-app modules without a browser or a mini-program
 * runtime (jest's unit project maps the module here): storage in a Map, `request` answered by the
 * test's handler, and the UI calls (toast, navigation) recorded.
 */
export interface FakeRequest {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}

export interface FakeResponse {
  statusCode: number;
  data?: unknown;
  header?: Record<string, string>;
}

type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

const storage = new Map<string, unknown>();
let handler: Handler = () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: 'no handler', details: {} } });

/** What the code under test did: the requests it sent and the UI calls it made. */
export const taroCalls = {
  requests: [] as FakeRequest[],
  toasts: [] as string[],
  navigations: [] as string[],
};

/** Answer the next requests with this handler. */
export function onRequest(h: Handler): void {
  handler = h;
}

/** Forget storage, handler and recorded calls. */
export function resetTaro(): void {
  storage.clear();
  taroCalls.requests.length = 0;
  taroCalls.toasts.length = 0;
  taroCalls.navigations.length = 0;
  handler = () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: 'no handler', details: {} } });
}

const Taro = {
  async request(opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
    const req: FakeRequest = { url: opts.url, method: opts.method ?? 'GET', data: opts.data, header: { ...(opts.header ?? {}) } };
    taroCalls.requests.push(req);
    const res = await handler(req);
    return { statusCode: res.statusCode, data: res.data, header: res.header ?? {} };
  },
  getStorageSync(key: string): unknown {
    return storage.has(key) ? storage.get(key) : '';
  },
  setStorageSync(key: string, value: unknown): void {
    storage.set(key, JSON.parse(JSON.stringify(value)));
  },
  removeStorageSync(key: string): void {
    storage.delete(key);
  },
  showToast(o: { title: string }): Promise<void> {
    taroCalls.toasts.push(o.title);
    return Promise.resolve();
  },
  navigateTo(o: { url: string }): Promise<void> {
    taroCalls.navigations.push(o.url);
    return Promise.resolve();
  },
  reLaunch(o: { url: string }): Promise<void> {
    taroCalls.navigations.push(o.url);
    return Promise.resolve();
  },
  getCurrentPages(): Array<{ route: string }> {
    return [{ route: 'pages/index/index' }];
  },
};

export default Taro;
