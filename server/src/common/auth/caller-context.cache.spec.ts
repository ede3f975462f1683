import type { AppConfig } from '../../config/app-config';
import type { CallerContext } from './auth.decorators';
import { CallerContextCache } from './caller-context.cache';

const alone = () => new CallerContextCache({ redisUrl: null } as AppConfig);
const ctx = (...enterpriseIds: string[]): CallerContext => ({ enterpriseIds, verified: true });

describe('CallerContextCache (one instance, no Redis)', () => {
  it('loads a caller once and answers from memory after that', async () => {
    const c = alone();
    const load = jest.fn(async () => ctx('e1'));
    expect(await c.get('u1', load)).toEqual(ctx('e1'));
    expect(await c.get('u1', load)).toEqual(ctx('e1'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shares one load between requests that arrive together', async () => {
    const c = alone();
    const load = jest.fn(async () => ctx('e1'));
    await Promise.all([c.get('u1', load), c.get('u1', load), c.get('u1', load)]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads afresh after invalidate (a membership removed)', async () => {
    const c = alone();
    await c.get('u1', async () => ctx('e1'));
    await c.invalidate('u1');
    expect(await c.get('u1', async () => ctx())).toEqual(ctx());
  });

  it('does not keep what a load read before an invalidation that came while it ran', async () => {
    const c = alone();
    let release!: (v: CallerContext) => void;
    const stale = c.get('u1', () => new Promise<CallerContext>((r) => (release = r)));
    await c.invalidate('u1'); // the member is removed while the old memberships are being read
    release(ctx('e1'));
    expect(await stale).toEqual(ctx('e1')); // that request saw the old state...
    expect(await c.get('u1', async () => ctx())).toEqual(ctx()); // ...but the next one reads again
  });

  it('drops the entries of that user in every scoped cache on invalidate (a no-show counted: the standing read again)', async () => {
    const c = alone();
    const standing = c.scoped<number>();
    await c.get('u1', async () => ctx('e1'));
    await standing.get('u1', async () => 1);
    await standing.get('u2', async () => 1);
    await c.invalidate('u1');
    expect(await standing.get('u1', async () => 2)).toBe(2);
    expect(await standing.get('u2', async () => 2)).toBe(1); // another person's entry stays
    expect(await c.get('u1', async () => ctx())).toEqual(ctx());
  });

  it('keeps a closed account (null) like any other answer, and forgets a failed load', async () => {
    const c = alone();
    expect(await c.get('u1', async () => null)).toBeNull();
    expect(await c.get('u1', async () => ctx('e1'))).toBeNull();
    await expect(c.get('u2', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await c.get('u2', async () => ctx('e2'))).toEqual(ctx('e2'));
  });
});
