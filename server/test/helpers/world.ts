import { idNumberCheckChar } from '@gov/shared';
import { Client, signIn, staffSignIn, uniquePhone } from './http';

/** A valid ID number (right check character) that differs per call. */
let idSeq = 1000;
export function validIdNumber(): string {
  idSeq = (idSeq + 37) % 9000;
  const first17 = `1101051990${String(101 + (idSeq % 12)).slice(1)}${String(10 + (idSeq % 18))}${String(idSeq).padStart(3, '0').slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** A signed-in citizen with a verified real name. */
export async function verifiedCitizen(api: Client, phone = uniquePhone()) {
  const s = await signIn(api, phone);
  const r = await api.post('/api/me/verify', { realName: '测试用户', idNumber: validIdNumber() }, { token: s.accessToken });
  if (r.status !== 200) throw new Error(`verify failed: ${r.status} ${r.text}`);
  return { ...s, token: s.accessToken };
}

export async function adminToken(api: Client): Promise<string> {
  return (await staffSignIn(api, 'admin', 'Admin@2026!')).accessToken;
}

export async function staffToken(api: Client): Promise<{ token: string; hallId: string }> {
  const s = await staffSignIn(api, 'staff01', 'Staff@2026');
  return { token: s.accessToken, hallId: s.user.hallId as string };
}

/** A service handled at the given hall, from the public catalogue. */
export async function serviceAtHall(api: Client, hallId: string, q = '营业执照'): Promise<{ id: string; name: string }> {
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
