import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { DEFAULT_UPLOAD_MAX_BYTES, DEFAULT_UPLOAD_MAX_FILES } from '@gov/shared';
import { sm2, sm3 } from 'sm-crypto-v2';

/**
 * Typed configuration, read from the environment once at start-up.
 * Nothing else in the server reads `process.env`: everything takes an `AppConfig`.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type SmsProviderName = 'dev' | 'http' | 'aliyun' | 'tencent';
import { SMS_TEMPLATE_KEYS, SmsTemplateKey } from './sms-templates';
import type { SubscribeTemplateKey } from '@gov/shared';
export { SUBSCRIBE_TEMPLATE_KEYS } from '@gov/shared';
export type { SubscribeTemplateKey } from '@gov/shared';

export interface DatabaseConfig {
  /** `mysql` when DATABASE_URL is set, `sqlite` (embedded file) otherwise. */
  type: 'mysql' | 'sqlite';
  url: string | null;
  sqlitePath: string;
  poolSize: number;
  /** Milliseconds a query may wait for a connection before failing with UNAVAILABLE. */
  acquireTimeoutMs: number;
}

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** key prefix inside the bucket, e.g. `uploads/` */
  prefix: string;
}

export class AppConfig {
  nodeEnv!: NodeEnv;
  port!: number;
  database!: DatabaseConfig;
  jwtSecret!: string;
  jwtKeyId!: string;
  accessTokenTtlSeconds!: number;
  refreshTokenTtlDays!: number;
  /** 32-byte key for AES-256-GCM of ID and phone numbers at rest. */
  dataKey!: Buffer;
  /** Key for the keyed hashes used to look up phone and ID numbers. */
  lookupKey!: Buffer;
  sms!: {
    provider: SmsProviderName;
    devCode: string;
    httpUrl: string | null;
    httpToken: string | null;
    codeTtlSeconds: number;
    maxAttempts: number;
    /** aliyun / tencent: the cloud's API endpoint, `host` or `http(s)://host:port` (SMS_ENDPOINT; tests point it at a local fake) */
    endpoint: string | null;
    accessKeyId: string;
    accessKeySecret: string;
    /** the approved SMS signature (签名), e.g. 政务通 */
    signName: string;
    /** tencent: the SMS application (SmsSdkAppId) and region */
    sdkAppId: string;
    region: string;
    /** template id per template key (SMS_TEMPLATE_<KEY>); every key is required for aliyun and tencent */
    templates: Record<SmsTemplateKey, string | null>;
  };
  /** the outbox worker (delivers messages to WeChat, Alipay and SMS) */
  outbox!: {
    /** run the worker in this instance (OUTBOX_WORKER, default on) */
    worker: boolean;
    /** how often the worker looks for due deliveries, in ms (OUTBOX_POLL_MS) */
    pollMs: number;
    /** attempts before a delivery fails for good (OUTBOX_MAX_ATTEMPTS) */
    maxAttempts: number;
    /** the wait after the first failed attempt, doubled after each further one, in ms (OUTBOX_RETRY_BASE_MS) */
    retryBaseMs: number;
    /** days a settled (sent or skipped) delivery is kept before the `outbox-cleanup` job deletes it (OUTBOX_RETENTION_DAYS); failed ones are kept */
    retentionDays: number;
  };
  wechat!: { appId: string; secret: string; apiBase: string; templates: Record<SubscribeTemplateKey, string | null>; miniprogramState: 'developer' | 'trial' | 'formal' };
  /** `messageTemplate`: the mini-program message template (ALIPAY_MESSAGE_TEMPLATE); unset → no Alipay messages */
  alipay!: { appId: string; privateKeyPem: string | null; publicKeyPem: string | null; gateway: string; messageTemplate: string | null };
  admin!: { username: string | null; password: string | null };
  seedDemo!: boolean;
  noShowGraceMinutes!: number;
  noShowThreshold!: number;
  forfeitDays!: number;
  bookingHorizonDays!: number;
  /** working days to answer a bad rating (不满意/非常不满意); some provinces allow 15 */
  rectificationDays!: number;
  waitlist!: { holdMinutes: number; maxLength: number };
  /** monthly call-back sampling of delivered filings, in percent: key projects and the rest */
  followUps!: { keyProjectPercent: number; percent: number };
  throttleIpLimit!: number;
  redisUrl!: string | null;
  /** admit requests for a slot through a count of its free places in Redis first (SLOT_COUNTER, default off; needs REDIS_URL; booking/slot-places.counter.ts) */
  slotCounter!: boolean;
  /** most bookings of one slot written together in one transaction while another write for it is under way (BOOKING_BATCH_MAX, default 100; 1: each on its own; booking/booking-batch.service.ts) */
  bookingBatchMax!: number;
  /** the bearer token GET /api/metrics asks for (METRICS_TOKEN, 16+ printable characters); null: metrics open (keep them off the public port) */
  metricsToken!: string | null;
  testClock!: boolean;
  /** run the scheduled jobs (no-show sweep, reminders, SLA scan …) every minute in this instance */
  jobsEnabled!: boolean;
  corsOrigins!: string[];
  logLevel!: string;
  logFile!: string | null;
  h5Dir!: string;
  bodyLimit!: string;
  /** handles accepting new connections on the listening socket, the server's own included (HTTP_ACCEPTORS, 1–64, default 16; 1: as Node does; common/http/acceptors.ts) */
  httpAcceptors!: number;
  upload!: { dir: string; maxBytes: number; maxFilesPerMaterial: number };
  /** S3-compatible object store for uploads (S3_ENDPOINT set), else uploads stay on local disk under upload.dir */
  s3!: S3Config | null;
  filings!: {
    /** working days the applicant is given to correct after a one-time notice (CORRECTION_DAYS) */
    correctionDays: number;
    /** public progress look-ups a minute from one address (LOOKUP_RATE_LIMIT; 0 = off) */
    lookupRateLimit: number;
    /** 容缺: working days from acceptance within which owed materials are handed in (COMMITMENT_DAYS) */
    commitmentDays: number;
    /** 容缺: calendar days a breached commitment bars the person or company from further 容缺 (COMMITMENT_BAR_DAYS) */
    commitmentBarDays: number;
  };

