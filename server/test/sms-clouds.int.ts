import { PRIVACY_TERMS_VERSION } from '@gov/shared';
import { createSmsProvider, SmsRefused } from '../src/auth/providers/sms.provider';
import { SMS_TEMPLATE_KEYS, SmsTemplateKey } from '../src/config/sms-templates';
import { expectErrorShape, must, uniquePhone } from '../../test/support/http';
import { useTestApp } from '../../test/support/fixture';
import { createService, setClock, validIdNumber } from '../../test/support/world';
import { fakeAliyunSms, FakeSms, fakeTencentSms, SentSms } from './fakes/fake-sms';
import { deliveries, outboxSettled } from './helpers/outbox';

interface Cloud {
  name: 'aliyun' | 'tencent';
  start(): Promise<FakeSms>;
  env: Record<string, string>;
  templateId(i: number): string;
  /** a template variable of an accepted SMS, by name (Tencent takes them as a list in SMS_TEMPLATE_PARAMS order) */
  param(s: SentSms, name: 'code' | 'title'): string;
}

const CLOUDS: Cloud[] = [
  {
    name: 'aliyun',
    start: () => fakeAliyunSms('LTAI-test-key', 'aliyun-test-secret'),
    env: { SMS_PROVIDER: 'aliyun', SMS_ACCESS_KEY_ID: 'LTAI-test-key', SMS_ACCESS_KEY_SECRET: 'aliyun-test-secret', SMS_SIGN_NAME: '清河政务' },
    templateId: (i) => `SMS_${465000100 + i}`,
    param: (s, name) => (s.params as Record<string, string>)[name],
  },
  {
    name: 'tencent',
    start: () => fakeTencentSms('AKID-test', 'tencent-test-secret', '1400000001'),
    env: { SMS_PROVIDER: 'tencent', SMS_ACCESS_KEY_ID: 'AKID-test', SMS_ACCESS_KEY_SECRET: 'tencent-test-secret', SMS_SIGN_NAME: '清河政务', SMS_SDK_APP_ID: '1400000001' },
    templateId: (i) => String(2100000 + i),
    param: (s) => (s.params as string[])[0],
  },
];

/**
 * SMS through the clouds' official SDKs (issue 19), each against a local fake that checks the
 * request signature the real service requires: sign-in codes, and the messages a person must not
 * miss, delivered by the outbox; a cloud that fails never fails the request that caused the message.
 */
