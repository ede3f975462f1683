/**
 * Pure rules of 一件事 bundles on the catalogue side (DESIGN.md, Across halls and departments): the
 * merged materials checklist, each part's promised days within the bundle, and who may apply.
 * No Nest, no database.
 */
import type { Audience, MaterialTerms } from '@gov/shared';

/** One material of one service of the bundle, as the catalogue lists it. */
export interface SourceMaterial extends MaterialTerms {
  id: string;
  /** 免提交: a certificate of this type satisfies it */
  certificateType: string | null;
}

/** One service of the bundle with its materials (in the guide's order). */
export interface SourceService {
  id: string;
  /** the certificate its approval issues, else null */
  certificateType: string | null;
  materials: SourceMaterial[];
}

/** One line of the merged checklist: the first service's material stands for every copy of it. */
export interface MergedMaterial extends MaterialTerms {
  materialId: string;
  certificateType: string | null;
  /** the services needing it, in the bundle's order */
  serviceIds: string[];
  /** every service material it stands for (materialId first) */
  sourceIds: string[];
}

/** How a material is recognised as the same across services: its name (spaces and bracket widths ignored) and its form. */
export function materialKey(m: Pick<SourceMaterial, 'name' | 'form'>): string {
  const name = m.name
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/、/g, ',');
  return `${name}|${m.form}`;
}

/**
 * The merged checklist of a bundle (一次告知, 一表申请): every material of every service, a material
 * several services ask for (same name and form) listed once — required if any service requires it,
 * deferrable (容缺) only if every service allows it, the most copies any asks for, the first note.
 * A material that another service of the same bundle issues (a 营业执照 the 食品经营许可 asks for,
 * when the bundle also registers the business) is left out: the bundle produces it.
 */
export function mergeMaterials(services: readonly SourceService[]): MergedMaterial[] {
  const out: MergedMaterial[] = [];
  const byKey = new Map<string, MergedMaterial>();
  for (const s of services) {
    const issuedByOthers = new Set(services.filter((o) => o.id !== s.id && o.certificateType).map((o) => o.certificateType!));
    for (const m of s.materials) {
      if (m.certificateType && issuedByOthers.has(m.certificateType)) continue;
      const key = materialKey(m);
      const seen = byKey.get(key);
      if (!seen) {
        const row: MergedMaterial = {
          materialId: m.id,
          name: m.name,
          form: m.form,
          required: m.required,
          tolerable: m.tolerable,
          copies: m.copies,
          note: m.note,
          certificateType: m.certificateType,
          serviceIds: [s.id],
          sourceIds: [m.id],
        };
        byKey.set(key, row);
        out.push(row);
        continue;
      }
      seen.required = seen.required || m.required;
      seen.tolerable = seen.tolerable && m.tolerable;
      seen.copies = Math.max(seen.copies, m.copies);
      seen.note ??= m.note;
      seen.certificateType ??= m.certificateType;
      if (!seen.serviceIds.includes(s.id)) seen.serviceIds.push(s.id);
      seen.sourceIds.push(m.id);
    }
  }
  return out;
}

/** A part's promised working days within the bundle: the service's own promise, never more than the bundle's (at least 1). */
export function partPromisedDays(servicePromisedDays: number, bundlePromisedDays: number): number {
  return Math.max(1, Math.min(servicePromisedDays, bundlePromisedDays));
}

/**
 * Who may apply for a bundle: persons only when every service is for persons; otherwise persons
 * and companies alike — a bundle that opens a business is applied for by its founder before the
 * company exists, so the companies-only audience of its services does not bind the bundle.
 */
export function bundleAudience(audiences: readonly Audience[]): Audience {
  return audiences.length > 0 && audiences.every((a) => a === 'person') ? 'person' : 'both';
}

/** What is wrong with a bundle definition (POST /admin/bundles), as `{ field, message }`; empty when sound. */
export function bundleProblems(input: { serviceIds: readonly string[]; promisedDays: number }, departmentOf: ReadonlyMap<string, string>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (new Set(input.serviceIds).size !== input.serviceIds.length) problems.push({ field: 'serviceIds', message: '事项不能重复' });
  input.serviceIds.forEach((id, i) => {
    if (!departmentOf.has(id)) problems.push({ field: `serviceIds.${i}`, message: '事项不存在或已停用' });
  });
  if (input.serviceIds.length < 2) problems.push({ field: 'serviceIds', message: '一件事至少包含 2 个事项' });
  else if (new Set(input.serviceIds.map((id) => departmentOf.get(id)).filter(Boolean)).size < 2 && problems.length === 0) {
    problems.push({ field: 'serviceIds', message: '一件事须由至少 2 个部门的事项组成' });
  }
  if (!Number.isInteger(input.promisedDays) || input.promisedDays < 1) problems.push({ field: 'promisedDays', message: '承诺时限至少 1 个工作日' });
  return problems;
}
