/**
 * The mini-app's request layer (miniapp/src/api/client.ts) without a browser: `@tarojs/taro` is the
 * fake in test/support/fake-taro.ts (jest.config.js maps it for the unit project).
 * What a user notices: an expired access token costs them nothing (one refresh, the call goes
 * through); a refresh that fails signs them out cleanly, once, and sends them to sign in.
 */
import type { AuthResult, Me } from '@gov/shared';

type FakeTaro = typeof import('../support/fake-taro');
type Client = typeof import('../../miniapp/src/api/client');
type Session = typeof import('../../miniapp/src/store/session');

const user: Me = { id: 'u1', phone: '139****0001', realName: null, idNumber: null, verified: false, roles: ['citizen'], enterprises: [] } as unknown as Me;
const unauthenticated = { statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录', details: {} } };

let taro: FakeTaro;
let client: Client;
let session: Session['session'];

/** Fresh modules for each test: the session store and the refresh in flight are module state. */
beforeEach(() => {
  jest.resetModules();
  taro = require('../support/fake-taro');
  taro.resetTaro();
  client = require('../../miniapp/src/api/client');
  session = (require('../../miniapp/src/store/session') as Session).session;
  session.setAuth({ accessToken: 'expired', refreshToken: 'r1', user } as AuthResult);
});
afterEach(() => {
  jest.useRealTimers();
});

const bearer = (h: Record<string, string>) => h.Authorization ?? h.authorization ?? null;
const calls = () => taro.taroCalls.requests.map((r) => `${r.method} ${r.url} ${bearer(r.header) ?? '-'}`);

/** A server whose access token `expired` is refused and whose refresh answers `refresh`. */
function server(refresh: () => Promise<{ statusCode: number; data?: unknown }> | { statusCode: number; data?: unknown }) {
  let refreshes = 0;
  taro.onRequest(async (req) => {
    if (req.url === '/api/auth/refresh') {
      refreshes++;
      return refresh();
    }
    if (bearer(req.header) === 'Bearer expired') return unauthenticated;
    if (bearer(req.header) === 'Bearer fresh') return { statusCode: 200, data: { ...user, realName: '张三' } };
    return unauthenticated;
  });
  return { refreshes: () => refreshes };
}

const renewed = { statusCode: 200, data: { accessToken: 'fresh', refreshToken: 'r2', user } };

it('an expired access token: exactly one refresh, then the call is retried with the new token and answers', async () => {
  const s = server(() => renewed);
  const me = await client.api.me();
  expect(me.realName).toBe('张三');
  expect(s.refreshes()).toBe(1);
  expect(calls()).toEqual(['GET /api/me Bearer expired', 'POST /api/auth/refresh -', 'GET /api/me Bearer fresh']);
  expect(taro.taroCalls.requests[1].data).toEqual({ refreshToken: 'r1' });
  expect(session.get()).toMatchObject({ accessToken: 'fresh', refreshToken: 'r2' });
  // kept for the next start of the app
  expect(taro.default.getStorageSync('gov.session.v1')).toMatchObject({ accessToken: 'fresh', refreshToken: 'r2' });
  expect(taro.taroCalls.toasts).toEqual([]);
});

it('concurrent calls that meet the expired token share one refresh, and each is retried', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const s = server(async () => {
    await held; // the refresh answers only once every call has met its 401
    return renewed;
  });
  const all = Promise.all([client.api.me(), client.api.me(), client.request('GET', '/api/me/bookings')]);
  await new Promise((r) => setImmediate(r));
  release();
  const answers = await all;
  expect(answers.map((a) => (a as Me).realName)).toEqual(['张三', '张三', '张三']);
  expect(s.refreshes()).toBe(1);
  expect(calls().filter((c) => c.endsWith('Bearer fresh'))).toHaveLength(3);
});

it('a refresh that fails signs out cleanly: the call is refused, the session cleared, listeners told, the user sent to sign in once', async () => {
  jest.useFakeTimers();
  const s = server(() => ({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '登录已失效', details: {} } }));
  const told = jest.fn();
  session.subscribe(() => told(session.get()));

  const results = await Promise.allSettled([client.api.me(), client.request('GET', '/api/me/bookings')]);
  for (const r of results) {
    expect(r.status).toBe('rejected');
    expect((r as PromiseRejectedResult).reason).toMatchObject({ name: 'ApiError', status: 401, code: 'UNAUTHENTICATED' });
  }
  expect(s.refreshes()).toBe(1);
  expect(session.get()).toEqual({ accessToken: null, refreshToken: null, user: null });
  expect(session.isSignedIn()).toBe(false);
  expect(taro.default.getStorageSync('gov.session.v1')).toBe('');
  expect(told).toHaveBeenCalledWith({ accessToken: null, refreshToken: null, user: null });
  expect(taro.taroCalls.toasts).toEqual(['登录已过期，请重新登录']);

  jest.runAllTimers();
  expect(taro.taroCalls.navigations).toEqual(['/pages/login/index']);
  // no request went out again with the dead token after the sign-out
  expect(calls().filter((c) => c.endsWith('Bearer fresh'))).toEqual([]);
});

it('a refresh token the server no longer knows is never retried in a loop: one refresh per expiry', async () => {
  const s = server(() => ({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '登录已失效', details: {} } }));
  await expect(client.api.me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  // signed out: the next call goes without a token and is not refreshed
  await expect(client.api.me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  expect(s.refreshes()).toBe(1);
  expect(calls()).toEqual(['GET /api/me Bearer expired', 'POST /api/auth/refresh -', 'GET /api/me -']);
});