describe.each(CLOUDS)('SMS through $name', (cloud) => {
  let fake: FakeSms;
  const env: Record<string, string> = {};
  const templates = Object.fromEntries(SMS_TEMPLATE_KEYS.map((k, i) => [k, cloud.templateId(i)])) as Record<SmsTemplateKey, string>;
  beforeAll(async () => {
    fake = await cloud.start();
    Object.assign(env, cloud.env, { SMS_ENDPOINT: fake.url, OUTBOX_RETRY_BASE_MS: '50', OUTBOX_POLL_MS: '100' });
    for (const k of SMS_TEMPLATE_KEYS) env[`SMS_TEMPLATE_${k.toUpperCase()}`] = templates[k];
  });
  afterAll(async () => {
    await fake?.close();
  });
  const f = useTestApp({ now: '2026-12-07T02:00:00.000Z', env });
  const api = f.api;
  const db = () => f.t.config.database.url!;
  const to = (phone: string, template: SmsTemplateKey) => fake.sent.filter((s) => s.phone === phone && s.templateId === templates[template]);

  /** Sign in with the code the cloud delivered, agree to the terms and verify the real name. */
  async function citizen(): Promise<{ phone: string; token: string }> {
    const phone = uniquePhone();
    must(await api.post('/api/auth/sms/send', { phone }), 204, 'sms send');
    const code = cloud.param(to(phone, 'login').at(-1)!, 'code');
    const token = must(await api.post('/api/auth/sms/login', { phone, code }), 200, 'sms login').accessToken as string;
    must(await api.post('/api/me/consent', { version: PRIVACY_TERMS_VERSION }, { token }), 200, 'consent');
    must(await api.post('/api/me/verify', { realName: '钱七', idNumber: validIdNumber() }, { token }), 200, 'verify');
    return { phone, token };
  }

  it('sends the sign-in code through the cloud, signed as it requires; only that code signs in', async () => {
    const phone = uniquePhone();
    expect((await api.post('/api/auth/sms/send', { phone })).status).toBe(204);
    const [sms] = to(phone, 'login');
    expect(sms).toMatchObject({ phone, signName: '清河政务' });
    const code = cloud.param(sms, 'code');
    expect(code).toMatch(/^\d{6}$/);
    expectErrorShape(await api.post('/api/auth/sms/login', { phone, code: code === '123456' ? '654321' : '123456' }), 401, 'INVALID_CODE');
    expect((await api.post('/api/auth/sms/login', { phone, code })).status).toBe(200);
    expect(fake.badSignatures).toBe(0);
    // the fake does check: the same request signed with another secret is refused
    const forged = createSmsProvider({ ...f.t.config, sms: { ...f.t.config.sms, accessKeySecret: 'not-the-secret' } } as typeof f.t.config);
    await expect(forged.sendTemplate(phone, 'login', { code: '111111' })).rejects.toBeInstanceOf(SmsRefused);
    expect(fake.badSignatures).toBe(1);
    fake.badSignatures = 0;
  });

  it('a booking made, its reminder and its cancellation by the centre each reach the phone once, even when the cloud fails at first', async () => {
    const c = await citizen();
    fake.faults.failures = 2; // the cloud answers 500 twice: the booking is made all the same
    const slotId = await f.slot('2026-12-08T01:00:00.000Z');
    const started = Date.now();
    const b = must(await api.post('/api/bookings', { slotId, serviceId: f.world.service.id }, { token: c.token }), 201, 'booking');
    expect(Date.now() - started).toBeLessThan(2000);
    await outboxSettled(db());
    expect(to(c.phone, 'booking_created').map((s) => cloud.param(s, 'title'))).toEqual(['预约成功']);
    const made = (await deliveries(db(), 'sms')).filter((d) => d.event === 'booking_created');
    expect(made).toEqual([expect.objectContaining({ status: 'sent', attempts: 3 })]); // two 500s, then accepted

    must(await api.post('/api/admin/jobs/reminders/run', undefined, { token: f.world.admin }), 200, 'reminders');
    await outboxSettled(db());
    expect(to(c.phone, 'booking_reminder').map((s) => cloud.param(s, 'title'))).toEqual(['明日预约提醒']);

    must(await api.post(`/api/staff/bookings/${b.id}/cancel`, { reason: '系统升级，暂停办理' }, { token: f.world.staff.token }), 200, 'cancel');
    await outboxSettled(db());
    expect(to(c.phone, 'booking_cancelled')).toHaveLength(1);
    // the applicant's own cancellation needs no SMS; nothing went twice
    expect(fake.sent.filter((s) => s.phone === c.phone).map((s) => s.templateId).sort()).toEqual(
      [templates.login, templates.booking_created, templates.booking_reminder, templates.booking_cancelled].sort(),
    );
    expect(fake.badSignatures).toBe(0);
  });

  it('a filing’s correction notice, acceptance, decision and result ready at the window each reach the phone once', async () => {
    await setClock(api, '2026-12-07T02:00:00.000Z');
    const c = await citizen();
    const svc = await createService(api, f.world.admin, { hallIds: [f.world.hallId], audience: 'person', materials: [{ name: '申请书', required: true, tolerable: false }] });
    const materialId = svc.materials[0].id;
    const pdf = () => Buffer.from(`%PDF-1.4\n% ${Math.random()}\n%%EOF\n`);
    const id = must(await api.post('/api/applications', { serviceId: svc.id }, { token: c.token }), 201, 'draft').id as string;
    expect((await api.upload(c.token, id, materialId, { name: 'a.pdf', type: 'application/pdf', bytes: pdf() })).status).toBe(201);
    must(await api.post(`/api/applications/${id}/submit`, undefined, { token: c.token }), 200, 'submit');
    const staff = f.world.staff.token;
    must(await api.post(`/api/staff/applications/${id}/prereview`, { decisions: [{ materialId, ok: false, reason: '缺少签名' }] }, { token: staff }), 200, 'correction');
    expect((await api.upload(c.token, id, materialId, { name: 'b.pdf', type: 'application/pdf', bytes: pdf() })).status).toBe(201);
    must(await api.post(`/api/applications/${id}/submit`, undefined, { token: c.token }), 200, 'resubmit');
    must(await api.post(`/api/staff/applications/${id}/prereview`, { decisions: [{ materialId, ok: true, reason: null }] }, { token: staff }), 200, 'prereview');
    must(await api.post(`/api/staff/applications/${id}/accept`, undefined, { token: staff }), 200, 'accept');
    // 受审分离: the department's reviewer decides what the window accepted
    const reviewer = f.world.reviewer.token;
    must(await api.post(`/api/staff/applications/${id}/advance`, { to: 'under_review' }, { token: reviewer }), 200, 'review');
    must(await api.post(`/api/staff/applications/${id}/advance`, { to: 'approved', note: '符合法定条件，准予许可' }, { token: reviewer }), 200, 'approve');
    must(await api.post(`/api/staff/applications/${id}/deliver`, { method: 'window' }, { token: staff }), 200, 'deliver');
    await outboxSettled(db());
    const got = fake.sent.filter((s) => s.phone === c.phone && s.templateId !== templates.login);
    expect(got.map((s) => s.templateId)).toEqual([templates.correction, templates.accepted, templates.decision, templates.ready]);
    expect(got.map((s) => cloud.param(s, 'title'))).toEqual(['补正材料告知书（一次性告知）', '办件已受理', '准予许可', '办理结果可以领取了']); // delivery at the window: first 待领取, told by SMS
  });
});
