import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectErrorShape } from './helpers/http';
import { adminToken, serviceAtHall, staffToken, verifiedCitizen } from './helpers/world';
import { useTestApp } from '../../test/support/fixture';

/** Upload limits on the local-disk driver: size (UPLOAD_MAX_SIZE set small here), streaming, content-addressed storage. */
describe('uploads on local disk', () => {
  const f = useTestApp({ env: { UPLOAD_MAX_SIZE: '64kb' }, now: '2026-12-07T02:00:00.000Z', world: false });
  const api = f.api;
  let token: string;
  let appId: string;
  let materialId: string;
  const MAX = 64 * 1024;

  const upload = (bytes: Buffer, name = 'scan.pdf') => api.upload(token, appId, materialId, { name, type: 'application/pdf', bytes });
  const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x41)]);

  beforeAll(async () => {
    await adminToken(api);
    const staff = await staffToken(api);
    const svc = await serviceAtHall(api, staff.hallId);
    const c = await verifiedCitizen(api);
    token = c.token;
    const r = await api.post('/api/applications', { serviceId: svc.id }, { token });
    expect(r.status).toBe(201);
    appId = r.body.id;
    materialId = r.body.materials[0].materialId;
  });

  it('takes a file at the limit', async () => {
    const r = await upload(pdf(MAX));
    expect(r.status).toBe(201);
    expect(r.body.size).toBe(MAX);
  });

  it('refuses a file over the limit with 413 and keeps nothing of it', async () => {
    const before = (await api.get(`/api/applications/${appId}`, { token })).body.materials[0].files.length;
    const r = await upload(pdf(MAX + 1));
    expectErrorShape(r as never, 413, 'FILE_TOO_LARGE');
    expect(r.body.details.maxBytes).toBe(MAX);
    const big = await upload(pdf(5 * 1024 * 1024));
    expectErrorShape(big as never, 413, 'FILE_TOO_LARGE');
    expect((await api.get(`/api/applications/${appId}`, { token })).body.materials[0].files.length).toBe(before);
    const staging = path.join(f.t.config.upload.dir, 'tmp');
    await new Promise((r) => setTimeout(r, 100));
    expect(fs.readdirSync(staging)).toEqual([]);
  });

  it('stores identical bytes once, by their sha256', async () => {
    const bytes = pdf(2000);
    const a = await upload(bytes, 'a.pdf');
    const b = await upload(bytes, 'b.pdf');
    expect(a.body.sha256).toBe(b.body.sha256);
    expect(a.body.id).not.toBe(b.body.id);
    const sha = a.body.sha256 as string;
    const blob = path.join(f.t.config.upload.dir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(fs.readFileSync(blob).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.join(f.t.config.upload.dir, 'tmp'))).toEqual([]);
  });

  it('strips a path from the name and refuses a renamed executable', async () => {
    const r = await upload(pdf(1000), '..\\..\\windows\\system32\\evil.pdf');
    expect(r.status).toBe(201);
    expect(r.body.name).toBe('evil.pdf');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4000, 0)]);
    expectErrorShape((await upload(exe, 'invoice.pdf')) as never, 415, 'UNSUPPORTED_FILE_TYPE');
  });
});
