import * as fs from 'node:fs';
import jwt from 'jsonwebtoken';
import { expectErrorShape, signIn, staffSignIn, uniquePhone } from './helpers/http';
import { useTestApp } from '../../test/support/fixture';
import { connectDatabase } from './helpers/test-app';

/** The API core: error shapes, docs, health, tokens, role guards, masking. */
describe('foundation', () => {
  const f = useTestApp({ world: false });
  const api = f.api;


  describe('health and documents', () => {
    it('reports the database up', async () => {
      const r = await api.get('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ok', database: 'up' });
    });

    it('publishes the OpenAPI document and Swagger UI', async () => {
      const doc = await api.get('/api/docs-json');
      expect(doc.status).toBe(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/sms/send', '/api/auth/sms/login', '/api/me', '/api/health']));
      const ui = await api.get('/api/docs');
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger');
    });

    it('sends security headers and a request id', async () => {
      const r = await api.get('/api/health');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBeTruthy();
      expect(r.headers.get('x-powered-by')).toBeNull();
      expect(r.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    });
  });

  describe('error shapes', () => {
    it('unknown route → 404 NOT_FOUND', async () => {
      expectErrorShape(await api.get('/api/no-such-thing'), 404, 'NOT_FOUND');
    });

    it('malformed JSON → 400 VALIDATION_FAILED', async () => {
      const r = await api.call('POST', '/api/auth/sms/send', { raw: '{"phone": ', headers: { 'content-type': 'application/json' } });
      expectErrorShape(r, 400, 'VALIDATION_FAILED');
    });

    it('validation failures list their fields', async () => {
      const r = await api.post('/api/auth/sms/login', { phone: '123', code: 12 });
      expectErrorShape(r, 400, 'VALIDATION_FAILED');
      const fields = (r.body.details.fields as Array<{ field: string }>).map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['phone', 'code']));
      // one message per field, in Chinese (never class-validator's "code must be a string")
      const staff = await api.post('/api/auth/staff/login', { username: 5, password: ['x'] });
      const messages = staff.body.details.fields as Array<{ field: string; message: string }>;
      expect(messages.map((f) => f.field).sort()).toEqual(['password', 'username']);
      for (const f of [...messages, ...r.body.details.fields]) expect(f.message).toMatch(/\p{Script=Han}/u);
    });

    it('a JSON body over BODY_LIMIT → 413 PAYLOAD_TOO_LARGE (API.md), not a 5xx', async () => {
      const r = await api.call('POST', '/api/auth/sms/send', {
        raw: JSON.stringify({ phone: 'x'.repeat(2 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      expectErrorShape(r, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('a body nested thousands of levels deep → 400 naming the body, not a 5xx, with or without a token', async () => {
      const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
      const user = await signIn(api);
      for (const [path, token, body] of [
        ['/api/auth/sms/send', undefined, `{"phone":"${uniquePhone()}","d":${deep(5000)}}`],
        ['/api/bookings', user.accessToken, `{"slotId":"a","serviceId":"b","d":${deep(5000)}}`],
        ['/api/bookings', user.accessToken, deep(5000)],
      ] as const) {
        const r = await api.call('POST', path, { raw: body, token, headers: { 'content-type': 'application/json' } });
        expectErrorShape(r, 400, 'VALIDATION_FAILED');
        expect(r.body.details.fields).toEqual([{ field: 'body', message: expect.stringContaining('32') }]);
      }
    });

    it('an unexpected fault → 500 INTERNAL with no stack or SQL, logged with the request id', async () => {
      const r = await api.get('/api/__test__/boom', { headers: { 'x-request-id': 'boom-req-1' } });
      expectErrorShape(r, 500, 'INTERNAL');
      expect(r.text).not.toContain('SQL');
      await new Promise((res) => setTimeout(res, 300));
      const log = fs.readFileSync(f.t.config.logFile!, 'utf8');
      expect(log).toMatch(/"reqId":"boom-req-1"[^\n]*unexpected error|unexpected error[^\n]*"reqId":"boom-req-1"/);
    });

    it('a missing token → 401 UNAUTHENTICATED', async () => {
      expectErrorShape(await api.get('/api/me'), 401, 'UNAUTHENTICATED');
      expectErrorShape(await api.get('/api/me', { headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('SMS sign-in', () => {
    it('signs in with the dev code and shows only a masked phone', async () => {
      const phone = uniquePhone();
      const s = await signIn(api, phone);
      expect(s.user.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      const me = await api.get('/api/me', { token: s.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ phone: s.user.phone, verified: false, roles: ['citizen'], enterprises: [] });
      expect(me.text).not.toContain(phone);
    });

    it('a code works once only', async () => {
      const phone = uniquePhone();
      await signIn(api, phone);
      expectErrorShape(await api.post('/api/auth/sms/login', { phone, code: '123456' }), 401, 'INVALID_CODE');
    });

    it('a code expires after five minutes', async () => {
      const phone = uniquePhone();
      await api.post('/api/__test__/clock', { now: '2026-12-01T01:00:00.000Z' });
      try {
        expect((await api.post('/api/auth/sms/send', { phone })).status).toBe(204);
        await api.post('/api/__test__/clock', { now: '2026-12-01T01:05:00.000Z' });
        expectErrorShape(await api.post('/api/auth/sms/login', { phone, code: '123456' }), 401, 'INVALID_CODE');
      } finally {
        await api.post('/api/__test__/clock', { now: null });
      }
    });

    it('five wrong tries lock the code, even against the right one', async () => {
      const phone = uniquePhone();
      await api.post('/api/auth/sms/send', { phone });
      for (let i = 0; i < 5; i++) {
        const r = await api.post('/api/auth/sms/login', { phone, code: '000000' });
        expectErrorShape(r, 401, 'INVALID_CODE');
      }
      const r = await api.post('/api/auth/sms/login', { phone, code: '123456' });
      expectErrorShape(r, 401, 'INVALID_CODE');
      expect(r.body.message).toContain('重新获取');
    });

    it('limits sending to one code a minute per phone, with Retry-After', async () => {
      const phone = uniquePhone();
      expect((await api.post('/api/auth/sms/send', { phone })).status).toBe(204);
      const again = await api.post('/api/auth/sms/send', { phone });
      expectErrorShape(again, 429, 'RATE_LIMITED');
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      // another phone from the same address is not held back
      expect((await api.post('/api/auth/sms/send', { phone: uniquePhone() })).status).toBe(204);
    });
  });

  describe('tokens', () => {
    it('rotates refresh tokens; reusing a spent one revokes the whole chain', async () => {
      const s = await signIn(api);
      const r1 = await api.post('/api/auth/refresh', { refreshToken: s.refreshToken });
      expect(r1.status).toBe(200);
      expect(r1.body.refreshToken).not.toBe(s.refreshToken);
      expect((await api.get('/api/me', { token: r1.body.accessToken })).status).toBe(200);

      // the first token is spent: presenting it again is a reuse
      expectErrorShape(await api.post('/api/auth/refresh', { refreshToken: s.refreshToken }), 401, 'UNAUTHENTICATED');
      // …and the token issued after it no longer works either
      expectErrorShape(await api.post('/api/auth/refresh', { refreshToken: r1.body.refreshToken }), 401, 'UNAUTHENTICATED');
    });

    it('logout ends the refresh chain', async () => {
      const s = await signIn(api);
      expect((await api.post('/api/auth/logout', { refreshToken: s.refreshToken })).status).toBe(204);
      expectErrorShape(await api.post('/api/auth/refresh', { refreshToken: s.refreshToken }), 401, 'UNAUTHENTICATED');
    });

    it('refuses alg:none, a wrong signature, another key id and an expired token', async () => {
      const s = await signIn(api);
      const claims = jwt.decode(s.accessToken) as Record<string, unknown>;
      const none = jwt.sign(claims, '', { algorithm: 'none', keyid: 'k1' } as jwt.SignOptions);
      expectErrorShape(await api.get('/api/me', { token: none }), 401, 'UNAUTHENTICATED');
      const forged = jwt.sign(claims, 'another-secret-another-secret', { algorithm: 'HS256', keyid: 'k1' });
      expectErrorShape(await api.get('/api/me', { token: forged }), 401, 'UNAUTHENTICATED');
      const otherKid = jwt.sign(claims, f.t.config.jwtSecret, { algorithm: 'HS256', keyid: 'k2' });
      expectErrorShape(await api.get('/api/me', { token: otherKid }), 401, 'UNAUTHENTICATED');

      await api.post('/api/__test__/clock', { now: new Date(Date.now() + 16 * 60_000).toISOString() });
      try {
        expectErrorShape(await api.get('/api/me', { token: s.accessToken }), 401, 'UNAUTHENTICATED');
      } finally {
        await api.post('/api/__test__/clock', { now: null });
      }
    });
  });

  describe('real-name verification and masking', () => {
    it('refuses a wrong check character, then verifies and masks the ID number', async () => {
      const s = await signIn(api);
      expectErrorShape(await api.post('/api/me/verify', { realName: '张三', idNumber: '110105194912310021' }, { token: s.accessToken }), 400, 'INVALID_ID_NUMBER');
      const ok = await api.post('/api/me/verify', { realName: '张三', idNumber: '11010519491231002X' }, { token: s.accessToken });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ verified: true, realName: '张三', idNumber: '110***********002X' });
      expect(ok.text).not.toContain('11010519491231002X');
    });

    it('stores phone and ID numbers encrypted', async () => {
      const phone = uniquePhone();
      const s = await signIn(api, phone);
      expect((await api.post('/api/me/verify', { realName: '李四', idNumber: '110105194912310038' }, { token: s.accessToken })).status).toBe(200);
      const conn = await connectDatabase(f.t.config.database.url!);
      try {
        const [rows] = await conn.query('SELECT * FROM users WHERE id = ?', [s.user.id]);
        const dump = JSON.stringify(rows);
        expect(dump).not.toContain(phone);
        expect(dump).not.toContain('110105194912310038');
        expect(dump).toContain('v1:');
      } finally {
        await conn.end();
      }
    });

    it('never writes a full phone or ID number to the log', async () => {
      const phone = uniquePhone();
      const s = await signIn(api, phone);
      await api.post('/api/me/verify', { realName: '王五', idNumber: '110105194912310046' }, { token: s.accessToken });
      // a request whose URL and body carry the numbers
      await api.get(`/api/no-such-thing?phone=${phone}&id=110105194912310046`);
      await new Promise((res) => setTimeout(res, 300));
      const log = fs.readFileSync(f.t.config.logFile!, 'utf8');
      expect(log.length).toBeGreaterThan(0);
      expect(log).not.toContain(phone);
      expect(log).not.toContain('110105194912310046');
      expect(log).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    });
  });

  describe('roles', () => {
    it('only admins manage staff; staff and citizens are refused', async () => {
      const citizen = await signIn(api);
      const staff = await staffSignIn(api, 'staff01', 'Staff@2026');
      const admin = await staffSignIn(api, 'admin', 'Admin@2026!');
      expect(staff.user.roles).toEqual(['staff', 'window']); // 受审分离: the demo clerk accepts, reviewers decide
      expect(staff.user.hallId).toBeTruthy();

      const body = { username: 'staff_new1', password: 'Window2026', name: '新同事', hallId: staff.user.hallId };
      expectErrorShape(await api.post('/api/admin/staff', body, { token: citizen.accessToken }), 403, 'FORBIDDEN');
      expectErrorShape(await api.post('/api/admin/staff', body, { token: staff.accessToken }), 403, 'FORBIDDEN');
      const created = await api.post('/api/admin/staff', body, { token: admin.accessToken });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username: 'staff_new1', role: 'staff', hallId: staff.user.hallId });
      expect(created.text).not.toContain('Window2026');
      expectErrorShape(await api.post('/api/admin/staff', body, { token: admin.accessToken }), 409, 'CONFLICT');
      // the new account can sign in
      await staffSignIn(api, 'staff_new1', 'Window2026');
    });

    it('refuses a wrong staff password without saying which part was wrong', async () => {
      const a = await api.post('/api/auth/staff/login', { username: 'staff01', password: 'nope-nope' });
      const b = await api.post('/api/auth/staff/login', { username: 'nobody-here', password: 'nope-nope' });
      expectErrorShape(a, 401, 'UNAUTHENTICATED');
      expectErrorShape(b, 401, 'UNAUTHENTICATED');
      expect(a.body.message).toBe(b.body.message);
    });
  });
});
