/**
 * The world a test needs, made through the API as its users would make it: citizens (verified or
 * not), companies, agents with an authorisation, staff and admin sessions, services of the test's
 * own, slots, and the test clock. Used by the integration suites, the e2e journeys and (for slots)
 * the scripts.
 */
import { Audience, creditCodeCheckChar, idNumberCheckChar } from '@gov/shared';
import { client, Client, must, signIn, staffSignIn, uniquePhone } from './http';
import { slotRequest, SlotSpec } from './slot-request';

export type { SlotSpec } from './slot-request';

/** The accounts every test server is seeded with (test-app.ts sets the admin's password). */
export const ADMIN = { username: 'admin', password: 'Admin@2026!' } as const;
export const STAFF01 = { username: 'staff01', password: 'Staff@2026' } as const;
/**
 * The city hall's demo reviewer of 清河市市场监督管理局, the department of 个体工商户设立登记 and of every
 * service createService makes (受审分离: staff01 accepts, this reviewer decides).
 */
export const REVIEWER01 = { username: 'review01.market', password: 'Staff@2026' } as const;
/** The city hall's demo supervisor (督办). */
export const SUPERVISOR01 = { username: 'duban01', password: 'Staff@2026' } as const;
/** The demo data's city hall, where staff01 works. */
export const CITY_HALL_NAME = '清河市政务服务中心';

