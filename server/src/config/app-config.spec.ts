import { ConfigError, loadConfig } from './app-config';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('loadConfig', () => {
  it('runs a development machine on defaults: embedded SQLite, demo data, dev SMS', () => {
    const c = loadConfig({});
    expect(c.database.type).toBe('sqlite');
    expect(c.seedDemo).toBe(true);
    expect(c.sms.provider).toBe('dev');
    expect(c.port).toBe(3000);
    expect(c.noShowThreshold).toBe(3);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('uses MySQL when DATABASE_URL is set, without demo data unless asked', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/zwt' });
    expect(c.database.type).toBe('mysql');
    expect(c.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/zwt', SEED_DEMO: '1' }).seedDemo).toBe(true);
  });

  it('takes a metrics token only when it is long enough to guard the metrics', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'scrape-token-0123456789' }).metricsToken).toBe('scrape-token-0123456789');
    expect(problems({ METRICS_TOKEN: 'short' })).toEqual([expect.stringMatching(/METRICS_TOKEN/)]);
    expect(problems({ METRICS_TOKEN: 'has a space inside it' })).toEqual([expect.stringMatching(/METRICS_TOKEN/)]);
  });

  it('names every bad value', () => {
    const p = problems({ PORT: 'eighty', NO_SHOW_THRESHOLD: '0', DATABASE_URL: 'postgres://x/y', TEST_CLOCK: 'maybe' });
    expect(p.join('\n')).toMatch(/PORT/);
    expect(p.join('\n')).toMatch(/NO_SHOW_THRESHOLD/);
    expect(p.join('\n')).toMatch(/DATABASE_URL/);
    expect(p.join('\n')).toMatch(/TEST_CLOCK/);
  });

  it('refuses to run production without secrets, with the dev SMS provider or the test clock', () => {
    const p = problems({ NODE_ENV: 'production', SMS_PROVIDER: 'dev', TEST_CLOCK: '1' }).join('\n');
    expect(p).toMatch(/JWT_SECRET is required/);
    expect(p).toMatch(/DATA_KEY is required/);
    expect(p).toMatch(/SMS_PROVIDER=dev is refused/);
    expect(p).toMatch(/TEST_CLOCK=1 is refused/);
  });

  it('accepts a complete production configuration', () => {
    const key = 'a'.repeat(64);
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-long-production-secret-value',
      DATA_KEY: key,
      LOOKUP_KEY: Buffer.alloc(32, 7).toString('base64'),
      SMS_HTTP_URL: 'https://sms.example.invalid/send',
      DATABASE_URL: 'mysql://zwt:pw@db:3306/zwt',
    });
    expect(c.isProduction).toBe(true);
    expect(c.sms.provider).toBe('http');
    expect(c.dataKey.length).toBe(32);
    expect(c.lookupKey.length).toBe(32);
  });
});
