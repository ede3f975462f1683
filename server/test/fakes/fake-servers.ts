import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { alipaySignContent } from '../../src/auth/providers/alipay.client';

export interface FakeServer {
  url: string;
  requests: Array<{ method: string; url: string; body: string }>;
  close(): Promise<void>;
}

/** A tiny HTTP server on a free localhost port, standing in for an outside service. */
export async function startFake(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

/** WeChat's auth.code2Session: `good-*` codes map to openid `o-<code>`; anything else is errcode 40029. */
export function fakeWechat(appId: string, secret: string): Promise<FakeServer> {
  return startFake((req, _body, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/cgi-bin/stable_token') return json(res, 200, { access_token: 'fake-access-token', expires_in: 7200 });
    if (u.pathname === '/cgi-bin/message/subscribe/send') {
      if (u.searchParams.get('access_token') !== 'fake-access-token') return json(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
      return json(res, 200, { errcode: 0, errmsg: 'ok' });
    }
    if (u.pathname !== '/sns/jscode2session') return json(res, 404, { errcode: 404, errmsg: 'not found' });
    if (u.searchParams.get('appid') !== appId || u.searchParams.get('secret') !== secret || u.searchParams.get('grant_type') !== 'authorization_code') {
      return json(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
    }
    const code = u.searchParams.get('js_code') ?? '';
    if (code === 'busy') return json(res, 200, { errcode: -1, errmsg: 'system busy' });
    if (!code.startsWith('good-')) return json(res, 200, { errcode: 40029, errmsg: 'invalid code' });
    return json(res, 200, { openid: `o-${code}`, session_key: 'sk' });
  });
}

export interface AlipayKeys {
  appPrivateKey: string;
  appPublicKey: string;
  alipayPrivateKey: string;
  alipayPublicKey: string;
}

export function makeAlipayKeys(): AlipayKeys {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ali = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = (k: { export(o: object): string | Buffer }, type: string) => k.export({ type, format: 'pem' }).toString();
  return {
    appPrivateKey: pem(app.privateKey, 'pkcs8'),
    appPublicKey: pem(app.publicKey, 'spki'),
    alipayPrivateKey: pem(ali.privateKey, 'pkcs8'),
    alipayPublicKey: pem(ali.publicKey, 'spki'),
  };
}

/**
 * Alipay's gateway for alipay.system.oauth.token: checks the app's RSA2 signature, answers signed
 * with the gateway key. `good-*` auth codes give user `2088<code>`; `tamper` gives a bad signature.
 */
export function fakeAlipay(keys: AlipayKeys, appId: string): Promise<FakeServer> {
  return startFake((_req, body, res) => {
    const params = Object.fromEntries(new URLSearchParams(body));
    const signedOk =
      params.method === 'alipay.system.oauth.token' &&
      params.app_id === appId &&
      params.sign_type === 'RSA2' &&
      createVerify('RSA-SHA256').update(alipaySignContent(params), 'utf8').verify(keys.appPublicKey, params.sign ?? '', 'base64');
    const respond = (key: string, obj: object, badSign = false) => {
      const inner = JSON.stringify(obj);
      const sign = createSign('RSA-SHA256').update(badSign ? `${inner} ` : inner, 'utf8').sign(keys.alipayPrivateKey, 'base64');
      json(res, 200, `{"${key}":${inner},"sign":"${sign}"}`);
    };
    if (!signedOk) return respond('error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' });
    const code = params.code ?? '';
    if (code === 'tamper') return respond('alipay_system_oauth_token_response', { user_id: '2088000000000001', access_token: 'x' }, true);
    if (!code.startsWith('good-')) return respond('error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.code-invalid' });
    respond('alipay_system_oauth_token_response', { user_id: `2088${code.slice(5)}`, access_token: 'at', expires_in: 3600 });
  });
}

/** Fake WeChat and Alipay sign-in servers, and the app settings that send its clients to them. */
export interface SignInFakes {
  wx: FakeServer;
  ali: FakeServer;
  /** WECHAT_* and ALIPAY_* settings for startTestApp */
  env: Record<string, string>;
  /** Stop both servers. */
  close(): Promise<void>;
}

/** Start fake WeChat and Alipay servers for the app `wx-<tag>-app` / `ali-<tag>-app` (fresh Alipay keys). */
export async function fakeSignInProviders(tag: string): Promise<SignInFakes> {
  const keys = makeAlipayKeys();
  const wx = await fakeWechat(`wx-${tag}-app`, `wx-${tag}-secret`);
  const ali = await fakeAlipay(keys, `ali-${tag}-app`);
  const env = {
    WECHAT_APPID: `wx-${tag}-app`,
    WECHAT_SECRET: `wx-${tag}-secret`,
    WECHAT_API_BASE: wx.url,
    ALIPAY_APPID: `ali-${tag}-app`,
    ALIPAY_PRIVATE_KEY: keys.appPrivateKey,
    ALIPAY_PUBLIC_KEY: keys.alipayPublicKey,
    ALIPAY_GATEWAY: `${ali.url}/gateway.do`,
  };
  return { wx, ali, env, close: async () => void (await Promise.all([wx.close(), ali.close()])) };
}
