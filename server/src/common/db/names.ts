import { FindOptionsSelect, FindOptionsWhere, In, Repository } from 'typeorm';

/**
 * `id → name` of the rows with the given ids (a service's, a hall's…), for lists that show names
 * beside their rows: each id asked once, nulls skipped, no query when there is none. An id with no
 * row is absent from the map (callers show their own stand-in).
 */
export async function namesById<E extends { id: string; name: string }>(repo: Repository<E>, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await repo.find({ where: { id: In(wanted) } as FindOptionsWhere<E>, select: { id: true, name: true } as FindOptionsSelect<E> });
  return new Map(rows.map((x) => [x.id, x.name]));
}
