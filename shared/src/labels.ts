/**
 * The Chinese words for every status and kind the server sends: one label per value, used by the
 * server (statusLabel, message texts) and on every page of the mini-app.
 */
import type {
  ApplicationStatus,
  Audience,
  AuthorizationStatus,
  CertificateStatus,
  BookingStatus,
  CommitmentStatus,
  DeliveryMethod,
  EnterpriseRole,
  EnterpriseStatus,
  MaterialForm,
  OffhoursStatus,
  Role,
  SlaState,
} from './enums';
import type { AppealStatus } from './contract/booking';
import type { MessageDelivery } from './contract/messages';
import type { DeskSearchKey } from './contract/staff';
import type { TicketLane, TicketStatus } from './contract/queue';
import type { OffhoursRefusalReason } from './contract/offhours';
import type { RatingStage, RectificationState } from './contract/ratings';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '待签到',
  checked_in: '已签到',
  cancelled: '已取消',
  cancelled_by_centre: '中心已取消（不计爽约）',
  no_show: '爽约',
  no_show_waived: '爽约已豁免',
};

/** An off-hours request the applicant withdrew reads 已撤回. */
export const OFFHOURS_STATUS_LABELS: Record<OffhoursStatus, string> = {
  pending: '待确认',
  confirmed: '已确认',
  refused: '未通过',
  cancelled: '已撤回',
  expired: '已过期（未获答复）',
};

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待预审',
  correction_required: '待补正',
  prereview_passed: '预审通过，待受理',
  accepted: '已受理',
  refused: '不予受理',
  under_review: '审查中',
  approved: '准予许可',
  denied: '不予许可',
  ready_for_pickup: '待领取',
  delivered: '已办结',
  withdrawn: '已撤回',
  returned: '已退件',
  forwarding: '转办中',
  returning: '结果回传中',
};

/** The steps of a filing's timeline (TimelineView.action). */
export const APPLICATION_ACTION_LABELS: Record<string, string> = {
  create: '创建申报',
  commit: '签署信用承诺',
  submit: '提交预审',
  flag: '出具补正告知',
  pass: '预审通过',
  accept: '受理',
  refuse: '不予受理',
  start_review: '开始审查',
  approve: '准予许可',
  deny: '不予许可',
  deliver: '送达',
  ready: '通知领取',
  choose_delivery: '选择送达方式',
  withdraw: '撤回',
  deem_accept: '视为受理',
  return: '退件',
  complete: '即办办结',
  fulfil: '补交容缺材料',
  breach: '未按期补交（失信）',
  forward: '转办（计时暂停）',
  receive: '接收转办（计时恢复）',
  send_back: '结果回传（计时暂停）',
  receive_approved: '接收回传结果',
  receive_denied: '接收回传结果',
  upload: '代为上传材料',
  part_flag: '部门预审：需补正',
  part_pass: '部门预审通过',
  part_start_review: '部门开始审查',
  part_approve: '部门准予许可',
  part_deny: '部门不予许可',
  part_deemed: '超时默认同意',
};

/**
 * The title of a timeline step: the step's own words (提交预审, 受理 …) when it has an action, else the
 * status it led to. Never the label twice, never 草稿 for a step taken after the draft.
 */
export function timelineTitle(e: { action?: string | null; status: ApplicationStatus }): string {
  return (e.action && APPLICATION_ACTION_LABELS[e.action]) || APPLICATION_STATUS_LABELS[e.status] || e.status;
}

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = { open: '待补交', fulfilled: '已补齐', breached: '逾期未补交' };

export const SLA_LABELS: Record<SlaState, string> = { on_track: '正常', due_soon: '即将到期', overdue: '已超期' };

export const AUDIENCE_LABELS: Record<Audience, string> = { person: '个人', enterprise: '法人', both: '个人/法人' };

export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = { original: '原件', copy: '复印件', electronic: '电子版' };

