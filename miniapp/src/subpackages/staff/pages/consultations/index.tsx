import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CONSULTATION_STATUS_LABELS } from '@gov/shared'
import Button from '@/components/AppButton'
import ButtonRow from '@/components/ButtonRow'
import Segmented from '@/components/Segmented'
import ServicePick, { type PickedService } from '@/components/ServicePick'
import StatusTag from '@/components/StatusTag'
import { consultationsApi, type ConsultationView } from '@/api/guidance'
import { fullDateTime } from '@/utils/time'
import ReasonSheet from '@/subpackages/staff/components/ReasonSheet'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { onePage, useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'

type Filter = 'open' | 'overdue' | 'answered' | 'all'

const FILTERS: Record<Filter, string> = { open: '待答复', overdue: '已超时（督办）', answered: '已答复', all: '全部' }

const load = (f: Filter): Promise<ConsultationView[]> =>
  f === 'overdue' ? consultationsApi.overdue() : consultationsApi.staffList(f === 'all' ? undefined : f)

/** 咨询 of the hall: answer within one working day; whoever answers first is named (首问负责); 已超时 is the supervisor's list. */
export default function StaffConsultations() {
  const [filter, setFilter] = useState<Filter>('open')
  const { list } = useStaffList(() => load(filter).then(onePage), [filter])
  const [answering, setAnswering] = useState<ConsultationView | null>(null)
  /** the guide the answer links (查看办事指南 for the applicant): the asked service's unless changed */
  const [guide, setGuide] = useState<PickedService | null>(null)
  const answer = (c: ConsultationView) => {
    setGuide(c.serviceId && c.serviceName ? { id: c.serviceId, name: c.serviceName } : null)
    setAnswering(c)
  }

  return (
    <StaffListPage
      title='在线咨询'
      list={list}
      emptyText='没有符合条件的咨询'
      head={<Segmented label='咨询状态' value={filter} options={FILTERS} onChange={setFilter} />}
      renderItem={(c) => (
        <View key={c.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>{c.serviceName ?? '一般咨询'}</Text>
            <StatusTag tone={c.status === 'answered' ? 'success' : c.overdue ? 'danger' : 'warning'}>
              {c.overdue ? '已超时' : CONSULTATION_STATUS_LABELS[c.status]}
            </StatusTag>
          </View>
          <Text className='st-line'>
            {`提问人 ${c.applicantName ?? '—'} · ${fullDateTime(c.createdAt)} · 应于 ${fullDateTime(c.answerBy)} 前答复`}
          </Text>
          <Text className='st-text'>问：{c.question}</Text>
          {c.answer ? <Text className='st-line'>{`答（${c.answeredBy ?? '工作人员'}）：${c.answer}`}</Text> : null}
          {c.status === 'open' ? (
            <ButtonRow className='st-actions'>
              <Button size='small' type='primary' onClick={() => answer(c)}>
                答复
              </Button>
            </ButtonRow>
          ) : null}
        </View>
      )}
    >
      <ReasonSheet
        target={answering}
        title='答复咨询'
        label='答复内容'
        description='答复后您即为该咨询的首问负责人，提问人会收到消息。'
        confirmText='提交答复'
        onDecide={(c, text) => consultationsApi.answer(c.id, text, guide?.id)}
        done='已答复'
        onDone={list.reload}
        onClose={() => setAnswering(null)}
      >
        <Text className='st-line'>附上办事指南（可选，提问人可直接查看）</Text>
        <ServicePick value={guide} onChange={setGuide} />
      </ReasonSheet>
    </StaffListPage>
  )
}
