import { client, Client, expectErrorShape } from './helpers/http';
import { startTestApp, TestApp } from './helpers/test-app';
import { NotificationsService } from '../src/notifications/notifications.service';
import { fakeSignInProviders, SignInFakes } from './fakes/fake-servers';
import { outboxSettled } from './helpers/outbox';

/** The real WeChat and Alipay clients, against fake servers on localhost. */
describe('WeChat and Alipay sign-in', () => {
  let t: TestApp;
  let api: Client;
  let fakes: SignInFakes;

  beforeAll(async () => {
    fakes = await fakeSignInProviders('test');
    t = await startTestApp({ ...fakes.env, ALIPAY_MESSAGE_TEMPLATE: 'ali-msg-tmpl' });
    api = client(t.url);
  });
  afterAll(async () => {
    await t?.close();
    await fakes?.close();
  });

  it('WeChat: a wx.login code signs in; the same openid is the same user', async () => {
    const a = await api.post('/api/auth/wechat/login', { code: 'good-abc' });
    expect(a.status).toBe(200);
    expect(a.body.accessToken).toBeTruthy();
    const b = await api.post('/api/auth/wechat/login', { code: 'good-abc' });
    expect(b.body.user.id).toBe(a.body.user.id);
    const other = await api.post('/api/auth/wechat/login', { code: 'good-xyz' });
    expect(other.body.user.id).not.toBe(a.body.user.id);
    expect(fakes.wx.requests.at(-1)?.url).toContain('js_code=good-xyz');
  });

  it('WeChat: a bad code → 401 INVALID_CODE; WeChat busy → 503 UNAVAILABLE', async () => {
    expectErrorShape(await api.post('/api/auth/wechat/login', { code: 'stale' }), 401, 'INVALID_CODE');
    expectErrorShape(await api.post('/api/auth/wechat/login', { code: 'busy' }), 503, 'UNAVAILABLE');
  });

  it('Alipay: a signed oauth.token call signs in by user id', async () => {
    const a = await api.post('/api/auth/alipay/login', { authCode: 'good-42' });
    expect(a.status).toBe(200);
    const again = await api.post('/api/auth/alipay/login', { authCode: 'good-42' });
    expect(again.body.user.id).toBe(a.body.user.id);
    const sent = fakes.ali.requests.at(-1)!; // the SDK puts the common parameters in the URL, the rest in the form
    const form = new URLSearchParams([...new URL(sent.url, 'http://x').searchParams, ...new URLSearchParams(sent.body)]);
    expect(form.get('method')).toBe('alipay.system.oauth.token');
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('timestamp')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('Alipay: a bad code → 401 INVALID_CODE; a forged answer → 503 UNAVAILABLE', async () => {
    expectErrorShape(await api.post('/api/auth/alipay/login', { authCode: 'expired' }), 401, 'INVALID_CODE');
    expectErrorShape(await api.post('/api/auth/alipay/login', { authCode: 'tamper' }), 503, 'UNAVAILABLE');
  });

  it('Alipay: a message also goes to the Alipay user, signed through the SDK; one for a WeChat user is skipped', async () => {
    const a = await api.post('/api/auth/alipay/login', { authCode: 'good-77' });
    const w = await api.post('/api/auth/wechat/login', { code: 'good-noali' });
    const notifications = t.app.get(NotificationsService);
    for (const userId of [a.body.user.id, w.body.user.id]) {
      await notifications.send({ userId, type: 'enterprise_verified', title: '企业认证已通过', body: '您提交的企业认证已通过。', link: '/pages/index/index' });
    }
    const rows = (await outboxSettled(t.config.database.url!)).filter((d) => d.channel === 'alipay');
    expect(rows.map((d) => [d.user_id, d.status])).toEqual([
      [a.body.user.id, 'sent'],
      [w.body.user.id, 'skipped'],
    ]);
    const sent = fakes.ali.requests.filter((r) => r.url.includes('templatemessage'));
    expect(sent).toHaveLength(1);
    const biz = JSON.parse(new URLSearchParams(sent[0].body).get('biz_content')!);
    expect(biz).toMatchObject({ to_user_id: '208877', user_template_id: 'ali-msg-tmpl', page: 'pages/index/index' });
    expect(JSON.parse(biz.data)).toEqual({ keyword1: { value: '企业认证已通过' }, keyword2: { value: '您提交的企业认证已通过。' } });
  });

  it('a dependency that cannot be reached → 503 UNAVAILABLE, not a hang', async () => {
    await fakes.wx.close();
    const started = Date.now();
    expectErrorShape(await api.post('/api/auth/wechat/login', { code: 'good-down' }), 503, 'UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(6000);
  });
});
