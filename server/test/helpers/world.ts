import { Audience, creditCodeCheckChar, idNumberCheckChar } from '@gov/shared';
import { Client, signIn, staffSignIn, uniquePhone } from './http';

/** A valid ID number (right check character) that differs per call. */
let idSeq = 1000;
export function validIdNumber(): string {
  idSeq = (idSeq + 37) % 9000;
  const first17 = `1101051990${String(101 + (idSeq % 12)).slice(1)}${String(10 + (idSeq % 18))}${String(idSeq).padStart(3, '0').slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}


/** The real name verifiedCitizen() gives unless told otherwise. */
export const TEST_REAL_NAME = '测试用户';
/** The same name, under the name some suites use. */
export const VERIFIED_NAME = TEST_REAL_NAME;

/** A signed-in citizen with a verified real name. */
export async function verifiedCitizen(api: Client, phone = uniquePhone(), realName = TEST_REAL_NAME) {
  const s = await signIn(api, phone);
  const r = await api.post('/api/me/verify', { realName, idNumber: validIdNumber() }, { token: s.accessToken });
  if (r.status !== 200) throw new Error(`verify failed: ${r.status} ${r.text}`);
  return { ...s, token: s.accessToken };
}

/** A company registered by `owner` (a verified citizen), its legal representative being the owner's real name. */
export async function companyOf(api: Client, owner: { token: string }, name = `清河市好运来餐饮有限公司${creditSeq}`): Promise<{ id: string; name: string }> {
  const r = await api.post('/api/enterprises', { name, creditCode: validCreditCode(), legalRepName: VERIFIED_NAME }, { token: owner.token });
  if (r.status !== 201) throw new Error(`company: ${r.status} ${r.text}`);
  return { id: r.body.id, name: r.body.name };
}

export interface TestServiceOptions {
  hallIds: string[];
  audience?: Audience;
  name?: string;
  promisedDays?: number;
  keyProject?: boolean;
  materials?: Array<{ name: string; required: boolean; tolerable: boolean; copies?: number; form?: string; note?: string | null }>;
}

let serviceSeq = 0;
/** A service of the test's own through the admin API, with a known material list and audience; returns the admin's answer. */
export async function createService(api: Client, admin: string, o: TestServiceOptions): Promise<{ id: string; materials: Array<{ id: string; name: string }>; body: Record<string, unknown> }> {
  serviceSeq++;
  const departmentId = ((await api.get('/api/departments')).body as Array<{ id: string }>)[0].id;
  const body = {
    code: `QH-TEST-${serviceSeq}-${Date.now() % 100000}`,
    name: o.name ?? `测试许可事项${serviceSeq}`,
    subItem: null,
    departmentId,
    scope: '清河市居民',
    acceptingBody: '清河市测试局',
    decidingBody: '清河市测试局',
    conditions: '符合条件',
    materials: (o.materials ?? [{ name: '申请书', required: true, tolerable: false }]).map((m) => ({ copies: 1, form: 'copy', note: null, ...m })),
    process: ['申请', '受理', '审查', '决定', '送达'],
    basis: '《中华人民共和国行政许可法》',
    legalDays: 20,
    promisedDays: o.promisedDays ?? 5,
    fee: { free: true, amount: null, basis: null },
    delivery: ['window', 'post', 'online'],
    consultPhone: '0391-26600001',
    complaintPhone: '0391-26600002',
    hallIds: o.hallIds,
    audience: o.audience ?? 'both',
    category: '民政服务',
    keywords: ['测试'],
    onlinePrereview: true,
    keyProject: o.keyProject ?? false,
  };
  const r = await api.post('/api/admin/services', body, { token: admin });
  if (r.status !== 201) throw new Error(`service: ${r.status} ${r.text}`);
  return { id: r.body.id, materials: r.body.materials, body };
}

export async function adminToken(api: Client): Promise<string> {
  return (await staffSignIn(api, 'admin', 'Admin@2026!')).accessToken;
}

export async function staffToken(api: Client): Promise<{ token: string; hallId: string }> {
  const s = await staffSignIn(api, 'staff01', 'Staff@2026');
  return { token: s.accessToken, hallId: s.user.hallId as string };
}

/**
 * A service handled at the given hall, from the public catalogue. The default, 个体工商户设立登记, is
 * for persons and companies alike (audience `both`), so that citizens and companies may both book it.
 */
export async function serviceAtHall(api: Client, hallId: string, q = '个体工商户设立登记'): Promise<{ id: string; name: string }> {
  const list = await api.get(`/api/services?q=${encodeURIComponent(q)}&pageSize=50`);
  for (const item of list.body.items as Array<{ id: string; name: string }>) {
    const guide = await api.get(`/api/services/${item.id}`);
    if ((guide.body.halls as Array<{ id: string }>).some((h) => h.id === hallId)) return { id: item.id, name: item.name };
  }
  throw new Error(`no service for "${q}" at hall ${hallId}`);
}

export interface TestMaterial {
  name: string;
  required: boolean;
  tolerable: boolean;
  form?: 'original' | 'copy';
  note?: string | null;
}

/**
 * A permit service of the test's own, made by the admin (POST /api/admin/services) at the given
 * halls, in the first department, with online pre-review. Answers the created service.
 */
export async function adminService(
  api: Client,
  admin: string,
  o: { code: string; name: string; hallIds: string[]; materials: TestMaterial[]; promisedDays?: number; keyProject?: boolean; process?: string[]; delivery?: string[]; keywords?: string[] },
): Promise<{ id: string; materials: Array<{ id: string }> }> {
  const departmentId = ((await api.get('/api/departments')).body as Array<{ id: string }>)[0].id;
  const r = await api.post(
    '/api/admin/services',
    {
      code: o.code,
      name: o.name,
      subItem: null,
      departmentId,
      scope: '清河市居民',
      acceptingBody: '清河市测试局',
      decidingBody: '清河市测试局',
      conditions: '符合条件',
      materials: o.materials.map((m) => ({ copies: 1, form: 'copy', note: null, ...m })),
      process: o.process ?? ['申请', '受理', '审查', '决定', '送达'],
      basis: '《中华人民共和国行政许可法》',
      legalDays: 20,
      promisedDays: o.promisedDays ?? 5,
      fee: { free: true, amount: null, basis: null },
      delivery: o.delivery ?? ['window'],
      consultPhone: '0391-26600001',
      complaintPhone: '0391-26600002',
      hallIds: o.hallIds,
      audience: 'person',
      category: '民政服务',
      keywords: o.keywords ?? ['测试'],
      onlinePrereview: true,
      keyProject: o.keyProject ?? false,
    },
    { token: admin },
  );
  if (r.status !== 201) throw new Error(`service: ${r.status} ${r.text}`);
  return r.body;
}

/** Upload a small real PDF as a filing's material; answers the HTTP status. */
export async function uploadPdf(baseUrl: string, token: string, appId: string, materialId: string): Promise<number> {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.from(`%PDF-1.4\n% ${Math.random()}\n%%EOF\n`)], { type: 'application/pdf' }), 'scan.pdf');
  const r = await fetch(`${baseUrl}/api/applications/${appId}/materials/${materialId}/files`, { method: 'POST', body: fd, headers: { authorization: `Bearer ${token}` } });
  await r.arrayBuffer();
  return r.status;
}

/** Set the server's clock (TEST_CLOCK=1). */
export async function setClock(api: Client, iso: string | null): Promise<void> {
  const r = await api.post('/api/__test__/clock', { now: iso });
  if (r.status !== 200) throw new Error(`clock: ${r.status} ${r.text}`);
}

/** Run async work over items with at most `n` at once. */
export async function pool<T, R>(items: T[], n: number, work: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

/** A citizen session whose access token can be renewed after the test clock jumps ahead. */
export interface Session {
  token: string;
  refreshToken: string;
  user: { id: string };
  phone: string;
}

export async function refreshed(api: Client, s: Session): Promise<Session> {
  const r = await api.post('/api/auth/refresh', { refreshToken: s.refreshToken });
  if (r.status !== 200) throw new Error(`refresh failed: ${r.status} ${r.text}`);
  s.token = r.body.accessToken;
  s.refreshToken = r.body.refreshToken;
  return s;
}

let creditSeq = Math.floor(Math.random() * 1e6);
/** A 统一社会信用代码 with a correct check character, different each call. */
export function validCreditCode(): string {
  creditSeq = (creditSeq + 7919) % 1e7;
  const first17 = `91410100MA${String(creditSeq).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * A company the owner registers as its legal representative (their verified real name), so it is
 * verified at once and can act; `legalRepName` of someone else leaves it pending for the hall.
 */
export async function verifiedCompany(api: Client, ownerToken: string, name = '清河测试科技有限公司', legalRepName = TEST_REAL_NAME) {
  const r = await api.post('/api/enterprises', { name, creditCode: validCreditCode(), legalRepName }, { token: ownerToken });
  if (r.status !== 201) throw new Error(`enterprise: ${r.status} ${r.text}`);
  return r.body as { id: string; name: string; creditCode: string; status: string };
}

/** An authorisation given by the principal and accepted by the agent: in force from its start date. */
export async function acceptedAuthorization(
  api: Client,
  principalToken: string,
  agentToken: string,
  body: { principal: { type: string; id: string }; agentPhone: string; serviceIds: string[] | null; validFrom: string; validTo: string },
) {
  const given = await api.post('/api/authorizations', body, { token: principalToken });
  if (given.status !== 201) throw new Error(`authorization: ${given.status} ${given.text}`);
  const accepted = await api.post(`/api/authorizations/${given.body.id}/accept`, undefined, { token: agentToken });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  return accepted.body as { id: string; status: string };
}
