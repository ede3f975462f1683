import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeServer, startFake } from './fake-servers';

/** One SMS a fake cloud accepted, in one shape whichever cloud: the number, the template id and its variables. */
export interface SentSms {
  phone: string;
  templateId: string;
  signName: string;
  params: Record<string, string> | string[];
}

/** A fake SMS cloud: what it accepted, how many requests it refused for a bad signature, and faults to inject. */
export interface FakeSms extends FakeServer {
  sent: SentSms[];
  badSignatures: number;
  /** answer the next `failures` sends with HTTP 500 */
  faults: { failures: number };
}

const sha256hex = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** RFC 3986 percent-encoding as Alibaba Cloud's canonical query string wants it. */
const acsEncode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Alibaba Cloud SMS (dysmsapi SendSms, 2017-05-25) for one AccessKey: checks the ACS3-HMAC-SHA256
 * signature as the service documents it (canonical request over method, path, sorted query, the
 * signed x-acs-*, host and content-type headers, and the payload hash), then accepts the message.
 */
export async function fakeAliyunSms(accessKeyId: string, accessKeySecret: string): Promise<FakeSms> {
  let fake!: FakeSms; // filled once listening; the handler reads it per request
  const check = (req: IncomingMessage, body: string): Record<string, string> | null => {
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(String(req.headers.authorization ?? ''));
    if (!auth || auth[1] !== accessKeyId) return null;
    const signed = auth[2].split(';');
    for (const h of ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version']) if (!signed.includes(h)) return null;
    if (req.headers['x-acs-content-sha256'] !== sha256hex(body)) return null;
    const u = new URL(req.url ?? '/', 'http://x');
    const query = [...u.searchParams.keys()].sort().map((k) => `${k}=${acsEncode(u.searchParams.get(k) ?? '')}`).join('&');
    const headers = signed.map((h) => `${h}:${String(req.headers[h] ?? '').trim()}\n`).join('');
    const canonical = [req.method, u.pathname, query, headers, signed.join(';'), sha256hex(body)].join('\n');
    const expected = createHmac('sha256', accessKeySecret).update(`ACS3-HMAC-SHA256\n${sha256hex(canonical)}`).digest('hex');
    if (expected !== auth[3]) return null;
    if (req.headers['x-acs-action'] !== 'SendSms' || req.headers['x-acs-version'] !== '2017-05-25') return null;
    return Object.fromEntries(u.searchParams);
  };
  const server = await startFake((req, body, res) => {
    if (fake.faults.failures > 0) {
      fake.faults.failures--;
      return json(res, 500, { Code: 'ServiceUnavailable', Message: 'The request has failed due to a temporary failure of the server.' });
    }
    const q = check(req, body);
    if (!q) {
      fake.badSignatures++;
      return json(res, 400, { Code: 'IncompleteSignature', Message: 'The request signature does not conform to Aliyun standards.' });
    }
    if (!/^1\d{10}$/.test(q.PhoneNumbers ?? '')) return json(res, 200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: 'invalid number' });
    fake.sent.push({ phone: q.PhoneNumbers, templateId: q.TemplateCode, signName: q.SignName, params: JSON.parse(q.TemplateParam ?? '{}') as Record<string, string> });
    json(res, 200, { RequestId: 'fake-request', Code: 'OK', Message: 'OK', BizId: `biz-${fake.sent.length}` });
  });
  fake = Object.assign(server, { sent: [] as SentSms[], badSignatures: 0, faults: { failures: 0 } });
  return fake;
}

/**
 * Tencent Cloud SMS (SendSms, 2021-01-11) for one SecretId: checks the TC3-HMAC-SHA256 signature as
 * the service documents it (canonical request over method, path, the content-type and host
 * headers and the payload hash; key derived from date, service and tc3_request), and the body's
 * shape, then accepts the message.
 */
export async function fakeTencentSms(secretId: string, secretKey: string, sdkAppId: string): Promise<FakeSms> {
  let fake!: FakeSms; // filled once listening; the handler reads it per request
  const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();
  const check = (req: IncomingMessage, body: string): boolean => {
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(String(req.headers.authorization ?? ''));
    if (!auth || auth[1] !== secretId) return false;
    const [, , date, service, signedList, signature] = auth;
    const timestamp = Number(req.headers['x-tc-timestamp']);
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return false;
    const signed = signedList.split(';');
    if (!signed.includes('host') || !signed.includes('content-type')) return false;
    const values: Record<string, string> = { host: String(req.headers.host ?? '').replace(/:\d+$/, ''), 'content-type': String(req.headers['content-type'] ?? '') };
    const canonical = [req.method, new URL(req.url ?? '/', 'http://x').pathname, '', signed.map((h) => `${h}:${values[h] ?? req.headers[h]}\n`).join(''), signed.join(';'), sha256hex(body)].join('\n');
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256hex(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
    return createHmac('sha256', key).update(toSign).digest('hex') === signature && req.headers['x-tc-action'] === 'SendSms' && req.headers['x-tc-version'] === '2021-01-11';
  };
  const server = await startFake((req, body, res) => {
    if (fake.faults.failures > 0) {
      fake.faults.failures--;
      return json(res, 500, { message: 'temporary failure' });
    }
    if (!check(req, body)) {
      fake.badSignatures++;
      return json(res, 200, { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'fake' } });
    }
    const b = JSON.parse(body) as { PhoneNumberSet?: string[]; SmsSdkAppId?: string; SignName?: string; TemplateId?: string; TemplateParamSet?: string[] };
    if (b.SmsSdkAppId !== sdkAppId || !b.TemplateId || !Array.isArray(b.PhoneNumberSet) || b.PhoneNumberSet.length !== 1) {
      return json(res, 200, { Response: { Error: { Code: 'InvalidParameterValue', Message: 'bad request shape' }, RequestId: 'fake' } });
    }
    const phone = b.PhoneNumberSet[0];
    if (!/^\+861\d{10}$/.test(phone)) {
      return json(res, 200, { Response: { SendStatusSet: [{ PhoneNumber: phone, Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'bad number' }], RequestId: 'fake' } });
    }
    fake.sent.push({ phone: phone.slice(3), templateId: b.TemplateId, signName: b.SignName ?? '', params: b.TemplateParamSet ?? [] });
    json(res, 200, { Response: { SendStatusSet: [{ SerialNo: `s-${fake.sent.length}`, PhoneNumber: phone, Fee: 1, Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'fake' } });
  });
  fake = Object.assign(server, { sent: [] as SentSms[], badSignatures: 0, faults: { failures: 0 } });
  return fake;
}
