import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { client, Client, expectErrorShape } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { adminToken, serviceAtHall, setClock, staffToken, verifiedCitizen } from './helpers/world';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const S3rver = require('s3rver');

/** The S3-compatible blob store (S3_ENDPOINT set), against s3rver on localhost. */
describe('uploads to an S3-compatible store', () => {
  let s3: { run(): Promise<{ port: number }>; close(): Promise<void> };
  let s3dir: string;
  let t: TestApp;
  let api: Client;
  let token: string;
  let appId: string;
  let materialId: string;
  const BUCKET = 'zwt-uploads';

  const upload = (bytes: Buffer, name: string, type = 'application/pdf', who = token) => api.upload(who, appId, materialId, { name, type, bytes });

  beforeAll(async () => {
    s3dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwt-s3rver-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET }] });
    const { port } = await s3.run();
    t = await startTestApp({
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: 'uploads/',
    });
    api = client(t.url);
    await setClock(api, '2026-12-07T02:00:00.000Z');
    await adminToken(api);
    const staff = await staffToken(api);
    const svc = await serviceAtHall(api, staff.hallId);
    token = (await verifiedCitizen(api)).token;
    const r = await api.post('/api/applications', { serviceId: svc.id }, { token });
    appId = r.body.id;
    materialId = r.body.materials[0].materialId;
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    fs.rmSync(s3dir, { recursive: true, force: true });
  });

  it('streams the file into the bucket under its sha256 and serves it back', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 0x42)]); // a few MB
    const r = await upload(bytes, '营业执照.pdf');
    expect(r.status).toBe(201);
    const sha = r.body.sha256 as string;
    // the object is in the bucket, not on local disk
    const objectDir = path.join(s3dir, BUCKET, 'uploads', sha.slice(0, 2), sha.slice(2, 4));
    expect(fs.readdirSync(objectDir).some((f) => f.startsWith(sha))).toBe(true);
    expect(fs.existsSync(path.join(t.config.upload.dir, 'blobs'))).toBe(false);
    expect(fs.readdirSync(path.join(t.config.upload.dir, 'tmp'))).toEqual([]);

    const res = await fetch(`${t.url}/api/files/${r.body.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('keeps one object for identical bytes, refuses bad types, and hides files from strangers', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 3)]);
    const a = await upload(png, 'a.png', 'image/png');
    const b = await upload(png, 'b.png', 'image/png');
    expect(a.status).toBe(201);
    expect(b.body.sha256).toBe(a.body.sha256);
    expectErrorShape((await upload(Buffer.from('MZ\x90\x00\x03\x00\x00\x00 payload'), 'x.png', 'image/png')) as never, 415, 'UNSUPPORTED_FILE_TYPE');
    const stranger = await verifiedCitizen(api);
    const res = await fetch(`${t.url}/api/files/${a.body.id}`, { headers: { authorization: `Bearer ${stranger.token}` } });
    expect(res.status).toBe(404);
  });
});
