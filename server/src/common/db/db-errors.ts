/**
 * Driver-error classification: the one file that knows MySQL/MariaDB (mysql2) and SQLite (sql.js)
 * error codes and messages. Everything else asks these questions instead of reading `errno`.
 */

/** What mysql2 and sql.js put on an error (or on the `driverError` TypeORM wraps it in). */
interface DriverErrorLike {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  driverError?: { code?: unknown; errno?: unknown };
}

const asDriverError = (e: unknown): DriverErrorLike | null => (typeof e === 'object' && e !== null ? (e as DriverErrorLike) : null);

/** The driver's symbolic code (`ER_DUP_ENTRY`, `ECONNREFUSED` …), on the error or its `driverError`. */
function codeOf(o: DriverErrorLike): string | undefined {
  if (typeof o.code === 'string') return o.code;
  if (o.driverError && typeof o.driverError.code === 'string') return o.driverError.code;
  return undefined;
}

/** The MySQL numeric error number, on the error or its `driverError`. */
function errnoOf(o: DriverErrorLike): number | undefined {
  const n = o.errno ?? o.driverError?.errno;
  return typeof n === 'number' ? n : undefined;
}

/** MySQL error numbers this module knows by name. */
const MYSQL = { DUP_ENTRY: 1062, LOCK_WAIT_TIMEOUT: 1205, DEADLOCK: 1213 } as const;

/** Duplicate-key failures on MySQL/MariaDB (1062, `ER_DUP_ENTRY`) and SQLite (`UNIQUE constraint failed`). */
export function isDuplicateKey(e: unknown): boolean {
  const o = asDriverError(e);
  if (!o) return false;
  return codeOf(o) === 'ER_DUP_ENTRY' || errnoOf(o) === MYSQL.DUP_ENTRY || /UNIQUE constraint failed/i.test(String(o.message ?? ''));
}

/**
 * TiDB's own numbers for a transaction that was rolled back and may be run again from the start:
 * 8002 (SELECT … FOR UPDATE lost a commit conflict), 8005 and 9007 (write conflict, optimistic
 * transactions), 8022 (commit failed, safe to retry), 8028 (the schema changed under the transaction).
 * In TiDB's default pessimistic mode conflicts come back as MySQL's 1213 and 1205 instead.
 */
const TIDB_RETRYABLE = new Set([8002, 8005, 8022, 8028, 9007]);

/**
 * Safe to retry from the start: MySQL/MariaDB 1213 deadlock (on a Galera cluster also a certification
 * conflict with a write committed on another node) and 1205 lock wait timeout; TiDB's retryable
 * conflicts (TIDB_RETRYABLE).
 */
export function isRetryableTxError(e: unknown): boolean {
  const o = asDriverError(e);
  if (!o) return false;
  const errno = errnoOf(o);
  return errno === MYSQL.DEADLOCK || errno === MYSQL.LOCK_WAIT_TIMEOUT || o.code === 'ER_LOCK_DEADLOCK' || (errno !== undefined && TIDB_RETRYABLE.has(errno));
}

/** Codes that mean the database (or the network to it) cannot be reached or will not take us now. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'POOL_CLOSED',
  'ER_LOCK_WAIT_TIMEOUT',
]);

/** True for faults that mean "the database (or another dependency) cannot be reached". */
export function isUnavailableError(e: unknown): boolean {
  const o = asDriverError(e);
  const code = o ? codeOf(o) : undefined;
  if (code && CONNECTION_ERROR_CODES.has(code)) return true;
  const msg = e instanceof Error ? e.message : '';
  return /Pool is closed|connect ECONNREFUSED|Connection lost|Can't add new command when connection is in closed state|Timeout acquiring a connection|timeout.*connection/i.test(
    msg,
  );
}
