import { SmsRefused } from '../auth/providers/sms.provider';
import { DomainError } from '../common/errors/domain-error';
import type { AppConfig } from '../config/app-config';
import type { OutboxDeliveryEntity } from './outbox-delivery.entity';
import { OutboxChannels } from './outbox.channels';

const user: { id: string; wechatOpenid: string | null; alipayUserId: string | null; phoneEnc: string | null } = { id: 'u1', wechatOpenid: 'o-1', alipayUserId: '2088001', phoneEnc: 'enc:13900000000' };

function channels(o: { wechat?: jest.Mock; sms?: jest.Mock; alipay?: jest.Mock; credits?: boolean; found?: Partial<typeof user> | null } = {}) {
  const notifications = { hasConsent: jest.fn(async () => o.credits ?? true), spendConsent: jest.fn(async () => undefined), voidConsent: jest.fn(async () => undefined) };
  const deps = {
    wechat: { send: o.wechat ?? jest.fn(async () => 'sent') },
    alipay: { sendMessage: o.alipay ?? jest.fn(async () => 'sent') },
    sms: { sendTemplate: o.sms ?? jest.fn(async () => undefined) },
  };
  const config = { wechat: { templates: { booking_reminder: 'tmpl-1' } }, alipay: { messageTemplate: 'ali-tmpl' } } as unknown as AppConfig;
  const c = new OutboxChannels(
    config,
    { findOne: jest.fn(async () => (o.found === null ? null : { ...user, ...o.found })) } as never,
    notifications as never,
    deps.wechat as never,
    deps.alipay as never,
    deps.sms as never,
    { decrypt: (s: string) => s.replace('enc:', '') } as never,
    { now: () => new Date('2026-12-07T00:00:00Z') } as never,
  );
  return { c, notifications, ...deps };
}

const delivery = (channel: OutboxDeliveryEntity['channel'], payload: object): OutboxDeliveryEntity =>
  ({ id: 'd1', messageId: 'm1', userId: 'u1', channel, event: 'booking_reminder', payload: JSON.stringify(payload) }) as OutboxDeliveryEntity;
const wechatRow = delivery('wechat', { key: 'booking_reminder', page: 'pages/x', data: { thing1: '明日预约提醒' } });

describe('OutboxChannels', () => {
  it('WeChat: spends the consent credit only once WeChat accepts', async () => {
    const { c, notifications, wechat } = channels();
    await expect(c.deliver(wechatRow)).resolves.toEqual({ result: 'sent' });
    expect(wechat.send).toHaveBeenCalledWith('o-1', 'tmpl-1', 'pages/x', { thing1: '明日预约提醒' });
    expect(notifications.spendConsent).toHaveBeenCalledWith('u1', 'booking_reminder');
  });

  it('WeChat down: a retry, and the credit kept', async () => {
    const { c, notifications } = channels({ wechat: jest.fn(async () => Promise.reject(new DomainError('UNAVAILABLE', '微信 500'))) });
    await expect(c.deliver(wechatRow)).resolves.toEqual({ result: 'retry', why: '微信 500' });
    expect(notifications.spendConsent).not.toHaveBeenCalled();
  });

  it('WeChat: no credit or no WeChat account → skipped without asking WeChat; a refusal voids the credits', async () => {
    const none = channels({ credits: false });
    await expect(none.c.deliver(wechatRow)).resolves.toMatchObject({ result: 'skipped', why: 'no consent' });
    expect(none.wechat.send).not.toHaveBeenCalled();
    await expect(channels({ found: { wechatOpenid: null } }).c.deliver(wechatRow)).resolves.toMatchObject({ result: 'skipped' });
    const refused = channels({ wechat: jest.fn(async () => 'refused') });
    await expect(refused.c.deliver(wechatRow)).resolves.toMatchObject({ result: 'skipped' });
    expect(refused.notifications.voidConsent).toHaveBeenCalledWith('u1', 'booking_reminder');
    expect(refused.notifications.spendConsent).not.toHaveBeenCalled();
  });

  it('SMS: to the decrypted phone, variables cut to 20 characters; a refusal fails for good, a passing fault retries', async () => {
    const ok = channels();
    const row = delivery('sms', { template: 'booking_reminder', params: { title: '一二三四五六七八九十一二三四五六七八九十多' } });
    await expect(ok.c.deliver(row)).resolves.toEqual({ result: 'sent' });
    expect(ok.sms.sendTemplate).toHaveBeenCalledWith('13900000000', 'booking_reminder', { title: '一二三四五六七八九十一二三四五六七八九十' });
    await expect(channels({ sms: jest.fn(async () => Promise.reject(new SmsRefused('isv.MOBILE_NUMBER_ILLEGAL'))) }).c.deliver(row)).resolves.toMatchObject({ result: 'failed' });
    await expect(channels({ sms: jest.fn(async () => Promise.reject(new DomainError('UNAVAILABLE'))) }).c.deliver(row)).resolves.toMatchObject({ result: 'retry' });
    await expect(channels({ found: { phoneEnc: null } }).c.deliver(row)).resolves.toMatchObject({ result: 'skipped', why: 'no phone number' });
  });

  it('Alipay: sent to the Alipay user; refused → failed; no Alipay account → skipped', async () => {
    const row = delivery('alipay', { page: 'pages/x', data: { keyword1: '预约成功' } });
    const ok = channels();
    await expect(ok.c.deliver(row)).resolves.toEqual({ result: 'sent' });
    expect(ok.alipay.sendMessage).toHaveBeenCalledWith('2088001', 'pages/x', { keyword1: '预约成功' }, expect.any(Date));
    await expect(channels({ alipay: jest.fn(async () => 'refused') }).c.deliver(row)).resolves.toMatchObject({ result: 'failed' });
    await expect(channels({ found: { alipayUserId: null } }).c.deliver(row)).resolves.toMatchObject({ result: 'skipped' });
  });
});
