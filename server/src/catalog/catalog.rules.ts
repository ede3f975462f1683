import type { FieldError } from '@gov/shared';

/** Catalogue rules, pure: paging, the checks on an admin's service, and the blank-form template. */

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

export interface ServiceDraft {
  legalDays: number;
  promisedDays: number;
  fee: { free: boolean; amount?: number | null; basis?: string | null };
  materials: Array<{ required: boolean; tolerable: boolean }>;
  hallIds: string[];
  delivery: string[];
}

/** What is wrong with a service an admin submits, beyond the shape the DTO checks; empty when fine. */
export function serviceDraftProblems(d: ServiceDraft): FieldError[] {
  const out: FieldError[] = [];
  if (d.promisedDays > d.legalDays) {
    out.push({ field: 'promisedDays', message: `承诺时限（${d.promisedDays} 个工作日）不能超过法定时限（${d.legalDays} 个工作日）` });
  }
  if (d.fee.free) {
    if (d.fee.amount !== undefined && d.fee.amount !== null && d.fee.amount !== 0) {
      out.push({ field: 'fee.amount', message: '不收费的事项不应填写收费金额' });
    }
  } else {
    if (d.fee.amount === undefined || d.fee.amount === null || d.fee.amount <= 0) {
      out.push({ field: 'fee.amount', message: '收费事项须填写收费金额（分）' });
    }
    if (!d.fee.basis || !d.fee.basis.trim()) out.push({ field: 'fee.basis', message: '收费事项须填写收费依据' });
  }
  d.materials.forEach((m, i) => {
    if (m.tolerable && !m.required) {
      out.push({ field: `materials.${i}.tolerable`, message: '只有必交材料才能容缺受理' });
    }
  });
  if (new Set(d.hallIds).size !== d.hallIds.length) out.push({ field: 'hallIds', message: '办理大厅有重复' });
  if (new Set(d.delivery).size !== d.delivery.length) out.push({ field: 'delivery', message: '送达方式有重复' });
  return out;
}

/** A blank form's fields when the material names none of its own. */
const TEMPLATE_FIELDS = [
  '申请人（单位名称）',
  '统一社会信用代码 / 身份证件号码',
  '法定代表人（负责人）',
  '联系人',
  '联系电话',
  '通讯地址',
  '申请事项',
  '申请内容及理由',
];

/**
 * The downloadable blank form (plain UTF-8 text with a BOM so Windows editors open it right):
 * its title, the service, the fields to fill and the signature block.
 */
export function templateText(input: { templateName: string; serviceName: string; serviceCode: string; departmentName: string }): string {
  const lines = [
    input.templateName,
    '',
    `办理事项：${input.serviceName}（事项编码 ${input.serviceCode}）`,
    `受理部门：${input.departmentName}`,
    '',
    ...TEMPLATE_FIELDS.map((f) => `${f}：______________________________`),
    '',
    '本人（单位）承诺所填内容及所附材料真实、有效，如有不实，愿承担相应法律责任。',
    '',
    '申请人（签字/盖章）：________________',
    '日期：______年____月____日',
    '',
    '（此为空白样表，请按实际情况填写；亦可在窗口领取纸质表格。）',
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** RFC 5987 file name for Content-Disposition (Chinese names survive every browser). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
