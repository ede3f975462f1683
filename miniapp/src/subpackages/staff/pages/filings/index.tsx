import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ApplicationStatus, SlaState } from '@gov/shared'
import Segmented from '../../../../components/Segmented'
import StatusTag from '../../../../components/StatusTag'
import Tappable from '../../../../components/Tappable'
import { staffApi } from '../../../../api/staff'
import { useReloadOnShow } from '../../../../hooks/useReloadOnShow'
import { fullDateTime, shanghaiDate } from '../../../../utils/time'
import StaffListPage from '../../components/StaffListPage'
import { useStaffList } from '../../components/useStaffList'
import { FILING_STATUS, SLA } from '../../labels'
import '../../staff.scss'
import './index.scss'

type StatusFilter = 'all' | ApplicationStatus
type SlaFilter = 'all' | SlaState

const STATUS_FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'submitted', label: '待预审' },
  { value: 'prereview_passed', label: '待受理' },
  { value: 'accepted', label: '已受理' },
  { value: 'under_review', label: '审查中' },
  { value: 'approved', label: '待送达' },
  { value: 'all', label: '全部' },
]

/** The hall's filings by status and deadline state: key projects first, then overdue; pre-review days left. */
export default function StaffFilings() {
  const [status, setStatus] = useState<StatusFilter>('submitted')
  const [sla, setSla] = useState<SlaFilter>('all')
  const { list, items, enabled, setPage } = useStaffList(
    (p) => staffApi.filings({ status: status === 'all' ? undefined : status, sla: sla === 'all' ? undefined : sla }, p),
    [status, sla],
  )
  useReloadOnShow(list.reload, enabled)

  return (
    <StaffListPage
      title='办件管理'
      list={list}
      items={items}
      emptyText='没有符合条件的办件'
      onPage={setPage}
      head={
        <>
          <Segmented label='办件状态' value={status} options={STATUS_FILTERS} onChange={setStatus} />
          <Segmented
            label='办结时限'
            value={sla}
            options={[
              { value: 'all', label: '全部时限' },
              { value: 'overdue', label: '已超期' },
              { value: 'due_soon', label: '即将到期' },
              { value: 'on_track', label: '正常' },
            ]}
            onChange={setSla}
          />
        </>
      }
      renderItem={(f) => (
        <Tappable
          key={f.id}
          className='st-item st-filing'
          label={`${f.serviceName ?? ''}，${f.number}，${FILING_STATUS[f.status]}`}
          onTap={() => Taro.navigateTo({ url: `/subpackages/staff/pages/review/index?id=${f.id}` })}
        >
          <View className='st-item__head'>
            <Text className='st-item__title'>{f.serviceName ?? f.number}</Text>
            <View className='st-tags'>
              {f.keyProject ? <StatusTag tone='danger'>重点项目</StatusTag> : null}
              {f.sla && SLA[f.sla] ? <StatusTag tone={SLA[f.sla].tone}>{SLA[f.sla].text}</StatusTag> : null}
              <StatusTag tone='info'>{FILING_STATUS[f.status]}</StatusTag>
            </View>
          </View>
          <Text className='st-line'>
            {f.number} · 申请人 {f.applicant.name ?? '—'}
            {f.onBehalf ? '（代办）' : ''}
          </Text>
          {f.prereview ? (
            <Text className={`st-line ${f.prereview.daysLeft <= 1 ? 'field__error' : ''}`}>
              预审剩余 {f.prereview.daysLeft} 个工作日（{f.prereview.deadline} 前，逾期视为受理）
            </Text>
          ) : null}
          {f.dueAt ? <Text className='st-line'>办结期限 {shanghaiDate(f.dueAt)}</Text> : null}
          {f.submittedAt ? <Text className='st-line'>提交于 {fullDateTime(f.submittedAt)}</Text> : null}
        </Tappable>
      )}
    />
  )
}
