import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ASSISTANCE_KIND_LABELS, ASSISTANCE_STATUS_LABELS } from '@gov/shared'
import Button from '@/components/AppButton'
import ButtonRow from '@/components/ButtonRow'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import { staffAssistanceApi, type AssistanceView } from '@/api/guidance'
import { errorMessage } from '@/api/client'
import { useBusy } from '@/hooks/useBusy'
import { toast } from '@/utils/nav'
import { holds } from '@/utils/duties'
import { fullDateTime } from '@/utils/time'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { onePage, useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'

type Filter = 'requested' | 'assigned' | 'done' | 'overdue'

const FILTERS: Record<Filter, string> = { requested: '待安排', assigned: '已安排', done: '已办结', overdue: '异地代办超期（督办）' }

const load = (f: Filter): Promise<AssistanceView[]> => (f === 'overdue' ? staffAssistanceApi.overdue() : staffAssistanceApi.list(f))

/**
 * 帮办代办 of the hall: take a request as its helper (首问负责), mark it done (its helper or a
 * supervisor); 异地代办 past 7 working days for the supervisor.
 */
export default function StaffAssistance() {
  const [filter, setFilter] = useState<Filter>('requested')
  const { list, user } = useStaffList(() => load(filter).then(onePage), [filter])
  const [busy, whileBusy] = useBusy()
  const takeOn = (r: AssistanceView) =>
    whileBusy(async () => {
      if (!user) return
      await staffAssistanceApi.assign(r.id, user.id)
      toast('已由您负责帮办', 'success')
      list.reload()
    }, (e) => toast(errorMessage(e)))
  const finish = (r: AssistanceView) =>
    whileBusy(async () => {
      await staffAssistanceApi.done(r.id)
      toast('已办结，申请人可评价本次帮办', 'success')
      list.reload()
    }, (e) => toast(errorMessage(e)))
  // the helper of a request, or a supervisor, marks it done
  const mayFinish = (r: AssistanceView) => r.status === 'assigned' && !!user && (holds(user.roles, 'supervisor') || r.helperId === user.id)

  return (
    <StaffListPage
      title='帮办代办'
      list={list}
      emptyText='没有符合条件的申请'
      head={<Segmented label='申请状态' value={filter} options={FILTERS} onChange={setFilter} />}
      renderItem={(r) => (
        <View key={r.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>{`${ASSISTANCE_KIND_LABELS[r.kind]} · ${r.serviceName}`}</Text>
            <StatusTag tone={r.overdue && r.status !== 'done' ? 'danger' : r.status === 'requested' ? 'warning' : 'success'}>
              {r.overdue && r.status !== 'done' ? '已超期' : ASSISTANCE_STATUS_LABELS[r.status]}
            </StatusTag>
          </View>
          <Text className='st-line'>{`申请人 ${r.applicantName ?? '—'} · ${fullDateTime(r.createdAt)}${r.dueBy ? ` · 应于 ${fullDateTime(r.dueBy)} 前办结` : ''}`}</Text>
          {r.note ? <Text className='st-text'>{r.note}</Text> : null}
          {r.helper ? <Text className='st-line'>{`帮办专员：${r.helper.name}`}</Text> : null}
          {r.doneAt ? <Text className='st-line'>{`办结于 ${fullDateTime(r.doneAt)}${r.overdue ? '（超期办结）' : ''}`}</Text> : null}
          {mayFinish(r) ? (
            <ButtonRow className='st-actions'>
              <Button size='small' type='primary' loading={busy} onClick={() => void finish(r)}>
                办结
              </Button>
            </ButtonRow>
          ) : null}
          {r.status === 'requested' && user?.roles.includes('staff') ? (
            <ButtonRow className='st-actions'>
              <Button size='small' type='primary' loading={busy} onClick={() => void takeOn(r)}>
                由我帮办
              </Button>
            </ButtonRow>
          ) : null}
        </View>
      )}
    />
  )
}
