import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile, spawnSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { fakeSignInProviders, SignInFakes } from './fakes/fake-servers';
import { Answer, client, Client, signIn } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { adminToken, serviceAtHall, setClock, staffToken, verifiedCitizen } from './helpers/world';

/**
 * Bad input (issue 8): every route of the OpenAPI document with malformed JSON, wrong types, huge
 * strings and arrays, SQL and path-traversal strings, prototype-pollution keys and odd ids, as
 * nobody, a citizen and an admin; hostile uploads; and sqlmap against the routes with query
 * parameters. Never a 5xx, never a stack or SQL, always `{ code, message }`; healthy after.
 */
const NOW = '2026-12-07T00:00:00.000Z';
const LEAK = /\bat \w+ \(|at <anonymous>|\.ts:\d+:\d+|\.js:\d+:\d+|QueryFailedError|SQL syntax|SELECT .* FROM|INSERT INTO|node_modules/i;
/** MySQL error codes (ER_DUP_ENTRY …), case-sensitive so that "under_review" is not one. */
const ER_CODE = /\bER_[A-Z_]{4,}\b/;

type Op = { method: string; path: string; hasBody: boolean; props: string[] };

const SQL = "' OR '1'='1' -- ";
const TRAVERSAL = '../../../../etc/passwd';
const HUGE = 'x'.repeat(200_000);
const ODD_IDS = [
  encodeURIComponent('../../etc/passwd'),
  '..%2f..%2f..%2fetc%2fpasswd',
  encodeURIComponent("1' OR '1'='1"),
  '-1',
  '0',
  '1e309',
  '__proto__',
  'constructor',
  '%00',
  'x'.repeat(3000),
  encodeURIComponent('😀'),
  '%E0%A4%A',
];

function bodies(props: string[]): Array<{ label: string; raw: string }> {
  const each = (v: unknown) => JSON.stringify(Object.fromEntries((props.length ? props : ['id', 'name']).map((p) => [p, v])));
  return [
    { label: 'malformed JSON', raw: '{"slotId": "x", ' },
    { label: 'a bare string', raw: '"just a string"' },
    { label: 'an array', raw: '[1, 2, 3]' },
    { label: 'null', raw: 'null' },
    { label: 'SQL strings', raw: each(SQL) },
    { label: 'path traversal', raw: each(TRAVERSAL) },
    { label: 'huge strings', raw: JSON.stringify(Object.fromEntries((props.length ? props : ['name']).slice(0, 3).map((p) => [p, HUGE]))) },
    { label: 'huge arrays', raw: each(Array.from({ length: 5000 }, (_, i) => `x${i}`)) },
    { label: 'wrong types', raw: each({ $gt: '', nested: [[[{}]]] }) },
    { label: 'numbers out of range', raw: each(-1e308) },
    { label: 'booleans', raw: each(true) },
    {
      label: 'prototype pollution',
      raw: `{"__proto__": {"polluted": "yes", "roles": ["admin"]}, "constructor": {"prototype": {"polluted": "yes"}}${props.length ? `, ${JSON.stringify(props[0])}: {"__proto__": {"polluted": "yes"}}` : ''}}`,
    },
  ];
}

const QUERY = `?q=${encodeURIComponent(SQL)}&page=-1&pageSize=99999999999&from=${encodeURIComponent(TRAVERSAL)}&to=2026-02-30&status[$ne]=x&hallId=${encodeURIComponent(SQL)}&__proto__[polluted]=yes&constructor[prototype][polluted]=yes`;

function problemsOf(a: Answer, what: string): string[] {
  const out: string[] = [];
  if (a.status >= 500) out.push(`${what} → ${a.status} ${a.text.slice(0, 200)}`);
  if (LEAK.test(a.text) || ER_CODE.test(a.text)) out.push(`${what} leaks: ${a.text.slice(0, 200)}`);
  if (a.status >= 400) {
    const b = a.body as { code?: unknown; message?: unknown } | null;
    if (!b || typeof b !== 'object' || typeof b.code !== 'string' || typeof b.message !== 'string') out.push(`${what} → ${a.status} without { code, message }: ${a.text.slice(0, 120)}`);
  }
  return out;
}

describe('fuzz', () => {
  let t: TestApp;
  let api: Client;
  let ops: Op[];
  let fakes: SignInFakes;

  beforeAll(async () => {
    // WeChat and Alipay answer from fakes on localhost (their real hosts are out of reach here, which would be a fair 503)
    fakes = await fakeSignInProviders('fuzz');
    t = await startTestApp({ LOOKUP_RATE_LIMIT: '0', ...fakes.env });
    api = client(t.url);
    await setClock(api, NOW);
    const doc = (await api.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    ops = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'delete', 'patch'].includes(m)) continue;
        const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
        ops.push({ method: m.toUpperCase(), path: p, hasBody: ['POST', 'PUT', 'PATCH'].includes(m.toUpperCase()), props: Object.keys(schema?.properties ?? {}) });
      }
    }
  });
  afterAll(async () => {
    await t?.close();
    await fakes?.close();
  });

  it('walks every route with hostile input as nobody, a citizen and an admin: no 5xx, no leaks, always { code, message }', async () => {
    const citizen = await verifiedCitizen(api);
    const admin = await adminToken(api);
    const identities: Array<[string, string | undefined]> = [
      ['nobody', undefined],
      ['citizen', citizen.token],
      ['admin', admin],
    ];
    expect(ops.length).toBeGreaterThan(80);
    const problems: string[] = [];
    let sent = 0;
    let k = 0;
    for (const op of ops) {
      if (op.path === '/api/auth/sms/send') continue; // per-phone limits; covered below with its own inputs
      for (const [who, token] of identities) {
        // 注销 would close the citizen's account for every later route (account.int.ts covers it)
        if (who === 'citizen' && op.method === 'DELETE' && op.path === '/api/me') continue;
        const paths: string[] = [];
        if (/\{\w+\}/.test(op.path)) {
          for (let i = 0; i < 3; i++) paths.push(op.path.replace(/\{\w+\}/g, () => ODD_IDS[k++ % ODD_IDS.length]));
        } else paths.push(op.path);
        const jobs: Array<Promise<void>> = [];
        for (const p of paths) {
          const what = `${who} ${op.method} ${p.slice(0, 80)}`;
          jobs.push(api.call(op.method, p + QUERY, { token }).then((a) => void problems.push(...problemsOf(a, `${what} (query)`))));
          if (op.hasBody) {
            for (const b of bodies(op.props)) {
              jobs.push(
                api
                  .call(op.method, p, { token, raw: b.raw, headers: { 'content-type': 'application/json' } })
                  .then((a) => void problems.push(...problemsOf(a, `${what} (${b.label})`))),
              );
            }
          }
        }
        sent += jobs.length;
        await Promise.all(jobs);
      }
    }
    // odd transport: wrong content types, a form body, an empty JSON body, a lying charset
    for (const op of ops.filter((o) => o.hasBody)) {
      for (const [ct, raw] of [
        ['text/plain', SQL],
        ['application/x-www-form-urlencoded', `a=${encodeURIComponent(SQL)}&__proto__[x]=1`],
        ['application/json', ''],
        ['application/json; charset=utf-7', '{}'],
        ['application/xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
      ]) {
        const a = await api.call(op.method, op.path.replace(/\{\w+\}/g, 'x'), { token: citizen.token, raw, headers: { 'content-type': ct } });
        problems.push(...problemsOf(a, `${op.method} ${op.path} (${ct})`));
        sent++;
      }
    }
    for (const phone of [SQL, HUGE.slice(0, 5000), '1'.repeat(11), '+8613800000000']) {
      const a = await api.post('/api/auth/sms/send', { phone });
      problems.push(...problemsOf(a, `sms/send ${phone.slice(0, 20)}`));
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(1000);

    // nothing was polluted, and the app still works
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
    expect((await api.get('/api/health')).status).toBe(200);
    const me = await api.get('/api/me', { token: citizen.token });
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['citizen']);
    const fresh = await signIn(api);
    expect((await api.get('/api/me', { token: fresh.accessToken })).body.roles).toEqual(['citizen']);
  }, 180_000);

  describe('hostile uploads', () => {
    const ZIP_BOMB = () => {
      const payload = deflateRawSync(Buffer.alloc(50 * 1024 * 1024)); // 50 MB of zeros in ~50 kB
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(8, 8); // deflate
      header.writeUInt32LE(payload.length, 18);
      header.writeUInt32LE(50 * 1024 * 1024, 22);
      header.writeUInt16LE(8, 26);
      return Buffer.concat([header, Buffer.from('zero.bin'), payload]);
    };
    const pngChunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
    };
    const PIXEL_FLOOD = () => {
      const ihdr = Buffer.alloc(13);
      ihdr.writeUInt32BE(100_000, 0); // 100 000 × 100 000 pixels declared
      ihdr.writeUInt32BE(100_000, 4);
      ihdr[8] = 8;
      ihdr[9] = 6;
      return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateRawSync(Buffer.alloc(1 << 20))), pngChunk('IEND', Buffer.alloc(0))]);
    };
    const JPEG_FLOOD = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xff, 0xff, 0xff, 0x03]), Buffer.alloc(100, 0x11), Buffer.from([0xff, 0xd9])]);

    const cases: Array<[string, () => Buffer, string]> = [
      ['a zip bomb renamed .pdf', ZIP_BOMB, 'scan.pdf'],
      ['a zip bomb behind a %PDF- header (polyglot)', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), ZIP_BOMB()]), 'scan.pdf'],
      ['a PDF/HTML polyglot with script', () => Buffer.from('%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF'), 'x.pdf'],
      ['a JPEG/ZIP polyglot', () => Buffer.concat([JPEG_FLOOD(), ZIP_BOMB()]), 'photo.jpg'],
      ['a truncated PDF', () => Buffer.from('%PDF-'), 'short.pdf'],
      ['a truncated PNG signature', () => Buffer.from([0x89, 0x50, 0x4e]), 'short.png'],
      ['an empty file', () => Buffer.alloc(0), 'empty.pdf'],
      ['a PNG pixel flood (100000 × 100000)', PIXEL_FLOOD, 'flood.png'],
      ['a JPEG declaring 65535 × 65535', JPEG_FLOOD, 'flood.jpg'],
      ['an ELF renamed .png', () => Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(100)]), 'x.png'],
      ['a traversal file name', () => Buffer.from('%PDF-1.4\n%%EOF'), '../../../../etc/passwd.pdf'],
      ['a NUL and CRLF in the name', () => Buffer.from('%PDF-1.4\n%%EOF'), 'a\u0000b\r\nContent-Type: text/html.pdf'],
    ];

    it('none crashes the server or answers 5xx; what is stored keeps a safe name', async () => {
      const staff = await staffToken(api);
      const service = await serviceAtHall(api, staff.hallId);
      const c = await verifiedCitizen(api);
      const problems: string[] = [];
      for (const [label, make, name] of cases) {
        const draft = await api.post('/api/applications', { serviceId: service.id }, { token: c.token });
        expect(draft.status).toBe(201);
        const a = await api.upload(c.token, draft.body.id, draft.body.materials[0].materialId, { name, type: 'application/pdf', bytes: make() });
        problems.push(...problemsOf(a, label));
        if (a.status === 201) {
          if (/[/\\\u0000\r\n]/.test(a.body.name)) problems.push(`${label}: stored as ${JSON.stringify(a.body.name)}`);
          const back = await fetch(`${t.url}/api/files/${a.body.id}`, { headers: { authorization: `Bearer ${c.token}` } });
          if (back.headers.get('x-content-type-options') !== 'nosniff' || !/^(application\/pdf|image\/(png|jpeg))$/.test(back.headers.get('content-type') ?? '')) {
            problems.push(`${label}: served as ${back.headers.get('content-type')}`);
          }
          await back.arrayBuffer();
        } else if (![400, 413, 415].includes(a.status)) problems.push(`${label}: ${a.status} ${a.text.slice(0, 100)}`);
      }
      // broken multipart envelopes
      const draft = await api.post('/api/applications', { serviceId: service.id }, { token: c.token });
      const url = `/api/applications/${draft.body.id}/materials/${draft.body.materials[0].materialId}/files`;
      for (const [ct, raw] of [
        ['multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4'],
        ['multipart/form-data', '--x\r\n\r\n'],
        ['multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data; name="other"\r\n\r\nhello\r\n--abc--\r\n'],
        ['multipart/form-data; boundary=abc', `--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--abc\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\n\r\n%PDF-1.4\r\n--abc--\r\n`],
      ]) {
        const a = await api.call('POST', url, { token: c.token, raw, headers: { 'content-type': ct } });
        problems.push(...problemsOf(a, `multipart ${ct} ${raw.slice(0, 30)}`));
      }
      expect(problems).toEqual([]);
      expect((await api.get('/api/health')).status).toBe(200);
    }, 120_000);
  });

  describe('sqlmap', () => {
    const available = () => spawnSync('sqlmap', ['--version'], { encoding: 'utf8' }).status === 0;

    it('finds nothing injectable in the routes with query parameters', async () => {
      if (!available()) {
        // scripts/test.js installs Debian's sqlmap with apt-get when it can; say so loudly when it could not
        process.stdout.write('[fuzz] sqlmap is not installed (apt-get unavailable?): the sqlmap check did not run\n');
        return;
      }
      const staff = await staffToken(api);
      const service = await serviceAtHall(api, staff.hallId);
      const targets = [
        `${t.url}/api/services?q=yyzz&category=x&page=1&pageSize=10`,
        `${t.url}/api/calendar?from=2026-12-01&to=2026-12-31`,
        `${t.url}/api/services/${service.id}/slots?hallId=${staff.hallId}&from=2026-12-07&to=2026-12-10`,
        `${t.url}/api/applications/lookup?number=ZW20261207-123456&phoneTail=1234`,
      ];
      const outputs = await Promise.all(
        targets.map(
          (u, i) =>
            new Promise<string>((resolve) => {
              // one output folder per run: parallel runs against the same host would flush each other's session
              const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `zwt-sqlmap-${i}-`));
              execFile(
                'sqlmap',
                ['-u', u, '--batch', '--level=1', '--risk=1', '--technique=BEUT', '--ignore-code=404', '--time-sec=2', '--timeout=5', '--retries=0', '--threads=2', '--disable-coloring', '--flush-session', `--output-dir=${outDir}`],
                { timeout: 100_000, maxBuffer: 10 * 1024 * 1024 },
                (err, stdout, stderr) => {
                  fs.rmSync(outDir, { recursive: true, force: true });
                  resolve(`${stdout}\n${stderr}${err && (err as { killed?: boolean }).killed ? '\n[killed after the time limit]' : ''}`);
                },
              );
            }),
        ),
      );
      for (const [i, out] of outputs.entries()) {
        expect({ target: targets[i], injectable: /is vulnerable|appears to be .*injectable|sqlmap identified the following injection/i.test(out) }).toEqual({ target: targets[i], injectable: false });
        expect(out).toMatch(/all tested parameters do not appear to be injectable|does not seem to be injectable|killed after the time limit/i);
      }
      expect((await api.get('/api/health')).status).toBe(200);
    }, 150_000);
  });
});
