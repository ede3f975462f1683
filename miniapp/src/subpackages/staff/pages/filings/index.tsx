import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useSession } from '@/store/session'
import { holds } from '@/utils/duties'
import { SLA_LABELS, type ApplicationStatus, type SlaState } from '@gov/shared'
import ExportButton from '@/components/ExportButton'
import Segmented from '@/components/Segmented'
import { staffApi } from '@/api/staff'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { addDays, shanghaiDate } from '@/utils/time'
import FilingRow from '@/subpackages/staff/components/FilingRow'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'

type StatusFilter = 'all' | ApplicationStatus
type SlaFilter = 'all' | SlaState

const STATUS_FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'submitted', label: '待预审' },
  { value: 'prereview_passed', label: '待受理' },
  { value: 'accepted', label: '已受理' },
  { value: 'under_review', label: '审查中' },
  { value: 'approved', label: '待送达' },
  { value: 'ready_for_pickup', label: '待领取' },
  { value: 'returned', label: '已退件' },
  { value: 'all', label: '全部' },
]

const SLA_FILTERS: Record<SlaFilter, string> = { all: '全部时限', overdue: SLA_LABELS.overdue, due_soon: SLA_LABELS.due_soon, on_track: SLA_LABELS.on_track }

/** The hall's filings by status and deadline state: key projects first, then overdue; pre-review days left. */
export default function StaffFilings() {
  const { user } = useSession()
  const asked = useRouter().params.status as StatusFilter | undefined
  // 受审分离: a window clerk starts at what waits for pre-review, a reviewer at what waits for review
  const [status, setStatus] = useState<StatusFilter>(asked && STATUS_FILTERS.some((x) => x.value === asked) ? asked : holds(user?.roles, 'window') ? 'submitted' : 'accepted')
  const [sla, setSla] = useState<SlaFilter>('all')
  // a reviewer without window duties sees their own department's filings (those they may decide)
  const departmentId = !holds(user?.roles, 'window') && holds(user?.roles, 'reviewer') ? (user?.departmentId ?? undefined) : undefined
  const { list, enabled } = useStaffList(
    (p) => staffApi.filings({ status: status === 'all' ? undefined : status, sla: sla === 'all' ? undefined : sla, departmentId }, p),
    [status, sla, departmentId],
  )
  useReloadOnShow(list.reload, enabled)
  const month = shanghaiDate().slice(0, 7)
  const lastMonth = addDays(`${month}-01`, -1).slice(0, 7)

  return (
    <StaffListPage
      title={departmentId ? '本部门办件' : '办件管理'}
      list={list}
      emptyText='没有符合条件的办件'
      head={
        <>
          <Segmented label='办件状态' value={status} options={STATUS_FILTERS} onChange={setStatus} />
          <Segmented label='办结时限' value={sla} options={SLA_FILTERS} onChange={setSla} />
          <View className='st-export'>
            <ExportButton path={staffApi.exports.filings(month)} fileName={`办件-${month}.xlsx`} label='导出本月办件' />
            <ExportButton path={staffApi.exports.filings(lastMonth)} fileName={`办件-${lastMonth}.xlsx`} label='导出上月办件' />
          </View>
        </>
      }
      renderItem={(f) => <FilingRow key={f.id} filing={f} />}
    />
  )
}
