import { MATERIAL_FORM_LABELS, type FieldError, type MaterialForm } from '@gov/shared';
import { createHash } from 'node:crypto';

/** Catalogue rules, pure: the checks on an admin's service, and the blank forms of materials. */

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

/** One labelled blank on a form; `value` is printed in it when the guide already says what goes there. */
export interface FormField {
  label: string;
  /** text already known (the service's name); null: a blank to fill in */
  value: string | null;
  /** lines of writing room (1: a single line) */
  lines: number;
}

export interface FormSection {
  title: string;
  fields: FormField[];
  /** tick boxes (□ …), e.g. the materials handed in with the form */
  checks?: string[];
  /** a line of guidance under the title */
  hint?: string;
}

/** A blank form, ready to print: what the PDF shows, in order. */
export interface BlankForm {
  title: string;
  /** lines under the title: the service, its code, the accepting department */
  subtitle: string[];
  sections: FormSection[];
  declaration: string;
  /** signature lines, each with a date line beside it */
  signatures: string[];
  footer: string;
}

export interface BlankFormInput {
  templateName: string;
  service: { name: string; code: string; subItem: string | null; audience: 'person' | 'enterprise' | 'both' };
  departmentName: string;
  /** the service's materials (this one included), for the list of what is attached */
  materials: Array<{ id: string; name: string; copies: number; form: string }>;
  materialId: string;
}

const blank = (label: string, lines = 1): FormField => ({ label, value: null, lines });

/** Which kind of form a template is, by its title. */
export function formKind(templateName: string): 'authorization' | 'statement' | 'application' {
  if (/委托书/.test(templateName)) return 'authorization';
  if (/声明|说明|承诺|授权书/.test(templateName)) return 'statement';
  return 'application';
}

function personFields(who: string): FormField[] {
  return [blank(`${who}姓名`), blank('身份证件类型及号码'), blank('联系电话'), blank('通讯地址')];
}

function companyFields(): FormField[] {
  return [blank('单位名称'), blank('统一社会信用代码'), blank('法定代表人（负责人）'), blank('单位地址')];
}

/**
 * The blank form of a material: its title, the service it belongs to, labelled fields for the
 * applicant (a person, a company, or both as the service's audience says), the matter applied for
 * (filled in from the guide), the other materials to tick, the declaration, and signature and date
 * lines. A 授权委托书 asks for principal, agent, scope and term; a 声明/说明/承诺 for the declarant
 * and the statement.
 */
export function blankForm(input: BlankFormInput): BlankForm {
  const s = input.service;
  const matter = !s.subItem || s.subItem === s.name ? s.name : s.subItem.includes(s.name) ? s.subItem : `${s.name}（${s.subItem}）`;
  const subtitle = [`办理事项：${matter}`, `事项编码：${s.code}${input.departmentName ? `　受理部门：${input.departmentName}` : ''}`];
  const kind = formKind(input.templateName);
  const attached = input.materials
    .filter((m) => m.id !== input.materialId)
    .map((m) => `${m.name}（${MATERIAL_FORM_LABELS[m.form as MaterialForm] ?? m.form} ${m.copies} 份）`);
  const footer = '此表依据办事指南生成，可打印后用黑色钢笔或签字笔填写；亦可在大厅窗口领取纸质表格。';

  if (kind === 'authorization') {
    return {
      title: input.templateName,
      subtitle,
      sections: [
        { title: '委托人', hint: s.audience === 'enterprise' ? '单位委托的，填写单位信息并加盖公章' : undefined, fields: s.audience === 'enterprise' ? companyFields() : personFields('委托人') },
        { title: '受托人', fields: personFields('受托人') },
        {
          title: '委托事项及权限',
          fields: [{ label: '委托事项', value: matter, lines: 1 }, { label: '委托期限', value: '自　　　　年　　月　　日起至　　　　年　　月　　日止', lines: 1 }],
          checks: ['代为提交申请材料', '代为补正、更正材料', '代为签收有关文书', '代为领取办理结果'],
        },
      ],
      declaration: '委托人确认上述委托事项及权限，受托人在权限内所办事项的法律后果由委托人承担。',
      signatures: ['委托人（签字/盖章）', '受托人（签字）'],
      footer,
    };
  }

  const applicant: FormSection[] =
    s.audience === 'person'
      ? [{ title: '申请人', fields: personFields('申请人') }]
      : s.audience === 'enterprise'
        ? [{ title: '申请单位', fields: companyFields() }, { title: '经办人', fields: personFields('经办人') }]
        : [
            { title: '申请人', hint: '以个人名义申请的填写本栏', fields: personFields('申请人') },
            { title: '申请单位', hint: '以单位名义申请的另填本栏', fields: companyFields() },
          ];

  const statement = kind === 'statement';
  return {
    title: input.templateName,
    subtitle,
    sections: statement
      ? [...applicant, { title: '事项', fields: [{ label: '办理事项', value: matter, lines: 1 }, blank('声明（说明）内容', 5)] }]
      : [
          ...applicant,
          { title: '申请事项', fields: [{ label: '办理事项', value: matter, lines: 1 }, blank('申请内容及理由', 3)] },
          ...(attached.length ? [{ title: '随附材料', hint: '请勾选随本表一并提交的材料', fields: [], checks: attached }] : []),
        ],
    declaration: statement
      ? '本人（单位）保证以上内容真实、准确、完整，如有虚假，愿承担相应法律责任。'
      : '本人（单位）承诺所填内容及所附材料真实、有效，如有不实，愿承担相应法律责任。',
    signatures: [statement ? '声明人（签字/盖章）' : '申请人（签字/盖章）'],
    footer,
  };
}

/** The file name of a blank form: its title, as PDF. */
export const blankFormFileName = (templateName: string): string => `${templateName.replace(/[\\/:*?"<>|]/g, '_')}.pdf`;

/** A strong ETag of a body: the same bytes give the same tag on every instance. */
export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Whether an `If-None-Match` header names this ETag (RFC 9110 §13.1.2: weak comparison, a list, or `*`).
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}
