/** Paging of lists, pure (GET /services and the staff lists). */

export const DEFAULT_PAGE_SIZE = 20;
/** The largest page the list answers; a larger `pageSize` is clamped to it, not refused. */
export const MAX_PAGE_SIZE = 50;

/**
 * Page and page size from already-validated positive whole numbers (the DTO refuses zero,
 * negatives and non-numbers with 400). A page size over MAX_PAGE_SIZE is clamped to it: clients
 * asking for "everything" get the largest page and read `pageSize` in the answer.
 */
export function pageParams(page: number | undefined, pageSize: number | undefined): { page: number; pageSize: number } {
  return { page: page ?? 1, pageSize: Math.min(pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  const start = (page - 1) * pageSize;
  return start >= items.length ? [] : items.slice(start, start + pageSize);
}
