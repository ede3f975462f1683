import { client, Client, expectErrorShape, uniquePhone } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { FakeServer, startFake } from './fakes/fake-servers';

/** The real HTTP SMS provider, against a fake gateway: random codes, sent to the gateway, never accepted as 123456. */
describe('SMS over HTTP', () => {
  let t: TestApp;
  let api: Client;
  let gateway: FakeServer;
  let down = false;

  beforeAll(async () => {
    gateway = await startFake((req, _body, res) => {
      if (down || req.headers.authorization !== 'Bearer sms-token') {
        res.writeHead(down ? 503 : 401);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    t = await startTestApp({ SMS_PROVIDER: 'http', SMS_HTTP_URL: `${gateway.url}/send`, SMS_HTTP_TOKEN: 'sms-token' });
    api = client(t.url);
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  it('sends a random six-digit code through the gateway, and only that code signs in', async () => {
    const phone = uniquePhone();
    expect((await api.post('/api/auth/sms/send', { phone })).status).toBe(204);
    const sent = JSON.parse(gateway.requests.at(-1)!.body) as { phone: string; template: string; params: { code: string } };
    expect(sent).toMatchObject({ phone, template: 'login' });
    expect(sent.params.code).toMatch(/^\d{6}$/);
    const wrong = sent.params.code === '123456' ? '654321' : '123456';
    expectErrorShape(await api.post('/api/auth/sms/login', { phone, code: wrong }), 401, 'INVALID_CODE');
    const ok = await api.post('/api/auth/sms/login', { phone, code: sent.params.code });
    expect(ok.status).toBe(200);
  });

  it('a gateway that is down → 503 UNAVAILABLE', async () => {
    down = true;
    try {
      expectErrorShape(await api.post('/api/auth/sms/send', { phone: uniquePhone() }), 503, 'UNAVAILABLE');
    } finally {
      down = false;
    }
  });
});
