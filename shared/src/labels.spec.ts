import { APPLICATION_STATUS_LABELS, deliveryTag, BOOKING_STATUS_LABELS, OFFHOURS_STATUS_LABELS, timelineTitle } from './labels';

describe('status labels', () => {
  it('reads one word per status', () => {
    expect(BOOKING_STATUS_LABELS.booked).toBe('待签到');
    expect(APPLICATION_STATUS_LABELS.delivered).toBe('已办结');
    expect(OFFHOURS_STATUS_LABELS.cancelled).toBe('已撤回');
  });

  it('titles a timeline step by the step, never the label twice nor 草稿 for a later step', () => {
    expect(timelineTitle({ action: 'approve', status: 'approved' })).toBe('准予许可');
    expect(timelineTitle({ action: 'commit', status: 'draft' })).toBe('签署信用承诺');
    expect(timelineTitle({ action: 'submit', status: 'submitted' })).toBe('提交预审');
    expect(timelineTitle({ status: 'accepted' })).toBe('已受理');
  });
});

describe('deliveryTag', () => {
  it('tells where a message also went and how it stands, and nothing for a skipped channel', () => {
    expect(deliveryTag({ channel: 'sms', state: 'sent' })).toBe('已发短信');
    expect(deliveryTag({ channel: 'sms', state: 'pending' })).toBe('短信发送中');
    expect(deliveryTag({ channel: 'sms', state: 'failed' })).toBe('短信未送达');
    expect(deliveryTag({ channel: 'wechat', state: 'sent' })).toBe('已发微信通知');
    expect(deliveryTag({ channel: 'alipay', state: 'pending' })).toBe('支付宝通知发送中');
    expect(deliveryTag({ channel: 'wechat', state: 'skipped' })).toBeNull();
  });
});
