import { APPEAL_STATUS_LABELS } from '@gov/shared'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import { staffApi, type AppealView } from '@/api/staff'
import { toned } from '@/utils/status-tones'
import { dateLabel, fullDateTime } from '@/utils/time'
import ReasonSheet from '@/subpackages/staff/components/ReasonSheet'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'
import ButtonRow from '@/components/ButtonRow'

type Filter = AppealView['status'] | 'all'

const STATUS = toned(APPEAL_STATUS_LABELS, { open: 'warning', waived: 'success', rejected: 'muted' })

const FILTERS: Record<Filter, string> = { open: '待处理', waived: '已豁免', rejected: '已驳回', all: '全部' }

/** No-show appeals of the hall: waive the no-show or reject the appeal, with an answer the applicant sees. */
export default function Appeals() {
  const [filter, setFilter] = useState<Filter>('open')
  const { list } = useStaffList((p) => staffApi.appeals(filter === 'all' ? undefined : filter, p), [filter])
  const [deciding, setDeciding] = useState<{ appeal: AppealView; waive: boolean } | null>(null)

  return (
    <StaffListPage
      title='爽约申诉'
      list={list}
      emptyText='没有符合条件的申诉'
      head={
        <Segmented label='申诉状态' value={filter} options={FILTERS} onChange={setFilter} />
      }
      renderItem={(a) => (
        <View key={a.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>
              {dateLabel(a.date)} {a.serviceName}
            </Text>
            <StatusTag tone={STATUS[a.status].tone}>{STATUS[a.status].text}</StatusTag>
          </View>
          <Text className='st-line'>
            申请人 {a.applicantName ?? '—'} · 申诉于 {fullDateTime(a.createdAt)}
          </Text>
          <Text className='st-text'>申诉理由：{a.reason}</Text>
          {a.answer ? <Text className='st-line'>答复：{a.answer}</Text> : null}
          {a.status === 'open' && (
            <ButtonRow className='st-actions'>
              <Button size='small' type='primary' onClick={() => setDeciding({ appeal: a, waive: true })}>
                豁免爽约
              </Button>
              <Button size='small' type='danger' fill='outline' onClick={() => setDeciding({ appeal: a, waive: false })}>
                驳回申诉
              </Button>
            </ButtonRow>
          )}
        </View>
      )}
    >
      <ReasonSheet
        target={deciding}
        title={deciding?.waive ? '豁免爽约' : '驳回申诉'}
        label={deciding?.waive ? '豁免说明' : '驳回理由'}
        description={deciding?.waive ? '豁免后该次爽约不再计入，申请人会收到答复。' : '申请人会收到驳回理由。'}
        confirmText={deciding?.waive ? '豁免' : '驳回'}
        danger={!deciding?.waive}
        onDecide={(d, answer) => staffApi.decideAppeal(d.appeal.id, d.waive, answer)}
        done={(d) => (d.waive ? '已豁免' : '已驳回')}
        onDone={list.reload}
        onClose={() => setDeciding(null)}
      />
    </StaffListPage>
  )
}
