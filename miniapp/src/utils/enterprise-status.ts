import { ENTERPRISE_STATUS_LABELS, type EnterpriseStatus } from '@gov/shared'
import type { Tone } from '../components/StatusTag'

/** A company's status as the company pages and the staff review page show it, with what it means. */
export const ENTERPRISE_STATUS: Record<EnterpriseStatus, { text: string; tone: Tone; hint: string }> = {
  pending: {
    text: ENTERPRISE_STATUS_LABELS.pending,
    tone: 'warning',
    hint: '企业尚待大厅核验：请携营业执照原件到政务服务中心任一窗口办理核验。核验通过前，不能以企业名义预约、申报或授权代办。',
  },
  verified: {
    text: ENTERPRISE_STATUS_LABELS.verified,
    tone: 'success',
    hint: '企业已核验，成员可以企业名义预约、申报，管理员可以企业名义授权代办。',
  },
  rejected: {
    text: ENTERPRISE_STATUS_LABELS.rejected,
    tone: 'danger',
    hint: '企业登记未通过大厅核验，不能以企业名义办理。如有疑问，请携营业执照到窗口咨询，或核对信息后重新登记。',
  },
}
