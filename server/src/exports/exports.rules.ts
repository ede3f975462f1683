import {
  APPLICATION_STATUS_LABELS,
  BOOKING_STATUS_LABELS,
  SLA_LABELS,
  maskIdNumber,
  maskName,
  maskPhone,
  shanghaiDate,
  shanghaiTime,
  type ApplicationStatus,
  type BookingStatus,
  type SlaState,
} from '@gov/shared';
import { addDays, startOfDay } from '../calendar/calendar.rules';
import { satisfactionOfCounts } from '../ratings/ratings.rules';

/** Rows fetched per database round trip while an export streams (keeps memory flat whatever the range). */
export const EXPORT_PAGE_SIZE = 500;

/** Whether personal numbers go out in full: only an admin who asks (`unmasked=true`); the export is then audited. */
export function mayUnmask(roles: readonly string[], asked: boolean): boolean {
  return asked && roles.includes('admin');
}

/** A person's phone, ID number and name as an export shows them: masked unless `unmasked`. */
export function personCells(p: { name: string | null; phone: string | null; idNumber?: string | null }, unmasked: boolean): { name: string; phone: string; idNumber: string } {
  if (unmasked) return { name: p.name ?? '', phone: p.phone ?? '', idNumber: p.idNumber ?? '' };
  return { name: maskName(p.name) ?? '', phone: maskPhone(p.phone) ?? '', idNumber: maskIdNumber(p.idNumber ?? null) ?? '' };
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, or '' for none. */
export function shanghaiStamp(at: Date | null): string {
  return at ? `${shanghaiDate(at)} ${shanghaiTime(at)}` : '';
}

/** The UTC instants [from, to) of a Shanghai month `YYYY-MM`. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: startOfDay(`${month}-01`), to: startOfDay(next) };
}

/** The UTC instants [from, to) of the Shanghai days `from`..`to` inclusive. */
export function daysRange(from: string, to: string): { from: Date; to: Date } {
  return { from: startOfDay(from), to: startOfDay(addDays(to, 1)) };
}

export const BOOKING_HEADER = ['预约码', '事项', '预约时段', '状态', '签到时间', '是否爽约', '申请人', '手机号'];

/** One line of the day's bookings sheet (API.md Staff exports: code, service, time, status, check-in, no-show, masked phone). */
export function bookingRow(
  b: { code: string; startAt: Date; endAt: Date; status: BookingStatus; checkedInAt: Date | null; noShowAt: Date | null; noShowCounts: boolean },
  serviceName: string,
  person: { name: string; phone: string },
): string[] {
  const noShow = b.status === 'no_show' ? (b.noShowCounts ? '是' : '待联系') : b.noShowAt ? '已撤销' : '否';
  return [b.code, serviceName, `${shanghaiTime(b.startAt)}-${shanghaiTime(b.endAt)}`, BOOKING_STATUS_LABELS[b.status] ?? b.status, shanghaiStamp(b.checkedInAt), noShow, person.name, person.phone];
}

export const APPLICATION_HEADER = ['办件编号', '受理号', '事项', '状态', '受理时间', '承诺办结时间', '送达时间', '时限状态', '申请人', '证件号码', '手机号'];

/** One line of the month's filings sheet: number, service, status, accepted, due, delivered, SLA state. */
export function applicationRow(
  a: { number: string; receiptNo: string | null; status: ApplicationStatus; acceptedAt: Date | null; dueAt: Date | null; deliveredAt: Date | null; sla: SlaState | null },
  serviceName: string,
  person: { name: string; phone: string; idNumber: string },
): string[] {
  return [
    a.number,
    a.receiptNo ?? '',
    serviceName,
    APPLICATION_STATUS_LABELS[a.status] ?? a.status,
    shanghaiStamp(a.acceptedAt),
    shanghaiStamp(a.dueAt),
    shanghaiStamp(a.deliveredAt),
    a.sla ? SLA_LABELS[a.sla] : '',
    person.name,
    person.idNumber,
    person.phone,
  ];
}

export const SATISFACTION_HEADER = ['大厅', '部门', '评价数', '非常满意', '满意', '基本满意', '不满意', '非常不满意', '满意率'];

/**
 * One line of 好差评 by hall and department, from the count of each score (1–5); the rate as
 * GET /stats/satisfaction computes it (scores 3–5 over all, 国办发〔2019〕51号), shown as a percentage.
 */
export function satisfactionRow(hall: string, department: string, byScore: Record<1 | 2 | 3 | 4 | 5, number>): (string | number)[] {
  const s = satisfactionOfCounts(byScore);
  const rate = s.satisfactionRate === null ? '' : `${(s.satisfactionRate * 100).toFixed(2)}%`;
  return [hall, department, s.count, byScore[5], byScore[4], byScore[3], byScore[2], byScore[1], rate];
}
