/** Duplicate-key failures on MySQL/MariaDB (1062) and SQLite (UNIQUE constraint). */
export function isDuplicateKey(e: unknown): boolean {
  const o = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number }; message?: string } | null;
  if (!o) return false;
  const code = o.code ?? o.driverError?.code;
  const errno = o.errno ?? o.driverError?.errno;
  return code === 'ER_DUP_ENTRY' || errno === 1062 || /UNIQUE constraint failed/i.test(String(o.message ?? ''));
}
