import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CatalogIndexService } from '../src/catalog/catalog-index.service';
import { SEED_SERVICES } from '../src/database/seeds/catalog.data';
import { SeedService } from '../src/database/seeds/seed.service';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { client, expectErrorShape } from './helpers/http';
import { testEnv } from './helpers/test-app';
import { pdfFacts } from './helpers/pdf';
import { useAdminAndCitizen, useTestApp } from '../../test/support/fixture';

/** The catalogue (issue 3): departments, halls, search, guides, templates and admin CRUD. */
describe('catalogue', () => {
  const f = useTestApp({ world: false });
  const api = f.api;
  const tokens = useAdminAndCitizen(api);

  const search = async (qs: string) => {
    const r = await api.get(`/api/services?${qs}`);
    expect(r.status).toBe(200);
    return r.body as { items: Array<Record<string, any>>; total: number; page: number; pageSize: number };
  };
  const findId = async (name: string): Promise<string> => {
    const r = await search(`q=${encodeURIComponent(name)}&pageSize=50`);
    const hit = r.items.find((i) => i.name === name);
    if (!hit) throw new Error(`no service named ${name}`);
    return hit.id as string;
  };

  describe('departments and halls', () => {
    it('lists departments', async () => {
      const r = await api.get('/api/departments');
      expect(r.status).toBe(200);
      expect(r.body.length).toBeGreaterThanOrEqual(10);
      expect(Object.keys(r.body[0]).sort()).toEqual(['id', 'name']);
      expect(r.body.map((d: { name: string }) => d.name)).toContain('清河市市场监督管理局');
    });
    it('lists halls at the three levels (two town stations) with address and hours, each under the one above it', async () => {
      const r = await api.get('/api/halls');
      expect(r.status).toBe(200);
      expect(r.body.map((h: { level: string }) => h.level).sort()).toEqual(['city', 'county', 'town', 'town']);
      for (const h of r.body) {
        expect(h).toEqual({
          id: expect.any(String),
          name: expect.any(String),
          address: expect.any(String),
          phone: expect.any(String),
          hours: expect.any(String),
          level: expect.any(String),
          parentId: h.level === 'city' ? null : expect.any(String),
          latitude: expect.any(Number),
          longitude: expect.any(Number),
        });
      }
      const levelOf = new Map<string, string>(r.body.map((h: { id: string; level: string }) => [h.id, h.level]));
      for (const h of r.body) if (h.parentId) expect(levelOf.get(h.parentId)).toBe(h.level === 'town' ? 'county' : 'city');
    });
  });

  describe('search', () => {
    it('lists the whole demo catalogue without a query, 20 a page', async () => {
      const r = await search('');
      expect(r.total).toBeGreaterThanOrEqual(60);
      expect(r.page).toBe(1);
      expect(r.pageSize).toBe(20);
      expect(r.items).toHaveLength(20);
      expect(Object.keys(r.items[0]).sort()).toEqual(['audience', 'category', 'code', 'departmentName', 'id', 'name', 'onlinePrereview', 'promisedDays']);
    });

    it('finds 营业执照 in names and keywords, names first', async () => {
      const r = await search(`q=${encodeURIComponent('营业执照')}&pageSize=50`);
      const names = r.items.map((i) => i.name as string);
      expect(names).toContain('有限责任公司设立登记（营业执照）');
      expect(names).toContain('个体工商户设立登记'); // by keyword
      const lastName = Math.max(...names.map((n, i) => (n.includes('营业执照') ? i : -1)));
      const firstKeywordOnly = names.findIndex((n) => !n.includes('营业执照'));
      expect(firstKeywordOnly).toBeGreaterThan(lastName);
    });

    it('finds full pinyin: hunyin → 婚姻登记', async () => {
      const r = await search('q=hunyin');
      expect(r.total).toBeGreaterThanOrEqual(2);
      expect(r.items[0].name).toContain('婚姻登记');
      for (const i of r.items) expect(`${i.name}${i.category}`).toMatch(/婚|姻/);
    });

    it('finds pinyin initials: yyzz → 营业执照', async () => {
      const r = await search('q=yyzz');
      expect(r.items.map((i) => i.name)).toContain('有限责任公司设立登记（营业执照）');
      expect(r.items[0].name).toContain('营业执照');
    });

    it('ignores case, width and spaces in pinyin', async () => {
      const a = await search('q=hunyin');
      const b = await search(`q=${encodeURIComponent(' Hun Yin ')}`);
      const c = await search(`q=${encodeURIComponent('ＹＹＺＺ')}`);
      expect(b.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
      expect(c.items.map((i) => i.id)).toEqual((await search('q=yyzz')).items.map((i) => i.id));
    });

    it('gives an empty page for nonsense', async () => {
      for (const q of ['xqzvbnmkj', '火星移民签证', 'zzzzzzzz']) {
        const r = await search(`q=${encodeURIComponent(q)}`);
        expect({ q, total: r.total, items: r.items }).toEqual({ q, total: 0, items: [] });
      }
    });

    it('filters by category', async () => {
      const r = await search(`category=${encodeURIComponent('婚姻登记')}`);
      expect(r.total).toBeGreaterThan(0);
      for (const i of r.items) expect(i.category).toBe('婚姻登记');
      expect((await search(`category=${encodeURIComponent('没有这个主题')}`)).total).toBe(0);
    });

    it('filters by audience: person includes both, enterprise excludes person', async () => {
      const all = await search('pageSize=50');
      const person = await search('audience=person&pageSize=50');
      const enterprise = await search('audience=enterprise&pageSize=50');
      expect(person.items.every((i) => i.audience === 'person' || i.audience === 'both')).toBe(true);
      expect(person.items.some((i) => i.audience === 'both')).toBe(true);
      expect(enterprise.items.every((i) => i.audience === 'enterprise' || i.audience === 'both')).toBe(true);
      expect(person.total).toBeLessThan(all.total);
      const both = await search('audience=both&pageSize=50');
      expect(both.items.every((i) => i.audience === 'both')).toBe(true);
    });

    it('filters by department, with a query too', async () => {
      const depts = (await api.get('/api/departments')).body as Array<{ id: string; name: string }>;
      const market = depts.find((d) => d.name === '清河市市场监督管理局')!;
      const r = await search(`departmentId=${market.id}&pageSize=50`);
      expect(r.total).toBeGreaterThan(3);
      for (const i of r.items) expect(i.departmentName).toBe(market.name);
      const q = await search(`departmentId=${market.id}&q=yyzz`);
      expect(q.items.length).toBeGreaterThan(0);
      for (const i of q.items) expect(i.departmentName).toBe(market.name);
      expect((await search(`departmentId=${randomUUID()}`)).total).toBe(0);
    });

    it('pages without overlap', async () => {
      const p1 = await search('pageSize=7&page=1');
      const p2 = await search('pageSize=7&page=2');
      expect(p1.items).toHaveLength(7);
      expect(p2.items).toHaveLength(7);
      expect(p2.page).toBe(2);
      const ids = new Set([...p1.items, ...p2.items].map((i) => i.id));
      expect(ids.size).toBe(14);
      const far = await search('page=999');
      expect(far.items).toEqual([]);
      expect(far.total).toBe(p1.total);
    });

    it('clamps the page size to 50', async () => {
      const r = await search('pageSize=500');
      expect(r.pageSize).toBe(50);
      expect(r.items).toHaveLength(Math.min(50, r.total));
    });

    it('refuses zero, negative and non-numeric paging and unknown audiences', async () => {
      for (const qs of ['pageSize=0', 'pageSize=-5', 'pageSize=abc', 'page=0', 'page=1.5', 'audience=alien', 'q=a&q=b']) {
        const r = await api.get(`/api/services?${qs}`);
        expectErrorShape(r, 400, 'VALIDATION_FAILED');
      }
    });

    it('counts services by theme', async () => {
      const r = await api.get('/api/services/categories');
      expect(r.status).toBe(200);
      const total = (await search('')).total;
      expect(r.body.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(total);
      expect(r.body.find((c: { name: string }) => c.name === '企业开办')).toMatchObject({ count: expect.any(Number), audience: expect.any(String) });
      const person = await api.get('/api/services/categories?audience=person');
      expect(person.body.map((c: { name: string }) => c.name)).toContain('婚姻登记');
      const count = (list: Array<{ name: string; count: number }>, name: string) => list.find((c) => c.name === name)?.count ?? 0;
      expect(count(person.body, '企业开办')).toBeLessThan(count(r.body, '企业开办'));
      expect(person.body.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe((await search('audience=person')).total);
    });
  });

  describe('the guide', () => {
    it('has every field API.md lists', async () => {
      const id = await findId('有限责任公司设立登记（营业执照）');
      const r = await api.get(`/api/services/${id}`);
      expect(r.status).toBe(200);
      const g = r.body;
      for (const k of [
        'id', 'code', 'name', 'subItem', 'scope', 'acceptingBody', 'decidingBody', 'conditions', 'materials', 'process', 'legalDays',
        'promisedDays', 'fee', 'delivery', 'consultPhone', 'complaintPhone', 'halls', 'basis', 'audience', 'category', 'keyProject',
      ]) {
        expect(g).toHaveProperty(k);
      }
      expect(g.id).toBe(id);
      expect(g.promisedDays).toBeLessThanOrEqual(g.legalDays);
      expect(g.fee).toEqual({ free: true, amount: null, basis: null });
      expect(Array.isArray(g.process) && g.process.length > 0).toBe(true);
      expect(g.delivery.every((d: string) => ['window', 'post', 'online'].includes(d))).toBe(true);
      expect(g.halls.length).toBeGreaterThan(0);
      for (const h of g.halls) expect(h).toMatchObject({ id: expect.any(String), name: expect.any(String), address: expect.any(String), hours: expect.any(String) });
      expect(g.materials.length).toBeGreaterThan(2);
      for (const m of g.materials) {
        expect(Object.keys(m).sort()).toEqual(['certificateType', 'copies', 'form', 'id', 'name', 'note', 'required', 'templateUrl', 'tolerable']);
        expect(['original', 'copy', 'electronic']).toContain(m.form);
        if (m.tolerable) expect(m.required).toBe(true);
      }
      expect(g.materials.some((m: { tolerable: boolean }) => m.tolerable)).toBe(true);
      expect(g.materials.some((m: { templateUrl: string | null }) => m.templateUrl === null)).toBe(true);
    });

    it('shows a fee in fen with its basis', async () => {
      const r = await search(`q=${encodeURIComponent('不动产转移登记')}`);
      const g = (await api.get(`/api/services/${r.items[0].id}`)).body;
      expect(g.fee.free).toBe(false);
      expect(Number.isInteger(g.fee.amount)).toBe(true);
      expect(g.fee.amount).toBeGreaterThan(0);
      expect(g.fee.basis).toEqual(expect.any(String));
    });

    it('serves the blank form of a material as a printable PDF to download, named after the form', async () => {
      const id = await findId('个体工商户设立登记');
      const g = (await api.get(`/api/services/${id}`)).body;
      const m = g.materials.find((x: { templateUrl: string | null }) => x.templateUrl);
      expect(m.templateUrl).toBe(`/api/services/${id}/materials/${m.id}/template`);
      // public: no token
      const res = await fetch(`${f.t.url}${m.templateUrl}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
      const star = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)![1];
      expect(decodeURIComponent(star)).toBe(`${m.name}.pdf`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      const pdf = pdfFacts(bytes);
      expect(pdf.header).toBe('%PDF-');
      expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      expect(pdf.pages).toBe(1);
      expect(pdf.info.Title).toBe(m.name);
      expect(pdf.info.Subject).toBe('个体工商户设立登记');

      const none = g.materials.find((x: { templateUrl: string | null }) => !x.templateUrl);
      expectErrorShape(await api.get(`/api/services/${id}/materials/${none.id}/template`), 404, 'NOT_FOUND');
      // a material of another service is not this service's form
      const other = (await api.get(`/api/services/${await findId('有限责任公司设立登记（营业执照）')}`)).body;
      const foreign = other.materials.find((x: { templateUrl: string | null }) => x.templateUrl);
      expectErrorShape(await api.get(`/api/services/${id}/materials/${foreign.id}/template`), 404, 'NOT_FOUND');
    });

    it('answers 404 for an unknown id, a non-id and an unknown material', async () => {
      expectErrorShape(await api.get(`/api/services/${randomUUID()}`), 404, 'NOT_FOUND');
      expectErrorShape(await api.get('/api/services/not-an-id'), 404, 'NOT_FOUND');
      expectErrorShape(await api.get(`/api/services/${randomUUID()}/materials/${randomUUID()}/template`), 404, 'NOT_FOUND');
    });
  });

  describe('admin', () => {
    let departmentId: string;
    let hallId: string;
    const serviceBody = () => ({
      code: 'QH-TEST-001',
      name: '测试水表过户登记',
      subItem: null,
      departmentId,
      scope: '清河市居民',
      acceptingBody: '清河市测试局',
      decidingBody: '清河市测试局',
      conditions: '已取得房屋产权',
      materials: [
        { name: '水表过户申请表', required: true, tolerable: false, copies: 1, form: 'original', note: null, templateName: '水表过户申请表' },
        { name: '房屋产权证明复印件', required: true, tolerable: true, copies: 1, form: 'copy', note: '可容缺' },
      ],
      process: ['申请', '受理', '办结'],
      basis: '《清河市供水条例》',
      legalDays: 10,
      promisedDays: 3,
      fee: { free: false, amount: 1500, basis: '清价〔2024〕1号' },
      delivery: ['window', 'online'],
      consultPhone: '0391-26600001',
      complaintPhone: '0391-26600002',
      hallIds: [hallId],
      audience: 'person',
      category: '民政服务',
      keywords: ['水表', '过户'],
      onlinePrereview: true,
      keyProject: false,
    });

    it('refuses citizens (403) and anonymous callers (401)', async () => {
      for (const [m, p] of [
        ['GET', '/api/admin/services'],
        ['POST', '/api/admin/departments'],
        ['PUT', `/api/admin/halls/${randomUUID()}`],
        ['DELETE', `/api/admin/services/${randomUUID()}`],
        ['PUT', '/api/admin/calendar/2027-10-01'],
      ]) {
        const body = m === 'GET' || m === 'DELETE' ? undefined : {};
        expectErrorShape(await api.call(m, p, { token: tokens.citizen, body }), 403, 'FORBIDDEN');
        expectErrorShape(await api.call(m, p, { body }), 401, 'UNAUTHENTICATED');
      }
    });

    it('creates, renames and deletes a department; refuses a duplicate name', async () => {
      const c = await api.post('/api/admin/departments', { name: '清河市测试局', sortOrder: 99 }, { token: tokens.admin });
      expect(c.status).toBe(201);
      departmentId = c.body.id;
      expectErrorShape(await api.post('/api/admin/departments', { name: '清河市测试局' }, { token: tokens.admin }), 409, 'CONFLICT');
      const tmp = await api.post('/api/admin/departments', { name: '临时部门' }, { token: tokens.admin });
      const u = await api.put(`/api/admin/departments/${tmp.body.id}`, { name: '临时部门（改）' }, { token: tokens.admin });
      expect(u.body.name).toBe('临时部门（改）');
      expect((await api.del(`/api/admin/departments/${tmp.body.id}`, { token: tokens.admin })).status).toBe(204);
      expect((await api.get('/api/departments')).body.map((d: { name: string }) => d.name)).not.toContain('临时部门（改）');
      expectErrorShape(await api.post('/api/admin/departments', { name: '' }, { token: tokens.admin }), 400, 'VALIDATION_FAILED');
    });

    it('creates and updates a hall, checking its level', async () => {
      const body = { name: '测试便民服务中心', address: '清河市测试路1号', phone: '0391-26600000', hours: '周一至周五 9:00-17:00', level: 'town' };
      const c = await api.post('/api/admin/halls', body, { token: tokens.admin });
      expect(c.status).toBe(201);
      hallId = c.body.id;
      const u = await api.put(`/api/admin/halls/${hallId}`, { ...body, hours: '周一至周六 9:00-17:00' }, { token: tokens.admin });
      expect(u.body.hours).toBe('周一至周六 9:00-17:00');
      const bad = await api.post('/api/admin/halls', { ...body, name: 'x', level: 'province' }, { token: tokens.admin });
      expectErrorShape(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toContain('level');
      expect((await api.get('/api/halls')).body.map((h: { id: string }) => h.id)).toContain(hallId);
    });

    it('refuses promised days over legal days, naming promisedDays', async () => {
      const r = await api.post('/api/admin/services', { ...serviceBody(), legalDays: 5, promisedDays: 6 }, { token: tokens.admin });
      expectErrorShape(r, 400, 'VALIDATION_FAILED');
      expect(r.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['promisedDays']);
    });

    it('refuses unknown departments and halls, bad enums and a tolerable optional material', async () => {
      const r = await api.post(
        '/api/admin/services',
        { ...serviceBody(), departmentId: randomUUID(), hallIds: [randomUUID()] },
        { token: tokens.admin },
      );
      expectErrorShape(r, 400, 'VALIDATION_FAILED');
      expect(r.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['departmentId', 'hallIds']);
      const e = await api.post(
        '/api/admin/services',
        { ...serviceBody(), audience: 'alien', delivery: ['pigeon'], materials: [{ ...serviceBody().materials[0], form: 'scroll' }] },
        { token: tokens.admin },
      );
      expectErrorShape(e, 400, 'VALIDATION_FAILED');
      expect(e.body.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['audience', 'delivery', 'materials.0.form']));
      const tol = await api.post(
        '/api/admin/services',
        { ...serviceBody(), materials: [{ name: 'x', required: false, tolerable: true, copies: 1, form: 'copy' }] },
        { token: tokens.admin },
      );
      expect(tol.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['materials.0.tolerable']);
    });

    it('creates a service that search finds at once, updates it keeping material ids, and deactivates it', async () => {
      const c = await api.post('/api/admin/services', serviceBody(), { token: tokens.admin });
      expect(c.status).toBe(201);
      const id = c.body.id as string;
      expect(c.body).toMatchObject({ code: 'QH-TEST-001', active: true, hallIds: [hallId], fee: { free: false, amount: 1500 } });
      expect((await search('q=shuibiao')).items.map((i) => i.id)).toEqual([id]);
      expect((await search('q=sbgh')).items.map((i) => i.id)).toContain(id);

      expectErrorShape(await api.post('/api/admin/services', serviceBody(), { token: tokens.admin }), 409, 'CONFLICT');

      const guide = (await api.get(`/api/services/${id}`)).body;
      expect(guide.materials[0].templateUrl).toEqual(expect.stringContaining(`/api/services/${id}/materials/`));
      const keepId = guide.materials[1].id;
      const u = await api.put(
        `/api/admin/services/${id}`,
        {
          ...serviceBody(),
          name: '测试水表过户',
          promisedDays: 10,
          materials: [{ id: keepId, name: '房屋产权证明', required: true, tolerable: false, copies: 2, form: 'copy' }],
        },
        { token: tokens.admin },
      );
      expect(u.status).toBe(200);
      expect(u.body.materials).toHaveLength(1);
      expect(u.body.materials[0]).toMatchObject({ id: keepId, name: '房屋产权证明', copies: 2, tolerable: false });
      expect((await search(`q=${encodeURIComponent('测试水表过户')}`)).items[0]).toMatchObject({ id, name: '测试水表过户', promisedDays: 10 });

      const foreign = await api.put(
        `/api/admin/services/${id}`,
        { ...serviceBody(), materials: [{ id: randomUUID(), name: 'x', required: true, tolerable: false, copies: 1, form: 'copy' }] },
        { token: tokens.admin },
      );
      expectErrorShape(foreign, 400, 'VALIDATION_FAILED');
      expectErrorShape(await api.put(`/api/admin/services/${id}`, { ...serviceBody(), promisedDays: 11 }, { token: tokens.admin }), 400, 'VALIDATION_FAILED');

      // in use: the department and hall cannot go while the service refers to them
      expectErrorShape(await api.del(`/api/admin/departments/${departmentId}`, { token: tokens.admin }), 409, 'CONFLICT');
      expectErrorShape(await api.del(`/api/admin/halls/${hallId}`, { token: tokens.admin }), 409, 'CONFLICT');

      expect((await api.del(`/api/admin/services/${id}`, { token: tokens.admin })).status).toBe(204);
      expectErrorShape(await api.get(`/api/services/${id}`), 404, 'NOT_FOUND');
      expect((await search('q=shuibiao')).total).toBe(0);
      const list = await api.get('/api/admin/services', { token: tokens.admin });
      expect(list.body.find((s: { id: string }) => s.id === id)).toMatchObject({ active: false });
      expect((await api.get(`/api/admin/services/${id}`, { token: tokens.admin })).body.active).toBe(false);
    });

    it('404s on unknown admin targets', async () => {
      expectErrorShape(await api.put(`/api/admin/services/${randomUUID()}`, serviceBody(), { token: tokens.admin }), 404, 'NOT_FOUND');
      expectErrorShape(await api.del(`/api/admin/halls/${randomUUID()}`, { token: tokens.admin }), 404, 'NOT_FOUND');
      expectErrorShape(await api.put('/api/admin/departments/nope', { name: 'x' }, { token: tokens.admin }), 404, 'NOT_FOUND');
    });
  });

  describe('cached answers and conditional GETs', () => {
    /** The admin's view of a hall, as PUT /admin/halls/:id takes it back, with another name. */
    const renameHall = async (hallId: string, name: string) => {
      const halls = (await api.get('/api/admin/halls', { token: tokens.admin })).body as Array<Record<string, any>>;
      const h = halls.find((x) => x.id === hallId)!;
      const r = await api.put(`/api/admin/halls/${hallId}`, { name, address: h.address, phone: h.phone, hours: h.hours, level: h.level, latitude: h.latitude, longitude: h.longitude, sortOrder: h.sortOrder }, { token: tokens.admin });
      expect(r.status).toBe(200);
      return h.name as string;
    };

    it('answers 304 without a body for an unchanged guide, and the new guide with a new ETag once an admin changed it', async () => {
      const id = await findId('个体工商户设立登记');
      const first = await api.get(`/api/services/${id}`);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toContain('no-cache');

      const again = await api.get(`/api/services/${id}`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect((await api.get(`/api/services/${id}`, { headers: { 'if-none-match': `W/${etag}, "other"` } })).status).toBe(304);
      expect((await api.get(`/api/services/${id}`, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);

      // a hall of the guide renamed by an admin: the cached guide is rebuilt at once
      const hallId = first.body.halls[0].id as string;
      const oldName = await renameHall(hallId, '清河市政务服务中心（新址）');
      try {
        const changed = await api.get(`/api/services/${id}`, { headers: { 'if-none-match': etag } });
        expect(changed.status).toBe(200);
        expect(changed.body.halls.find((h: { id: string }) => h.id === hallId).name).toBe('清河市政务服务中心（新址）');
        expect(changed.headers.get('etag')).not.toBe(etag);
      } finally {
        await renameHall(hallId, oldName);
      }
      // back as it was: the same bytes, the same ETag as before
      expect((await api.get(`/api/services/${id}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    });

    it('serves search and guides from the cache until an admin write moves the catalogue version, on another instance too', async () => {
      const ds = f.t.app.get(DataSource);
      const id = await findId('个体工商户设立登记');
      const original = (await ds.query('SELECT scope FROM services WHERE id = ?', [id]))[0].scope as string;
      const second = await createApp(loadConfig(testEnv(f.t.database, { SEED_DEMO: '0' })));
      await second.listen(0, '127.0.0.1');
      const other = client(`http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`);
      try {
        const scope = async (c: typeof api) => (await c.get(`/api/services/${id}`)).body.scope as string;
        const before = await scope(api);
        expect(await scope(other)).toBe(before);
        // a change made behind the API's back is not seen: both instances answer from their caches
        await ds.query('UPDATE services SET scope = ? WHERE id = ?', ['缓存之外的改动', id]);
        expect(await scope(api)).toBe(before);
        expect(await scope(other)).toBe(before);

        // any admin catalogue write moves the version: this instance at once, the other within a second or so
        const deptId = (await api.get('/api/admin/departments', { token: tokens.admin })).body[0];
        const renamed = await api.put(`/api/admin/departments/${deptId.id}`, { name: deptId.name, sortOrder: deptId.sortOrder }, { token: tokens.admin });
        expect(renamed.status).toBe(200);
        expect(await scope(api)).toBe('缓存之外的改动');
        const t0 = Date.now();
        while ((await scope(other)) !== '缓存之外的改动' && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 100));
        expect(await scope(other)).toBe('缓存之外的改动');
        expect(Date.now() - t0).toBeLessThan(3000);
      } finally {
        await ds.query('UPDATE services SET scope = ? WHERE id = ?', [original, id]);
        await second.close();
      }
    });
  });

  describe('demo seed', () => {
    it('is idempotent and survives two instances seeding at once', async () => {
      const ds = f.t.app.get(DataSource);
      const seed = f.t.app.get(SeedService);
      const before = (await search('')).total;
      await seed.seedDemo();
      const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM services'))[0].n);
      const servicesBefore = await count();
      // wipe the demo services and let two seeders race for the same codes
      await ds.query("DELETE FROM service_materials");
      await ds.query("DELETE FROM service_halls");
      await ds.query("DELETE FROM services");
      await Promise.all([seed.seedDemo(), seed.seedDemo(), seed.seedDemo()]);
      expect(await count()).toBe(SEED_SERVICES.length);
      expect(servicesBefore).toBeGreaterThanOrEqual(SEED_SERVICES.length);
      const mats = Number((await ds.query('SELECT COUNT(*) AS n FROM service_materials'))[0].n);
      expect(mats).toBe(SEED_SERVICES.reduce((n, s) => n + s.materials.length, 0));
      await f.t.app.get(CatalogIndexService).refresh();
      expect((await search('')).total).toBe(SEED_SERVICES.length);
      expect(before).toBe(SEED_SERVICES.length);
    });
  });

  it('publishes the catalogue routes in the OpenAPI document', async () => {
    const doc = await api.get('/api/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/departments', '/api/halls', '/api/services', '/api/services/categories', '/api/services/{id}', '/api/calendar', '/api/admin/services', '/api/admin/calendar/{date}']),
    );
  });
});
