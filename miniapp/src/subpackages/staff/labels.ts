import type { ApplicationStatus, BookingStatus } from '@gov/shared'
import type { Tone } from '../../components/StatusTag'

export const BOOKING_STATUS: Record<BookingStatus, { text: string; tone: Tone }> = {
  booked: { text: '待签到', tone: 'info' },
  checked_in: { text: '已签到', tone: 'success' },
  cancelled: { text: '已取消', tone: 'muted' },
  cancelled_by_centre: { text: '中心已取消', tone: 'warning' },
  no_show: { text: '爽约', tone: 'danger' },
  no_show_waived: { text: '爽约已豁免', tone: 'warning' },
}

export const FILING_STATUS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待预审',
  correction_required: '待补正',
  prereview_passed: '预审通过，待受理',
  accepted: '已受理',
  refused: '不予受理',
  under_review: '审查中',
  approved: '准予许可',
  denied: '不予许可',
  delivered: '已送达',
  withdrawn: '已撤回',
}

export const SLA: Record<string, { text: string; tone: Tone }> = {
  overdue: { text: '已超期', tone: 'danger' },
  due_soon: { text: '即将到期', tone: 'warning' },
  on_track: { text: '正常', tone: 'success' },
}

export const DELIVERY: Record<string, string> = { window: '窗口领取', post: '邮寄送达', online: '网上送达' }
