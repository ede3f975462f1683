import { hallPosterText } from '@gov/shared';
import { eventJson, parseSse } from '@/utils/sse';
import { aheadLine, readPoster, waitText, windowLabel } from '@/utils/queue-text';

describe('reading server-sent events (the ticket page and the call screen on H5)', () => {
  it('gives whole events and keeps an unfinished one for the next chunk', () => {
    const first = parseSse('data: {"ahead":3}\n\ndata: {"ahe');
    expect(first.events).toEqual([{ event: 'message', data: '{"ahead":3}' }]);
    const second = parseSse(`${first.rest}ad":2}\n\n`);
    expect(second.events.map((e) => eventJson<{ ahead: number }>(e))).toEqual([{ ahead: 2 }]);
    expect(second.rest).toBe('');
  });

  it('reads named events, CRLF line ends and several data lines; drops comments and empty events', () => {
    const { events, rest } = parseSse(': keep-alive\r\n\r\nevent: ticket\r\ndata: a\r\ndata: b\r\n\r\nevent: ping\n\n');
    expect(events).toEqual([{ event: 'ticket', data: 'a\nb' }]);
    expect(rest).toBe('');
  });

  it('a heartbeat that is not JSON yields no state', () => {
    expect(eventJson({ event: 'message', data: 'ping' })).toBeNull();
  });
});

describe('what the ticket page says', () => {
  it('counts the people ahead with the estimate', () => {
    expect(aheadLine(3, 12.4)).toBe('前面还有 3 人，预计等待 12 分钟');
    expect(aheadLine(1, 0.3)).toBe('前面还有 1 人，预计很快轮到您');
    expect(aheadLine(2, null)).toBe('前面还有 2 人');
    expect(aheadLine(0, 5)).toBe('下一位就是您，请留意叫号');
  });

  it('has no estimate before the hall has service times', () => {
    expect(waitText(undefined)).toBeNull();
    expect(waitText(Number.NaN)).toBeNull();
  });

  it('names the window the way the hall wrote it', () => {
    expect(windowLabel('3')).toBe('3号窗口');
    expect(windowLabel('3号')).toBe('3号窗口');
    expect(windowLabel('3号窗口')).toBe('3号窗口');
    expect(windowLabel('综合')).toBe('综合窗口');
  });
});

describe('reading the hall poster', () => {
  it('takes the code (and hall) from the poster link or the bare code', () => {
    expect(readPoster(hallPosterText('h1', 'K7Q2M9'))).toEqual({ hallCode: 'K7Q2M9', hallId: 'h1' });
    expect(readPoster(' k7q2m9 ')).toEqual({ hallCode: 'K7Q2M9', hallId: null });
  });

  it('refuses another code', () => {
    expect(readPoster('https://weixin.qq.com/r/abc?x=1')).toBeNull();
    expect(readPoster('微信支付 收款码')).toBeNull();
    expect(readPoster('')).toBeNull();
  });
});

