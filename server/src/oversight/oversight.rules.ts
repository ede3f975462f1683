/**
 * 督办 (DESIGN.md, Pre-review and filings: "a filing due soon or overdue is put before its
 * department's reviewers and the hall's supervisors, and the applicant is told the truth of it").
 * Pure texts: what the applicant reads says only what was actually done.
 */

/** Who was told of a late item: how many reviewers of the department, how many supervisors of the hall. */
export interface Escalation {
  reviewers: number;
  supervisors: number;
  /** the responsible department's name, when known */
  departmentName: string | null;
}

/** Whether anybody at all was told. */
export const anyoneTold = (e: Escalation): boolean => e.reviewers + e.supervisors > 0;

/** `承办部门（…）审核人员和大厅督办人员`, naming only those who were actually told; '' when nobody was. */
export function toldWhom(e: Escalation): string {
  const dept = e.departmentName ? `承办部门（${e.departmentName}）审核人员` : '承办部门审核人员';
  const parts = [e.reviewers > 0 ? dept : null, e.supervisors > 0 ? '大厅督办人员' : null].filter((x): x is string => x !== null);
  return parts.join('和');
}

/**
 * The applicant's message when their filing becomes overdue: the due date, and either whom the
 * centre put it before (督办), or — when the hall has nobody in those duties — that it is recorded
 * and where to complain, with no claim of a 督促 that did not happen.
 */
export function overdueFilingText(number: string, dueDate: string, e: Escalation): string {
  const head = `您的办件 ${number} 已超过承诺办结时限（${dueDate}）仍未办结。`;
  if (anyoneTold(e)) return `${head}系统已将超期情况通报${toldWhom(e)}督办。如有疑问可拨打咨询或投诉电话。`;
  return `${head}超期情况已记录在案；如需催办，请拨打咨询或投诉电话。`;
}

/** The applicant's message when their off-hours request passed its reply time unanswered. */
export function overdueOffhoursText(e: Escalation): string {
  const head = '您的错时预约申请已超过答复时限仍未得到答复。';
  if (anyoneTold(e)) return `${head}系统已通报${toldWhom(e)}督办，请留意后续消息。`;
  return `${head}超时情况已记录在案；您也可以致电大厅咨询。`;
}

/** The rater's message when the rectification of their rating passed its due date unanswered. */
export function overdueRectificationText(dueDate: string, e: Escalation): string {
  const head = `针对您评价的整改工单已超过答复期限（${dueDate}）仍未答复。`;
  if (anyoneTold(e)) return `${head}系统已通报${toldWhom(e)}督办。`;
  return `${head}超期情况已记录在案；您也可以拨打投诉电话反映。`;
}