let idSeq = Math.floor(Math.random() * 1000);
/** A valid 18-character ID number (right check character), different per call and, very likely, per process. */
export function validIdNumber(): string {
  idSeq = (idSeq + 37) % 1000;
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const first17 = `110105${year}${month}${day}${String(idSeq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

let creditSeq = Math.floor(Math.random() * 1e6);
/** A 统一社会信用代码 with a correct check character, different each call. */
export function validCreditCode(): string {
  creditSeq = (creditSeq + 7919) % 1e7;
  const first17 = `91410100MA${String(creditSeq).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The real name verifiedCitizen() gives unless told otherwise. */
export const TEST_REAL_NAME = '测试用户';
/** The same name, under the name some suites use. */
export const VERIFIED_NAME = TEST_REAL_NAME;

/** A citizen session whose access token can be renewed after the test clock jumps ahead. */
export interface Session {
  token: string;
  refreshToken: string;
  user: { id: string } & Record<string, any>;
  phone: string;
}

/** A signed-in citizen with a verified real name. */
export async function verifiedCitizen(api: Client, phone = uniquePhone(), realName = TEST_REAL_NAME): Promise<Session & { accessToken: string }> {
  const s = await signIn(api, phone);
  must(await api.post('/api/me/verify', { realName, idNumber: validIdNumber() }, { token: s.accessToken }), 200, 'verify');
  return { ...s, token: s.accessToken };
}

/** A new pair of tokens for the session (after the test clock moved past the access token's 15 minutes). */
export async function refreshed(api: Client, s: Session): Promise<Session> {
  const body = must(await api.post('/api/auth/refresh', { refreshToken: s.refreshToken }), 200, 'refresh');
  s.token = body.accessToken;
  s.refreshToken = body.refreshToken;
  return s;
}

export async function adminToken(api: Client): Promise<string> {
  return (await staffSignIn(api, ADMIN.username, ADMIN.password)).accessToken;
}

export async function staffToken(api: Client): Promise<{ token: string; hallId: string }> {
  const s = await staffSignIn(api, STAFF01.username, STAFF01.password);
  return { token: s.accessToken, hallId: s.user.hallId as string };
}

/** The city hall's reviewer of the market department (REVIEWER01): decides what staff01 accepted. */
export async function reviewerToken(api: Client): Promise<{ token: string; id: string }> {
  const s = await staffSignIn(api, REVIEWER01.username, REVIEWER01.password);
  return { token: s.accessToken, id: s.user.id as string };
}

/** The city hall's supervisor (SUPERVISOR01). */
export async function supervisorToken(api: Client): Promise<{ token: string; id: string }> {
  const s = await staffSignIn(api, SUPERVISOR01.username, SUPERVISOR01.password);
  return { token: s.accessToken, id: s.user.id as string };
}

/** Set the server's clock (TEST_CLOCK=1); null lets it follow real time again. */
export async function setClock(api: Client, iso: string | null, ticking = false): Promise<void> {
  must(await api.post('/api/__test__/clock', ticking ? { now: iso, ticking } : { now: iso }), 200, 'clock');
}

/** The halls of the demo data; the city hall first found by name. */
export async function cityHall(api: Client): Promise<{ id: string; name: string }> {
  const halls = await api.json<Array<{ id: string; name: string }>>('GET', '/api/halls');
  const h = halls.find((x) => x.name === CITY_HALL_NAME);
  if (!h) throw new Error('no city hall in the demo data');
  return h;
}

/**
 * A service handled at the given hall, from the public catalogue. The default, 个体工商户设立登记, is
 * for persons and companies alike (audience `both`), so that citizens and companies may both book it.
 */
export async function serviceAtHall(api: Client, hallId: string, q = '个体工商户设立登记', opts: { prereview?: boolean } = {}): Promise<{ id: string; name: string }> {
  const list = await api.json<{ items: Array<{ id: string; name: string; onlinePrereview: boolean }> }>('GET', `/api/services?q=${encodeURIComponent(q)}&pageSize=50`);
  for (const item of list.items) {
    if (opts.prereview && !item.onlinePrereview) continue;
    const guide = await api.json<{ halls: Array<{ id: string }> }>('GET', `/api/services/${item.id}`);
    if (guide.halls.some((h) => h.id === hallId)) return { id: item.id, name: item.name };
  }
  throw new Error(`no service for "${q}" at hall ${hallId}`);
}

/**
 * One slot made by the admin (POST /api/admin/slots): `start` an instant, `minutes` long (30) or up
 * to `end`, `capacity` places (5). Answers the created slot; throws when refused.
 */
export async function createSlot(api: Client, admin: string, s: SlotSpec): Promise<{ id: string; start: string; end: string } & Record<string, any>> {
  return must(await api.post('/api/admin/slots', slotRequest(s), { token: admin }), 201, 'slot');
}

export interface TestMaterial {
  name: string;
  required: boolean;
  tolerable: boolean;
  copies?: number;
  form?: 'original' | 'copy' | string;
  note?: string | null;
  /** 免提交: a valid certificate of this type fills it */
  certificateType?: string | null;
}

export interface TestServiceOptions {
  hallIds: string[];
  audience?: Audience;
  code?: string;
  name?: string;
  promisedDays?: number;
  keyProject?: boolean;
  /** 即办: decided and handed over on the spot */
  instant?: boolean;
  materials?: TestMaterial[];
  process?: string[];
  delivery?: string[];
  keywords?: string[];
  /** licence-issuing: the certificate its approval issues, valid `years` (null = 长期) */
  certificate?: { type: string; years: number | null };
}

let serviceSeq = 0;
/**
 * A permit service of the test's own, made by the admin (POST /api/admin/services) at the given
 * halls, in the first department, with online pre-review. Answers the created service and the body sent.
 */
export async function createService(api: Client, admin: string, o: TestServiceOptions): Promise<{ id: string; materials: Array<{ id: string; name: string }>; body: Record<string, unknown> }> {
  serviceSeq++;
  const departmentId = (await api.json<Array<{ id: string }>>('GET', '/api/departments'))[0].id;
  const body = {
    code: o.code ?? `QH-TEST-${serviceSeq}-${Date.now() % 100000}`,
    name: o.name ?? `测试许可事项${serviceSeq}`,
    subItem: null,
    departmentId,
    scope: '清河市居民',
    acceptingBody: '清河市测试局',
    decidingBody: '清河市测试局',
    conditions: '符合条件',
    materials: (o.materials ?? [{ name: '申请书', required: true, tolerable: false }]).map((m) => ({ copies: 1, form: 'copy', note: null, ...m })),
    process: o.process ?? ['申请', '受理', '审查', '决定', '送达'],
    basis: '《中华人民共和国行政许可法》',
    legalDays: 20,
    promisedDays: o.promisedDays ?? 5,
    fee: { free: true, amount: null, basis: null },
    delivery: o.delivery ?? ['window', 'post', 'online'],
    consultPhone: '0391-26600001',
    complaintPhone: '0391-26600002',
    hallIds: o.hallIds,
    audience: o.audience ?? 'both',
    category: '民政服务',
    keywords: o.keywords ?? ['测试'],
    onlinePrereview: true,
    keyProject: o.keyProject ?? false,
    ...(o.certificate ? { certificateType: o.certificate.type, certificateYears: o.certificate.years } : {}),
    ...(o.instant ? { instant: true } : {}),
  };
  const created = must(await api.post('/api/admin/services', body, { token: admin }), 201, 'service');
  return { ...created, id: created.id, materials: created.materials, body };
}

/** createService for persons only, delivered at the window unless told otherwise (the account suite's). */
export async function adminService(
  api: Client,
  admin: string,
  o: Omit<TestServiceOptions, 'audience'> & { code: string; name: string; materials: TestMaterial[] },
): Promise<{ id: string; materials: Array<{ id: string }> }> {
  return createService(api, admin, { delivery: ['window'], ...o, audience: 'person' });
}

/** A company registered by `owner` (a verified citizen), its legal representative being the owner's real name. */
export async function companyOf(api: Client, owner: { token: string }, name = `清河市好运来餐饮有限公司${creditSeq}`): Promise<{ id: string; name: string }> {
  const c = await verifiedCompany(api, owner.token, name);
  return { id: c.id, name: c.name };
}

/**
 * A company the owner registers as its legal representative (their verified real name), so it is
 * verified at once and can act; `legalRepName` of someone else leaves it pending for the hall.
 */
export async function verifiedCompany(api: Client, ownerToken: string, name = '清河测试科技有限公司', legalRepName = TEST_REAL_NAME) {
  const body = must(await api.post('/api/enterprises', { name, creditCode: validCreditCode(), legalRepName }, { token: ownerToken }), 201, 'enterprise');
  return body as { id: string; name: string; creditCode: string; status: string };
}

/** An authorisation given by the principal and accepted by the agent: in force from its start date. */
export async function acceptedAuthorization(
  api: Client,
  principalToken: string,
  agentToken: string,
  body: { principal: { type: string; id: string }; agentPhone: string; serviceIds: string[] | null; validFrom: string; validTo: string },
) {
  const given = must(await api.post('/api/authorizations', body, { token: principalToken }), 201, 'authorization');
  const accepted = must(await api.post(`/api/authorizations/${given.id}/accept`, undefined, { token: agentToken }), 200, 'accept');
  return accepted as { id: string; status: string };
}

/** Minimal real file bytes the server accepts (it judges type by content). */
export function pdfBytes(label = String(Math.random())): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

export function pngBytes(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
}

/** Upload a small real PDF as a filing's material; answers the HTTP status. */
export async function uploadPdf(api: Client | string, token: string, appId: string, materialId: string): Promise<number> {
  const c = typeof api === 'string' ? client(api) : api;
  return (await c.upload(token, appId, materialId, { name: 'scan.pdf', type: 'application/pdf', bytes: pdfBytes() })).status;
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

/**
 * What most suites start from: admin and staff01 (window) sessions, the hall's reviewer of the
 * service's department and its supervisor, staff01's hall and a service handled there.
 */
export interface World {
  admin: string;
  staff: { token: string; hallId: string };
  /** decides filings of the service's (and createService's) department: 受审分离 */
  reviewer: { token: string; id: string };
  supervisor: { token: string; id: string };
  hallId: string;
  service: { id: string; name: string };
}

/** Build the common world (after setting the clock to `now`, when given). */
export async function buildWorld(api: Client, now?: string): Promise<World> {
  if (now) await setClock(api, now);
  const admin = await adminToken(api);
  const staff = await staffToken(api);
  const [reviewer, supervisor, service] = await Promise.all([reviewerToken(api), supervisorToken(api), serviceAtHall(api, staff.hallId)]);
  return { admin, staff, reviewer, supervisor, hallId: staff.hallId, service };
}

/**
 * Let a hall count a no-show as soon as its grace is over, without a contact attempt (PUT
 * /admin/halls/:id/policy; default hours). For suites about the counting itself: the demo city hall
 * follows 罗山 and calls a late applicant first (issue 15), so its no-shows are pending until then.
 */
export async function countNoShowsWithoutCall(api: Client, admin: string, hallId: string, graceMinutes = 30): Promise<void> {
  const openingHours = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:30', end: '17:00' },
  ]);
  must(await api.put(`/api/admin/halls/${hallId}/policy`, { noShowGraceMinutes: graceMinutes, noShowContactRequired: false, openingHours }, { token: admin }), 200, 'hall policy');
}
