import { ConfigError, loadConfig } from './app-config';
import { SMS_TEMPLATE_KEYS } from './sms-templates';

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

  it('keeps settled outbox deliveries 30 days unless told, and refuses a retention that is not a whole number of days from 1', () => {
    expect(loadConfig({}).outbox.retentionDays).toBe(30);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '7' }).outbox.retentionDays).toBe(7);
    for (const bad of ['0', '-3', 'a month', '1.5']) expect(problems({ OUTBOX_RETENTION_DAYS: bad })).toEqual([expect.stringMatching(/OUTBOX_RETENTION_DAYS/)]);
  });

  it('counts slot places in Redis only when asked (SLOT_COUNTER=1), and refuses the counter without Redis', () => {
    expect(loadConfig({}).slotCounter).toBe(false);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).slotCounter).toBe(false);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', SLOT_COUNTER: '1' }).slotCounter).toBe(true);
    expect(problems({ SLOT_COUNTER: '1' })).toEqual([expect.stringMatching(/SLOT_COUNTER=1 needs REDIS_URL/)]);
  });

  it('names every bad value', () => {
    const p = problems({ PORT: 'eighty', NO_SHOW_THRESHOLD: '0', DATABASE_URL: 'postgres://x/y', TEST_CLOCK: 'maybe' });
    expect(p.join('\n')).toMatch(/PORT/);
    expect(p.join('\n')).toMatch(/NO_SHOW_THRESHOLD/);
    expect(p.join('\n')).toMatch(/DATABASE_URL/);
    expect(p.join('\n')).toMatch(/TEST_CLOCK/);
  });

  it('keeps 容缺 for 5 working days and bars it 180 days after a breach, unless configured; refuses nonsense', () => {
    const c = loadConfig({});
    expect(c.filings).toMatchObject({ commitmentDays: 5, commitmentBarDays: 180 });
    expect(loadConfig({ COMMITMENT_BAR_DAYS: '365' }).filings.commitmentBarDays).toBe(365);
    const p = problems({ COMMITMENT_BAR_DAYS: '0', COMMITMENT_DAYS: 'five' }).join('\n');
    expect(p).toMatch(/COMMITMENT_BAR_DAYS/);
    expect(p).toMatch(/COMMITMENT_DAYS/);
  });

  it('refuses to run production without secrets, with the dev SMS provider or the test clock', () => {
    const p = problems({ NODE_ENV: 'production', SMS_PROVIDER: 'dev', TEST_CLOCK: '1' }).join('\n');
    expect(p).toMatch(/JWT_SECRET is required/);
    expect(p).toMatch(/DATA_KEY is required/);
    expect(p).toMatch(/SMS_PROVIDER=dev is refused/);
    expect(p).toMatch(/TEST_CLOCK=1 is refused/);
    expect(p).toMatch(/CERT_SIGNING_KEY is required/);
  });

  it('signs certificates with a development SM2 key when CERT_SIGNING_KEY is unset, the same on every start', () => {
    const a = loadConfig({}).certSigning;
    expect(a.privateKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(a.publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    expect(loadConfig({}).certSigning).toEqual(a);
  });

  it('refuses a CERT_SIGNING_KEY that is not an SM2 private key, naming it', () => {
    for (const bad of ['abc', 'g'.repeat(64), '0'.repeat(64), 'f'.repeat(64)]) expect(problems({ CERT_SIGNING_KEY: bad }).join('\n')).toMatch(/CERT_SIGNING_KEY must be an SM2 private key/);
    const key = '1'.repeat(64);
    const c = loadConfig({ CERT_SIGNING_KEY: key.toUpperCase() }).certSigning;
    expect(c.privateKeyHex).toBe(key);
    expect(c.keyId).toMatch(/^[0-9a-f]{16}$/);
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
      CERT_SIGNING_KEY: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
    });
    expect(c.isProduction).toBe(true);
    expect(c.sms.provider).toBe('http');
    expect(c.dataKey.length).toBe(32);
    expect(c.lookupKey.length).toBe(32);
  });

  describe('SMS through the clouds', () => {
    const templates = (id: (i: number) => string) =>
      Object.fromEntries(SMS_TEMPLATE_KEYS.map((k, i) => [`SMS_TEMPLATE_${k.toUpperCase()}`, id(i)]));
    const aliyun = { SMS_PROVIDER: 'aliyun', SMS_ACCESS_KEY_ID: 'ak', SMS_ACCESS_KEY_SECRET: 'sk', SMS_SIGN_NAME: '政务通' };

    it('starts with every template id given in the cloud’s form', () => {
      const c = loadConfig({ ...aliyun, ...templates((i) => `SMS_${100000 + i}`), SMS_ENDPOINT: 'http://127.0.0.1:9000' });
      expect(c.sms).toMatchObject({ provider: 'aliyun', endpoint: 'http://127.0.0.1:9000', templates: { login: 'SMS_100000', ticket_called: `SMS_${100000 + SMS_TEMPLATE_KEYS.length - 1}` } });
    });

    it('refuses to start without a template id for every SMS, or with one in the wrong form', () => {
      expect(problems(aliyun).join('\n')).toMatch(/SMS_TEMPLATE_LOGIN, SMS_TEMPLATE_BOOKING,/);
      expect(problems({ ...aliyun, ...templates(() => '12345') })).toContain('SMS_TEMPLATE_LOGIN must be an Alibaba Cloud template code such as SMS_123456789 (got "12345")');
      const tencent = { ...aliyun, SMS_PROVIDER: 'tencent', ...templates((i) => String(200000 + i)) };
      expect(problems(tencent)).toEqual(['SMS_SDK_APP_ID (ten digits) is required when SMS_PROVIDER=tencent']);
      expect(problems({ ...tencent, SMS_SDK_APP_ID: '1400000001', SMS_ACCESS_KEY_SECRET: '' })).toEqual(['SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET are required when SMS_PROVIDER=tencent']);
    });
  });
});