  /**
   * The centre's key for electronic certificates (CERT_SIGNING_KEY): SM2 (GB/T 32918) private key,
   * its public key (uncompressed, hex) and a short key id (the first 16 hex of the public key's SM3).
   */
  certSigning!: { privateKeyHex: string; publicKeyHex: string; keyId: string };
  /** the address the public pages are served at (PUBLIC_URL), for the QR codes on certificates */
  publicUrl!: string;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback: string): string {
    const v = this.env[name];
    return v === undefined || v === '' ? fallback : v;
  }

  optional(name: string): string | null {
    const v = this.env[name];
    return v === undefined || v === '' ? null : v;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name} must be 1 or 0 (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }

  key(name: string, devSeed: string, production: boolean): Buffer {
    const raw = this.env[name];
    if (raw === undefined || raw === '') {
      if (production) this.problems.push(`${name} is required when NODE_ENV=production (32 bytes, base64 or hex)`);
      // A fixed development key, so that an embedded database keeps working across restarts.
      return createHash('sha256').update(`zwt-development-only:${devSeed}`).digest();
    }
    const buf = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (buf.length !== 32) {
      this.problems.push(`${name} must be 32 bytes, given as 64 hex characters or base64`);
    }
    return buf;
  }
}

const parseSize = (s: string): number | null => {
  const m = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(s.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit === 'gb' ? 1024 ** 3 : unit === 'mb' ? 1024 ** 2 : unit === 'kb' ? 1024 : 1;
  return Number(m[1]) * mult;
};

/** The repository root: server/src/config → ../../.. (also right for server/dist/config). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function loadConfig(env: Env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = nodeEnv === 'production';
  const c = new AppConfig();
  c.nodeEnv = nodeEnv;
  c.port = r.int('PORT', 3000, 0, 65535);

  const url = r.optional('DATABASE_URL');
  if (url !== null && !/^mysql:\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/.test(url)) {
    r.problems.push('DATABASE_URL must look like mysql://user:pass@host:port/database');
  }
  c.database = {
    type: url ? 'mysql' : 'sqlite',
    url,
    sqlitePath: path.resolve(REPO_ROOT, r.str('SQLITE_PATH', 'data/zhengwutong.sqlite')),
    poolSize: r.int('DB_POOL_SIZE', 10, 1, 200),
    acquireTimeoutMs: r.int('DB_ACQUIRE_TIMEOUT_MS', 5000, 100, 120000),
  };

  const jwt = r.optional('JWT_SECRET');
  if (production && !jwt) r.problems.push('JWT_SECRET is required when NODE_ENV=production');
  if (jwt && jwt.length < 16) r.problems.push('JWT_SECRET must be at least 16 characters');
  c.jwtSecret = jwt ?? randomBytes(32).toString('hex');
  c.jwtKeyId = r.str('JWT_KEY_ID', 'k1');
  c.accessTokenTtlSeconds = r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400);
  c.refreshTokenTtlDays = r.int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365);
  c.dataKey = r.key('DATA_KEY', 'data', production);
  c.lookupKey = r.key('LOOKUP_KEY', 'lookup', production);

  const smsProvider = r.oneOf<SmsProviderName>('SMS_PROVIDER', ['dev', 'http', 'aliyun', 'tencent'], production ? 'http' : 'dev');
  if (production && smsProvider === 'dev') r.problems.push('SMS_PROVIDER=dev is refused when NODE_ENV=production');
  const smsUrl = r.optional('SMS_HTTP_URL');
  if (smsProvider === 'http' && !smsUrl) r.problems.push('SMS_HTTP_URL is required when SMS_PROVIDER=http');
  const devCode = r.str('DEV_SMS_CODE', '123456');
  if (!/^\d{6}$/.test(devCode)) r.problems.push('DEV_SMS_CODE must be six digits');
  c.sms = {
    provider: smsProvider,
    devCode,
    httpUrl: smsUrl,
    httpToken: r.optional('SMS_HTTP_TOKEN'),
    codeTtlSeconds: r.int('SMS_CODE_TTL_SECONDS', 300, 30, 3600),
    maxAttempts: r.int('SMS_MAX_ATTEMPTS', 5, 1, 20),
    endpoint: r.optional('SMS_ENDPOINT'),
    accessKeyId: r.str('SMS_ACCESS_KEY_ID', ''),
    accessKeySecret: r.str('SMS_ACCESS_KEY_SECRET', ''),
    signName: r.str('SMS_SIGN_NAME', ''),
    sdkAppId: r.str('SMS_SDK_APP_ID', ''),
    region: r.str('SMS_REGION', 'ap-guangzhou'),
    templates: Object.fromEntries(SMS_TEMPLATE_KEYS.map((k) => [k, r.optional(`SMS_TEMPLATE_${k.toUpperCase()}`)])) as Record<SmsTemplateKey, string | null>,
  };
  if (smsProvider === 'aliyun' || smsProvider === 'tencent') {
    const missing = SMS_TEMPLATE_KEYS.filter((k) => !c.sms.templates[k]).map((k) => `SMS_TEMPLATE_${k.toUpperCase()}`);
    if (missing.length) r.problems.push(`SMS_PROVIDER=${smsProvider} needs a template id for every SMS: ${missing.join(', ')}`);
    for (const k of SMS_TEMPLATE_KEYS) {
      const id = c.sms.templates[k];
      if (id && !(smsProvider === 'aliyun' ? /^SMS_\d{6,12}$/ : /^\d{5,10}$/).test(id)) {
        r.problems.push(`SMS_TEMPLATE_${k.toUpperCase()} must be ${smsProvider === 'aliyun' ? 'an Alibaba Cloud template code such as SMS_123456789' : 'a Tencent Cloud template id (digits)'} (got "${id}")`);
      }
    }
    if (!c.sms.accessKeyId || !c.sms.accessKeySecret) r.problems.push(`SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET are required when SMS_PROVIDER=${smsProvider}`);
    if (!c.sms.signName) r.problems.push(`SMS_SIGN_NAME is required when SMS_PROVIDER=${smsProvider}`);
    if (smsProvider === 'tencent' && !/^\d{10}$/.test(c.sms.sdkAppId)) r.problems.push('SMS_SDK_APP_ID (ten digits) is required when SMS_PROVIDER=tencent');
    if (c.sms.endpoint && !/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d+)?\/?$/.test(c.sms.endpoint)) r.problems.push('SMS_ENDPOINT must be a host or http(s)://host[:port]');
  }
  c.outbox = {
    worker: r.bool('OUTBOX_WORKER', true),
    pollMs: r.int('OUTBOX_POLL_MS', 5000, 50, 3600_000),
    maxAttempts: r.int('OUTBOX_MAX_ATTEMPTS', 8, 1, 50),
    retryBaseMs: r.int('OUTBOX_RETRY_BASE_MS', 30_000, 10, 3600_000),
    retentionDays: r.int('OUTBOX_RETENTION_DAYS', 30, 1, 3650),
  };
  c.wechat = {
    appId: r.str('WECHAT_APPID', 'wx-dev-appid'),
    secret: r.str('WECHAT_SECRET', 'wx-dev-secret'),
    apiBase: r.str('WECHAT_API_BASE', 'https://api.weixin.qq.com'),
    templates: {
      booking_reminder: r.optional('WECHAT_TEMPLATE_BOOKING_REMINDER'),
      booking_result: r.optional('WECHAT_TEMPLATE_BOOKING_RESULT'),
      filing_progress: r.optional('WECHAT_TEMPLATE_FILING_PROGRESS'),
    },
    miniprogramState: r.oneOf('WECHAT_MINIPROGRAM_STATE', ['developer', 'trial', 'formal'], production ? 'formal' : 'developer'),
  };
  c.alipay = {
    appId: r.str('ALIPAY_APPID', 'alipay-dev-appid'),
    privateKeyPem: r.optional('ALIPAY_PRIVATE_KEY'),
    publicKeyPem: r.optional('ALIPAY_PUBLIC_KEY'),
    gateway: r.str('ALIPAY_GATEWAY', 'https://openapi.alipay.com/gateway.do'),
    messageTemplate: r.optional('ALIPAY_MESSAGE_TEMPLATE'),
  };
  c.admin = { username: r.optional('ADMIN_USERNAME'), password: r.optional('ADMIN_PASSWORD') };
  if (c.admin.password !== null && c.admin.password.length < 8) r.problems.push('ADMIN_PASSWORD must be at least 8 characters');
  c.seedDemo = r.bool('SEED_DEMO', c.database.type === 'sqlite');
  c.noShowGraceMinutes = r.int('NO_SHOW_GRACE_MINUTES', 30, 0, 24 * 60);
  c.noShowThreshold = r.int('NO_SHOW_THRESHOLD', 3, 1, 100);
  c.forfeitDays = r.int('FORFEIT_DAYS', 0, 0, 3650);
  c.bookingHorizonDays = r.int('BOOKING_HORIZON_DAYS', 14, 1, 365);
  c.rectificationDays = r.int('RECTIFICATION_DAYS', 5, 1, 60);
  c.followUps = { keyProjectPercent: r.int('CALLBACK_KEY_PERCENT', 20, 0, 100), percent: r.int('CALLBACK_PERCENT', 2, 0, 100) };
  c.waitlist = { holdMinutes: r.int('WAITLIST_HOLD_MINUTES', 15, 1, 24 * 60), maxLength: r.int('WAITLIST_MAX', 20, 1, 1000) };
  c.throttleIpLimit = r.int('THROTTLE_IP_LIMIT', 600, 0, 1_000_000);
  c.redisUrl = r.optional('REDIS_URL');
  // off unless asked: in the flash crowd of `npm run bench` it did not beat the database's guard alone (README, Measured)
  c.slotCounter = r.bool('SLOT_COUNTER', false);
  if (c.slotCounter && c.redisUrl === null) r.problems.push('SLOT_COUNTER=1 needs REDIS_URL (the counter lives in Redis)');
  c.bookingBatchMax = r.int('BOOKING_BATCH_MAX', 100, 1, 1000);
  c.metricsToken = r.optional('METRICS_TOKEN');
  if (c.metricsToken !== null && !/^[\x21-\x7e]{16,256}$/.test(c.metricsToken)) r.problems.push('METRICS_TOKEN must be 16 to 256 printable characters without spaces');
  c.testClock = r.bool('TEST_CLOCK', false);
  c.jobsEnabled = r.bool('JOBS_ENABLED', nodeEnv !== 'test');
  if (production && c.testClock) r.problems.push('TEST_CLOCK=1 is refused when NODE_ENV=production');
  c.corsOrigins = r
    .str('CORS_ORIGINS', 'http://localhost:3000,http://127.0.0.1:3000,https://servicewechat.com')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  c.logLevel = r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info');
  c.logFile = r.optional('LOG_FILE');
  c.h5Dir = path.resolve(REPO_ROOT, r.str('H5_DIR', 'miniapp/dist/h5'));
  const bodyLimit = r.str('BODY_LIMIT', '1mb');
  if (parseSize(bodyLimit) === null) r.problems.push('BODY_LIMIT must be a size such as 1mb');
  c.bodyLimit = bodyLimit;
  c.httpAcceptors = r.int('HTTP_ACCEPTORS', 16, 1, 64);
  // the defaults live in @gov/shared; every filing publishes the values in force (`uploadLimits`)
  const maxUpload = parseSize(r.str('UPLOAD_MAX_SIZE', `${DEFAULT_UPLOAD_MAX_BYTES / 1024 / 1024}mb`));
  if (maxUpload === null) r.problems.push('UPLOAD_MAX_SIZE must be a size such as 20mb');
  if (maxUpload !== null && (maxUpload < 1024 || maxUpload > 1024 ** 3)) r.problems.push('UPLOAD_MAX_SIZE must be from 1kb to 1gb');
  c.upload = {
    dir: path.resolve(REPO_ROOT, r.str('UPLOAD_DIR', 'data/uploads')),
    maxBytes: maxUpload ?? DEFAULT_UPLOAD_MAX_BYTES,
    maxFilesPerMaterial: r.int('UPLOAD_MAX_FILES_PER_MATERIAL', DEFAULT_UPLOAD_MAX_FILES, 1, 100),
  };
  const s3Endpoint = r.optional('S3_ENDPOINT');
  if (s3Endpoint === null) {
    c.s3 = null;
  } else {
    if (!/^https?:\/\/[^\s/]+(\/.*)?$/.test(s3Endpoint)) r.problems.push('S3_ENDPOINT must be an http(s) URL');
    const bucket = r.optional('S3_BUCKET');
    if (!bucket || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) r.problems.push('S3_BUCKET is required when S3_ENDPOINT is set (3-63 lower-case letters, digits, dots, dashes)');
    const accessKeyId = r.optional('S3_ACCESS_KEY_ID');
    const secretAccessKey = r.optional('S3_SECRET_ACCESS_KEY');
    if (!accessKeyId || !secretAccessKey) r.problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required when S3_ENDPOINT is set');
    const prefix = r.str('S3_PREFIX', '');
    if (!/^([A-Za-z0-9_.-]+\/)*$/.test(prefix)) r.problems.push('S3_PREFIX must be empty or path segments ending in "/" (e.g. uploads/)');
    c.s3 = {
      endpoint: s3Endpoint,
      bucket: bucket ?? '',
      region: r.str('S3_REGION', 'us-east-1'),
      accessKeyId: accessKeyId ?? '',
      secretAccessKey: secretAccessKey ?? '',
      forcePathStyle: r.bool('S3_FORCE_PATH_STYLE', true),
      prefix,
    };
  }
  c.filings = {
    correctionDays: r.int('CORRECTION_DAYS', 5, 1, 60),
    lookupRateLimit: r.int('LOOKUP_RATE_LIMIT', 10, 0, 10_000),
    commitmentDays: r.int('COMMITMENT_DAYS', 5, 1, 60),
    commitmentBarDays: r.int('COMMITMENT_BAR_DAYS', 180, 1, 3650),
  };

  c.certSigning = certSigningKey(r, production);
  const publicUrl = r.str('PUBLIC_URL', `http://localhost:${c.port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(publicUrl)) r.problems.push('PUBLIC_URL must be an http(s) address such as https://zwt.example.gov.cn');
  c.publicUrl = publicUrl;

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return c;
}

/** The order n of the SM2 curve (GB/T 32918.5): a private key is a number from 1 to n − 2. */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

/**
 * CERT_SIGNING_KEY: the SM2 private key as 64 hex characters. Required in production; unset
 * elsewhere, a fixed development key (so certificates stay verifiable across restarts of the
 * embedded database), never to be used for real certificates.
 */
function certSigningKey(r: Reader, production: boolean): AppConfig['certSigning'] {
  let raw = r.optional('CERT_SIGNING_KEY');
  if (raw === null) {
    if (production) r.problems.push('CERT_SIGNING_KEY is required when NODE_ENV=production (an SM2 private key, 64 hex characters)');
    raw = sm3('zwt-development-only:certificates');
  }
  const hex = raw.trim().toLowerCase();
  const n = /^[0-9a-f]{64}$/.test(hex) ? BigInt(`0x${hex}`) : null;
  if (n === null || n < 1n || n > SM2_N - 2n) {
    r.problems.push('CERT_SIGNING_KEY must be an SM2 private key: 64 hex characters, a number from 1 to n-2 of the SM2 curve');
    return { privateKeyHex: '', publicKeyHex: '', keyId: '' };
  }
  const publicKeyHex = sm2.getPublicKeyFromPrivateKey(hex);
  return { privateKeyHex: hex, publicKeyHex, keyId: sm3(publicKeyHex).slice(0, 16) };
}