export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = { window: '窗口领取', post: '邮寄送达', online: '网上送达' };

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = { valid: '有效', revoked: '已注销' };

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '个人用户',
  staff: '工作人员',
  admin: '管理员',
  window: '窗口受理',
  reviewer: '部门审核',
  supervisor: '督办',
};

export const ENTERPRISE_ROLE_LABELS: Record<EnterpriseRole, string> = { admin: '管理员', handler: '经办人' };

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = { pending: '待核验', verified: '已核验', rejected: '未通过' };

export const AUTHORIZATION_STATUS_LABELS: Record<AuthorizationStatus, string> = {
  pending: '待对方确认',
  active: '生效中',
  declined: '已拒绝',
  revoked: '已撤销',
  expired: '已过期',
};

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = { open: '申诉处理中', waived: '申诉成立，已豁免', rejected: '申诉未通过' };

export const RATING_STAGE_LABELS: Record<RatingStage, string> = {
  service: '窗口办理',
  centre_cancelled: '大厅取消预约',
  acceptance: '受理环节',
  refusal: '不予受理',
  decision: '审批决定',
  delivery: '结果送达',
  withdrawal: '撤回申请',
  assistance: '帮办代办服务',
};

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = { open: '整改中', answered: '已答复', overdue: '整改已超期' };

export const DESK_SEARCH_KEY_LABELS: Record<DeskSearchKey, string> = {
  filingNumber: '办件编号',
  bookingCode: '签到码',
  phoneTail: '手机尾号',
  phone: '手机号',
  idNumber: '身份证号',
  name: '姓名',
};

/** A queue ticket's state as the applicant, the desk and the hall screen read it. */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: '排队中',
  called: '请到窗口',
  serving: '办理中',
  done: '已办结',
  skipped: '已过号',
  left: '已离开',
};

/** A queue ticket's lane (A 预约, G 绿色通道 老弱病残孕, N 普通). */
export const TICKET_LANE_LABELS: Record<TicketLane, string> = { appointment: '预约', green: '绿色通道', normal: '普通' };

/** What staff heard when they phoned a late applicant (POST /staff/bookings/:id/contact). */
export const CONTACT_OUTCOME_LABELS: Record<import('./contract/booking').ContactOutcome, string> = {
  coming: '仍将前来',
  reschedule: '改约其他时间',
  gave_up: '不再办理',
  none: '未联系上',
};

/**
 * Why staff refuse an off-hours request (罗山 预约办 五: "确实不适合预约的…必须向申请人说明理由"). There is
 * deliberately no "non-working day" reason (预约办 七: 不能以非工作日为由拒绝预约申请).
 */
export const OFFHOURS_REFUSAL_REASON_LABELS: Record<OffhoursRefusalReason, string> = {
  onsite_inspection: '需现场勘验或核查，约定时间内无法完成',
  system_unavailable: '所需业务系统在该时段不开放',
  other_agency: '需其他部门同时在场或出具意见，该时段无法协调',
  not_handled_here: '该事项不在本大厅办理',
  duplicate: '已有同一事项的预约或申请',
  other: '其他原因',
};

/** What each outside channel sends, as the applicant calls it. */
const CHANNEL_NOUNS: Record<MessageDelivery['channel'], string> = { wechat: '微信通知', alipay: '支付宝通知', sms: '短信' };

/**
 * The tag a message shows for one of its outside deliveries (已发短信, 微信通知发送中, 短信未送达 …),
 * or null for a skipped one (nothing was sent, so there is nothing to tell).
 */
export function deliveryTag(d: MessageDelivery): string | null {
  const noun = CHANNEL_NOUNS[d.channel];
  switch (d.state) {
    case 'sent':
      return `已发${noun}`;
    case 'pending':
      return `${noun}发送中`;
    case 'failed':
      return `${noun}未送达`;
    case 'skipped':
      return null;
  }
}
