import { APPLICATION_STATUS_LABELS, BOOKING_STATUS_LABELS, OFFHOURS_STATUS_LABELS, timelineTitle } from './labels';

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
