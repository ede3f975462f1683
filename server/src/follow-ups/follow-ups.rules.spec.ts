import { randomUUID } from 'node:crypto';
import { drawnForFollowUp } from './follow-ups.rules';

describe('drawnForFollowUp', () => {
  it('always answers the same for the same filing and month', () => {
    const id = randomUUID();
    expect(drawnForFollowUp(id, '2026-12', 20)).toBe(drawnForFollowUp(id, '2026-12', 20));
  });
  it('draws about the configured share', () => {
    const ids = Array.from({ length: 20_000 }, () => randomUUID());
    const share = (p: number) => ids.filter((id) => drawnForFollowUp(id, '2026-12', p)).length / ids.length;
    expect(share(20)).toBeGreaterThan(0.18);
    expect(share(20)).toBeLessThan(0.22);
    expect(share(2)).toBeGreaterThan(0.013);
    expect(share(2)).toBeLessThan(0.027);
  });
  it('0 draws none and 100 draws all', () => {
    expect(drawnForFollowUp('x', '2026-12', 0)).toBe(false);
    expect(drawnForFollowUp('x', '2026-12', 100)).toBe(true);
  });
});
