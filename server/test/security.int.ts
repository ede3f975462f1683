import net from 'node:net';
import { creditCodeCheckChar } from '@gov/shared';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { Answer, client, expectErrorShape, must, signIn, staffSignIn, uniquePhone } from './helpers/http';
import { startTestApp, testEnv } from './helpers/test-app';
import { adminToken, askOffhours, createService, createSlot, reviewerToken, serviceAtHall, setClock, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/**
 * Security (issue 8): the stranger sweep over every object route of the OpenAPI document, staff of
 * one hall against another hall's objects, rate limits per address (also shared by two instances
 * through Redis) and per phone, and security headers. Token forgery (expired, wrong signature,
 * alg none, another key id) is covered in foundation.int.ts.
 */
const NOW = '2026-12-07T00:00:00.000Z'; // Monday 08:00 in Shanghai

type Op = { method: string; path: string };

/** Routes whose path parameters name public things (the catalogue, 一件事 bundles, open slots, 智能导办 topics, a certificate's public verification) rather than someone's object. */
const PUBLIC_OBJECT_ROUTES = [/^\/api\/certificates\/verify\//, /^\/api\/services\/\{id\}/, /^\/api\/slots\/\{id\}\/waitlist$/, /^\/api\/halls\/\{id\}\/(tickets|queue)/, /^\/api\/guidance\/\{id\}/, /^\/api\/bundles\/\{id\}/];

describe('security', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  let ops: Op[];

  beforeAll(async () => {
    await setClock(api, NOW);
    const doc = await api.get('/api/docs-json');
    ops = [];
    for (const [p, item] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(item)) if (['get', 'post', 'put', 'delete', 'patch'].includes(m)) ops.push({ method: m.toUpperCase(), path: p });
    }
  });

  describe('the stranger sweep', () => {
    const ids: Record<string, string> = {};
    let owner: Awaited<ReturnType<typeof verifiedCitizen>>;
    let stranger: Awaited<ReturnType<typeof verifiedCitizen>>;
    let staff: { token: string; hallId: string };
    let otherStaff: string;
    let admin: string;

    const upload = (token: string, appId: string, materialId: string) => {
      const fd = new FormData();
      fd.append('file', new Blob([Buffer.from(`%PDF-1.4\n% ${Math.random()}\n%%EOF\n`)], { type: 'application/pdf' }), 'scan.pdf');
      return fetch(`${f.t.url}/api/applications/${appId}/materials/${materialId}/files`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${token}` } }).then(async (r) => {
        const text = await r.text();
        return { status: r.status, text, body: text ? JSON.parse(text) : null, headers: r.headers } as Answer;
      });
    };

    beforeAll(async () => {
      admin = await adminToken(api);
      staff = await staffToken(api);
      const service = await serviceAtHall(api, staff.hallId);
      owner = await verifiedCitizen(api);
      stranger = await verifiedCitizen(api);
      const agent = await signIn(api);
      const mustBe = must;

      // a second hall with its own staff
      const hall2 = mustBe(
        await api.post('/api/admin/halls', { name: '清河市西区便民服务中心', address: '西区 9 号', phone: '0391-26600019', hours: '周一至周五', level: 'county' }, { token: admin }),
        201,
        'hall',
      );
      mustBe(await api.post('/api/admin/staff', { username: 'staff-west', password: 'Staff@2026west', name: '赵西区', hallId: hall2.id }, { token: admin }), 201, 'staff');
      otherStaff = (await staffSignIn(api, 'staff-west', 'Staff@2026west')).accessToken;

      // a booking, checked in and rated 1 (a rectification ticket)
      const slot = await createSlot(api, admin, { hallId: staff.hallId, serviceId: service.id, start: '2026-12-07T01:00:00.000Z', capacity: 1 });
      const booking = mustBe(await api.post('/api/bookings', { slotId: slot.id, serviceId: service.id }, { token: owner.token }), 201, 'booking');
      ids.booking = booking.id;
      ids.bookingCode = booking.code;
      ids.slot = slot.id;
      mustBe(await api.post('/api/staff/bookings/check-in', { code: booking.code }, { token: staff.token }), 200, 'check-in');
      const rating = mustBe(await api.post('/api/ratings', { targetType: 'booking', targetId: booking.id, score: 1, tags: [], comment: '等太久' }, { token: owner.token }), 201, 'rating');
      ids.rating = rating.id;
      ids.rectification = rating.rectification.id;

      // a second booking of the owner's to cancel, waive, mark (another day)
      const slot2 = await createSlot(api, admin, { hallId: staff.hallId, serviceId: service.id, start: '2026-12-08T01:00:00.000Z', capacity: 3 });
      ids.booking2 = mustBe(await api.post('/api/bookings', { slotId: slot2.id, serviceId: service.id }, { token: owner.token }), 201, 'booking2').id;

      // a waitlist place: the full 09:00 slot
      ids.waitlist = mustBe(await api.post(`/api/slots/${slot.id}/waitlist`, undefined, { token: (await verifiedCitizen(api)).token }), 201, 'waitlist').id;

      // an off-hours request for Saturday
      ids.offhours = mustBe(await askOffhours(api, owner.token, { serviceId: service.id, hallId: staff.hallId }), 201, 'offhours').id;
      // a question to the hall (咨询)
      ids.consultation = mustBe(await api.post('/api/consultations', { serviceId: service.id, question: '需要本人到场吗？' }, { token: owner.token }), 201, 'consultation').id;

      // a draft filing with a file
      const app = mustBe(await api.post('/api/applications', { serviceId: service.id }, { token: owner.token }), 201, 'filing');
      ids.application = app.id;
      ids.material = app.materials[0].materialId;
      ids.file = mustBe(await upload(owner.token, app.id, ids.material), 201, 'file').id;

      // an approved filing of a licence-issuing service: the owner's certificate
      const licence = await createService(api, admin, { hallIds: [staff.hallId], audience: 'person', certificate: { type: '测试许可证', years: 1 } });
      const issued = mustBe(await api.post('/api/applications', { serviceId: licence.id }, { token: owner.token }), 201, 'licence filing');
      const only = issued.materials[0].materialId as string;
      mustBe(await upload(owner.token, issued.id, only), 201, 'licence file');
      mustBe(await api.post(`/api/applications/${issued.id}/submit`, undefined, { token: owner.token }), 200, 'licence submit');
      const steps: Array<[string, unknown]> = [['prereview', { decisions: [{ materialId: only, ok: true, reason: null }] }], ['accept', undefined], ['advance', { to: 'under_review' }], ['advance', { to: 'approved', note: '准予许可' }]];
      // 受审分离: the window accepts, the market department's reviewer decides
      const reviewer = await reviewerToken(api);
      for (const [step, body] of steps) mustBe(await api.post(`/api/staff/applications/${issued.id}/${step}`, body, { token: step === 'advance' ? reviewer.token : staff.token }), 200, step);
      ids.certificate = mustBe(await api.get('/api/me/certificates', { token: owner.token }), 200, 'wallet')[0].id;

      // a company and an authorisation
      const first17 = `91410100MA${String(Date.now() % 1e7).padStart(7, '0')}`;
      ids.enterprise = mustBe(await api.post('/api/enterprises', { name: '清河测试科技有限公司', creditCode: first17 + creditCodeCheckChar(first17), legalRepName: '张三' }, { token: owner.token }), 201, 'enterprise').id;
      ids.authorization = mustBe(
        await api.post(
          '/api/authorizations',
          { principal: { type: 'person', id: owner.user.id }, agentPhone: agent.phone, serviceIds: null, validFrom: '2026-12-07', validTo: '2026-12-31' },
          { token: owner.token },
        ),
        201,
        'authorization',
      ).id;
      ids.message = ((await api.get('/api/messages', { token: owner.token })).body as Array<{ id: string }>)[0].id;
      ids.user = owner.user.id;
      // a queue ticket at the hall (today's hall code from the staff desk)
      const hallCode = mustBe(await api.get('/api/staff/hall-code', { token: staff.token }), 200, 'hall-code').hallCode;
      ids.ticket = mustBe(await api.post(`/api/halls/${staff.hallId}/tickets`, { serviceId: service.id, hallCode }, { token: owner.token }), 201, 'ticket').id;
    }, 120_000);

    /** The concrete path of a templated route, filled with the owner's objects. */
    function fill(op: Op): string | null {
      const p = op.path;
      const by = (name: string) => {
        if (name === 'materialId') return ids.material;
        if (name === 'fileId') return ids.file;
        if (name === 'bookingId') return ids.booking;
        if (name === 'userId') return ids.user;
        // a 一件事 part: staff routes only, refused to a citizen by role whatever the id
        if (name === 'partId') return ids.material;
        if (name === 'date') return '2026-12-25';
        if (name === 'name') return 'no-show-sweep';
        if (name !== 'id') return null;
        const table: Array<[RegExp, string]> = [
          [/^\/api\/(staff\/)?bookings\//, 'booking2'],
          [/^\/api\/(staff\/)?offhours-requests\//, 'offhours'],
          [/^\/api\/(staff\/)?consultations\//, 'consultation'],
          [/^\/api\/(staff\/)?applications\//, 'application'],
          [/^\/api\/files\//, 'file'],
          [/^\/api\/certificates\//, 'certificate'],
          [/^\/api\/enterprises\//, 'enterprise'],
          [/^\/api\/authorizations\//, 'authorization'],
          [/^\/api\/ratings\//, 'rating'],
          [/^\/api\/messages\//, 'message'],
          [/^\/api\/waitlist\//, 'waitlist'],
          [/^\/api\/tickets\//, 'ticket'],
          [/^\/api\/staff\/users\//, 'user'],
          [/^\/api\/staff\/rectifications\//, 'rectification'],
          [/^\/api\/staff\/appeals\//, 'booking'],
          [/^\/api\/admin\//, 'user'],
        ];
        const hit = table.find(([re]) => re.test(p));
        if (hit) return ids[hit[1]];
        // a staff or admin route refuses a citizen by role, whatever the id
        return /^\/api\/(staff|admin)\//.test(p) ? ids.user : null;
      };
      let missing = false;
      const out = p.replace(/\{(\w+)\}/g, (_, name: string) => {
        const v = by(name);
        if (!v) missing = true;
        return v ?? '';
      });
      return missing ? null : out;
    }

    /** A body that passes validation, so that only ownership can refuse the call. */
    function bodyFor(op: Op): unknown {
      const p = op.path;
      if (p.endsWith('/rerate')) return { score: 5, comment: '好' };
      if (p.endsWith('/members')) return { phone: uniquePhone(), role: 'handler' };
      if (p.endsWith('/appeal')) return { reason: '当天生病' };
      if (p.endsWith('/commitment')) return { materialIds: [ids.material] };
      if (p.includes('offhours-requests') && p.endsWith('/refuse')) return { reason: 'other', note: '测试' };
      if (p.endsWith('/waive') || p.endsWith('/reinstate') || p.endsWith('/refuse')) return { reason: '测试' };
      if (p.endsWith('/decide')) return { waive: true, answer: '同意' };
      if (p.endsWith('/confirm')) return { start: '2026-12-12T02:00:00.000Z', end: '2026-12-12T03:00:00.000Z', staffName: '王窗口' };
      if (p.endsWith('/prereview')) return { decisions: [{ materialId: ids.material, ok: true, reason: null }] };
      if (p.endsWith('/advance')) return { to: 'under_review', note: '审查' };
      if (p.endsWith('/deliver')) return { method: 'window' };
      if (p.endsWith('/delivery')) return { method: 'window' };
      if (p.endsWith('/answer')) return { answer: '已对窗口人员进行批评教育。' };
      if (p.endsWith('/reschedule')) return { slotId: '00000000-0000-4000-8000-000000000000' };
      return undefined;
    }

    const call = (op: Op, path: string, token: string) =>
      path.endsWith('/files') && op.method === 'POST' ? upload(token, ids.application, ids.material) : api.call(op.method, path, { token, body: bodyFor(op) });

    it('every object route answers a stranger 404 NOT_FOUND, or 403 FORBIDDEN where the role is refused', async () => {
      const templated = ops.filter((o) => /\{\w+\}/.test(o.path) && !PUBLIC_OBJECT_ROUTES.some((re) => re.test(o.path)));
      expect(templated.length).toBeGreaterThan(30);
      const unresolved: string[] = [];
      const wrong: string[] = [];
      for (const op of templated) {
        const path = fill(op);
        if (!path) {
          unresolved.push(`${op.method} ${op.path}`);
          continue;
        }
        const a = await call(op, path, stranger.token);
        const roleRoute = /^\/api\/(staff|admin)\//.test(op.path);
        const ok = roleRoute ? a.status === 403 && a.body?.code === 'FORBIDDEN' : a.status === 404 && a.body?.code === 'NOT_FOUND';
        if (!ok) wrong.push(`${op.method} ${path} → ${a.status} ${a.text.slice(0, 120)}`);
        else expectErrorShape(a, a.status, a.body.code);
      }
      // a new object route must be given an object here before it ships
      expect(unresolved).toEqual([]);
      expect(wrong).toEqual([]);
    }, 120_000);

    it('…while the owner reaches each of their objects (the sweep is not vacuous)', async () => {
      for (const p of [`/api/bookings/${ids.booking}`, `/api/offhours-requests/${ids.offhours}`, `/api/applications/${ids.application}`, `/api/files/${ids.file}`, `/api/enterprises/${ids.enterprise}`, `/api/consultations/${ids.consultation}`]) {
        expect({ p, status: (await api.get(p, { token: owner.token })).status }).toEqual({ p, status: 200 });
      }
      expect((await api.get('/api/ratings', { token: owner.token })).body.map((r: { id: string }) => r.id)).toContain(ids.rating);
      expect((await api.get('/api/authorizations?role=principal', { token: owner.token })).body.map((r: { id: string }) => r.id)).toContain(ids.authorization);
      // and the stranger's own lists do not show them
      for (const p of ['/api/bookings', '/api/offhours-requests', '/api/applications', '/api/ratings', '/api/messages', '/api/enterprises', '/api/authorizations?role=principal', '/api/consultations']) {
        const l = await api.get(p, { token: stranger.token });
        expect(l.status).toBe(200);
        for (const id of Object.values(ids)) expect(l.text).not.toContain(id);
      }
    });

    it("staff of another hall cannot see or act on this hall's objects", async () => {
      const o = otherStaff;
      const nf = async (a: Promise<Answer>) => expectErrorShape(await a, 404, 'NOT_FOUND');
      await nf(api.get(`/api/bookings/${ids.booking2}`, { token: o }));
      await nf(api.post(`/api/staff/bookings/${ids.booking2}/no-show`, undefined, { token: o }));
      await nf(api.post(`/api/staff/bookings/${ids.booking2}/waive`, { reason: '测试' }, { token: o }));
      await nf(api.post('/api/staff/bookings/check-in', { code: ids.bookingCode }, { token: o }));
      await nf(api.get(`/api/offhours-requests/${ids.offhours}`, { token: o }));
      await nf(api.post(`/api/staff/offhours-requests/${ids.offhours}/confirm`, { start: '2026-12-12T02:00:00.000Z', end: '2026-12-12T03:00:00.000Z', staffName: '赵' }, { token: o }));
      await nf(api.post(`/api/staff/offhours-requests/${ids.offhours}/refuse`, { reason: 'other', note: '测试' }, { token: o }));
      await nf(api.get(`/api/applications/${ids.application}`, { token: o }));
      await nf(api.get(`/api/files/${ids.file}`, { token: o }));
      await nf(api.post(`/api/staff/applications/${ids.application}/prereview`, { decisions: [{ materialId: ids.material, ok: true, reason: null }] }, { token: o }));
      await nf(api.post(`/api/staff/applications/${ids.application}/accept`, undefined, { token: o }));
      await nf(api.post(`/api/staff/applications/${ids.application}/refuse`, { reason: '测试' }, { token: o }));
      await nf(api.post(`/api/staff/rectifications/${ids.rectification}/answer`, { answer: '已对窗口人员进行批评教育。' }, { token: o }));
      for (const p of ['/api/staff/bookings?date=2026-12-07', '/api/staff/bookings?date=2026-12-08', '/api/staff/offhours-requests', '/api/staff/applications', '/api/staff/rectifications']) {
        const l = await api.get(p, { token: o });
        expect({ p, status: l.status }).toEqual({ p, status: 200 });
        for (const id of [ids.booking, ids.booking2, ids.offhours, ids.application, ids.rectification]) expect(l.text).not.toContain(id);
      }
      // the hall's own staff do see them
      expect((await api.get(`/api/bookings/${ids.booking2}`, { token: staff.token })).status).toBe(200);
      expect((await api.get('/api/staff/bookings?date=2026-12-08', { token: staff.token })).text).toContain(ids.booking2);
      expect((await api.get('/api/staff/rectifications', { token: staff.token })).text).toContain(ids.rectification);
    });
  });

  describe('headers', () => {
    it('sends the usual security headers on API answers, errors included', async () => {
      for (const a of [await api.get('/api/halls'), await api.get('/api/me'), await api.get('/api/no-such-route')]) {
        expect(a.headers.get('x-content-type-options')).toBe('nosniff');
        expect(a.headers.get('x-frame-options')).toMatch(/SAMEORIGIN|DENY/);
        expect(a.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(a.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(a.headers.get('referrer-policy')).toBeTruthy();
        expect(a.headers.get('x-powered-by')).toBeNull();
      }
      // CORS only for the configured origins
      const evil = await api.get('/api/halls', { headers: { origin: 'https://evil.example' } });
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      const good = await api.get('/api/halls', { headers: { origin: 'https://servicewechat.com' } });
      expect(good.headers.get('access-control-allow-origin')).toBe('https://servicewechat.com');
    });
  });

  describe('requests the HTTP parser refuses', () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(f.t.url);
        const socket = net.connect(Number(port), hostname, () => socket.end(request));
        let text = '';
        socket.on('data', (d) => (text += d.toString('utf8')));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });

    it('answers headers over the limit and a malformed request line with { code, message, details }', async () => {
      const big = await raw(`GET /api/halls HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(big).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toEqual({ code: 'HEADERS_TOO_LARGE', message: expect.stringContaining('请求头过大'), details: {} });
      const junk = await raw('NOT A REQUEST\r\n\r\n');
      expect(junk).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(junk.slice(junk.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 'VALIDATION_FAILED', details: {} });
    });
  });

  describe('rate limits', () => {
    it('per address: THROTTLE_IP_LIMIT requests a minute, then 429 RATE_LIMITED with Retry-After', async () => {
      const small = await startTestApp({ THROTTLE_IP_LIMIT: '5' });
      try {
        const c = client(small.url);
        const answers = [];
        for (let i = 0; i < 8; i++) answers.push(await c.get('/api/halls'));
        expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
        for (const a of answers.slice(5)) {
          expectErrorShape(a, 429, 'RATE_LIMITED');
          expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
        }
      } finally {
        await small.close();
      }
    });

    it('per phone: one code a minute whatever the address, even with the address limit off', async () => {
      const phone = uniquePhone();
      expect((await api.post('/api/auth/sms/send', { phone })).status).toBe(204);
      const again = await api.post('/api/auth/sms/send', { phone }, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expectErrorShape(again, 429, 'RATE_LIMITED');
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await api.post('/api/auth/sms/send', { phone: uniquePhone() })).status).toBe(204); // another phone is not held back
    });

    it('two instances share the per-address counter through Redis (REDIS_URL)', async () => {
      const base = await startTestApp({ THROTTLE_IP_LIMIT: '6', REDIS_URL: 'redis://127.0.0.1:6379' });
      const second = await createApp(loadConfig(testEnv(base.database, { THROTTLE_IP_LIMIT: '6', REDIS_URL: 'redis://127.0.0.1:6379', SEED_DEMO: '0' })));
      await second.listen(0, '127.0.0.1');
      try {
        const a = client(base.url);
        const b = client(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
        // the address is a fresh one for this run (behind the trusted loopback proxy), so earlier runs do not count
        const headers = { 'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` };
        const seen = [];
        for (let i = 0; i < 4; i++) {
          seen.push((await a.get(`/api/halls?r=${Date.now()}`, { headers })).status);
          seen.push((await b.get(`/api/halls?r=${Date.now()}`, { headers })).status);
        }
        // 6 a minute in all, not 6 on each instance
        expect(seen.filter((s) => s === 200)).toHaveLength(6);
        expect(seen.slice(6)).toEqual([429, 429]);
      } finally {
        await second.close();
        await base.close();
      }
    });
  });
});
