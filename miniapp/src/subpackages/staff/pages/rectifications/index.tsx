import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import type { RectificationState } from '@/api/ratings'
import { staffApi, type StaffRectificationView } from '@/api/staff'
import { RECTIFICATION_STATUS } from '@/utils/status-tones'
import { dateLabel, fullDateTime } from '@/utils/time'
import ReasonSheet from '@/subpackages/staff/components/ReasonSheet'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'
import ButtonRow from '@/components/ButtonRow'

type Filter = RectificationState | 'all'

const FILTERS: Record<Filter, string> = { open: '待整改', overdue: '已超期', answered: '已答复', all: '全部' }

/** Rectification tickets from bad ratings: what was rated and why — never who rated — and the answer. */
export default function Rectifications() {
  const [filter, setFilter] = useState<Filter>('open')
  const { list } = useStaffList((p) => staffApi.rectifications(filter === 'all' ? undefined : filter, p), [filter])
  const [answering, setAnswering] = useState<StaffRectificationView | null>(null)

  return (
    <StaffListPage
      title='差评整改'
      list={list}
      emptyText='没有符合条件的整改工单'
      head={
        <>
          <Segmented label='工单状态' value={filter} options={FILTERS} onChange={setFilter} />
          <Text className='muted' style={{ display: 'block', margin: '0 12px' }}>
            为保护评价人，工单不显示评价人身份。
          </Text>
        </>
      }
      renderItem={(t) => (
        <View key={t.id} className='st-item st-ticket'>
          <View className='st-item__head'>
            <Text className='st-item__title'>{t.serviceName ?? '服务评价'}</Text>
            <View className='st-tags'>
              <StatusTag tone='danger'>{t.label}</StatusTag>
              <StatusTag tone={RECTIFICATION_STATUS[t.status].tone}>{RECTIFICATION_STATUS[t.status].text}</StatusTag>
            </View>
          </View>
          <Text className='st-line'>
            {t.hallName ?? ''} · 评价于 {fullDateTime(t.ratedAt)} · 答复期限 {dateLabel(t.dueAt)}
          </Text>
          {t.tags.length ? <Text className='st-line'>问题：{t.tags.join('、')}</Text> : null}
          {t.comment ? <Text className='st-text'>“{t.comment}”</Text> : null}
          {t.answer ? (
            <Text className='st-line'>
              答复{t.answeredAt ? `（${fullDateTime(t.answeredAt)}）` : ''}：{t.answer}
            </Text>
          ) : null}
          {t.firstScore !== t.score ? <Text className='st-line'>申请人已重新评价</Text> : null}
          {t.status !== 'answered' && (
            <ButtonRow className='st-actions'>
              <Button size='small' type='primary' onClick={() => setAnswering(t)}>
                答复整改
              </Button>
            </ButtonRow>
          )}
        </View>
      )}
    >
      <ReasonSheet
        target={answering}
        title='答复整改'
        label='整改答复'
        minLength={5}
        placeholder='说明核实情况和整改措施（至少 5 个字），申请人会收到答复'
        description={answering?.comment ? `评价内容：“${answering.comment}”` : undefined}
        confirmText='提交答复'
        onDecide={(t, answer) => staffApi.answerRectification(t.id, answer)}
        done='已答复'
        onDone={list.reload}
        onClose={() => setAnswering(null)}
      />
    </StaffListPage>
  )
}
