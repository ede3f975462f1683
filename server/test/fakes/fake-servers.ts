import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

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

/**
 * WeChat's auth.code2Session: `good-*` codes map to openid `o-<code>`; anything else is errcode 40029.
 * Subscribe messages are accepted, but the next `faults.sends` of them are answered with HTTP 500.
 */
export function fakeWechat(appId: string, secret: string, faults: { sends: number } = { sends: 0 }): Promise<FakeServer> {
  return startFake((req, _body, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/cgi-bin/stable_token') return json(res, 200, { access_token: 'fake-access-token', expires_in: 7200 });
    if (u.pathname === '/cgi-bin/message/subscribe/send') {
      if (faults.sends > 0) {
        faults.sends--;
        return json(res, 500, 'Internal Server Error');
      }
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

/** Alipay's open-API request signing (RSA2) as the gateway checks it: sorted `k=v` pairs joined by `&`, SHA256withRSA, base64. */
export function alipaySignContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/**
 * Alipay's gateway: checks the app's RSA2 signature over the URL's and the form's parameters, answers
 * signed with the gateway key. alipay.system.oauth.token: `good-*` auth codes give user
 * `2088<code>`; `tamper` gives a bad signature. alipay.open.app.mini.templatemessage.send: accepted
 * (code 10000) for any user but `2088refused`.
 */
export function fakeAlipay(keys: AlipayKeys, appId: string): Promise<FakeServer> {
  return startFake((req, body, res) => {
    const params = { ...Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams), ...Object.fromEntries(new URLSearchParams(body)) };
    const signedOk =
      params.app_id === appId &&
      params.sign_type === 'RSA2' &&
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(params.timestamp ?? '') &&
      createVerify('RSA-SHA256').update(alipaySignContent(params), 'utf8').verify(keys.appPublicKey, params.sign ?? '', 'base64');
    const respond = (key: string, obj: object, badSign = false) => {
      const inner = JSON.stringify(obj);
      const sign = createSign('RSA-SHA256').update(badSign ? `${inner} ` : inner, 'utf8').sign(keys.alipayPrivateKey, 'base64');
      json(res, 200, `{"${key}":${inner},"sign":"${sign}"}`);
    };
    if (!signedOk) return respond('error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' });
    if (params.method === 'alipay.open.app.mini.templatemessage.send') {
      const biz = JSON.parse(params.biz_content ?? '{}') as { to_user_id?: string };
      const key = 'alipay_open_app_mini_templatemessage_send_response';
      if (biz.to_user_id === '2088refused') return respond(key, { code: '40004', msg: 'Business Failed', sub_code: 'USER_TEMPLATE_ILLEGAL' });
      return respond(key, { code: '10000', msg: 'Success' });
    }
    if (params.method !== 'alipay.system.oauth.token') return respond('error_response', { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-method' });
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
