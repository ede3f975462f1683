import { OFFHOURS_REFUSAL_REASON_LABELS, OFFHOURS_REFUSAL_REASONS, OFFHOURS_STATUS_LABELS, type OffhoursRefusalReason } from '@gov/shared'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import Segmented from '@/components/Segmented'
import Tappable from '@/components/Tappable'
import StatusTag, { type Tone } from '@/components/StatusTag'
import { request } from '@/api/client'
import { staffApi, type OffhoursView } from '@/api/staff'
import { dateLabel, fullDateTime, isoAt, shanghaiDate, shanghaiTime } from '@/utils/time'
import ReasonSheet from '@/subpackages/staff/components/ReasonSheet'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { onePage, useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import { holds } from '@/utils/duties'

type Filter = 'pending' | 'overdue' | 'confirmed' | 'refused' | 'expired' | 'all'

const STATUS: Record<OffhoursView['status'], { text: string; tone: Tone }> = {
  pending: { text: OFFHOURS_STATUS_LABELS.pending, tone: 'warning' },
  confirmed: { text: OFFHOURS_STATUS_LABELS.confirmed, tone: 'success' },
  refused: { text: OFFHOURS_STATUS_LABELS.refused, tone: 'danger' },
  cancelled: { text: OFFHOURS_STATUS_LABELS.cancelled, tone: 'muted' },
  expired: { text: OFFHOURS_STATUS_LABELS.expired, tone: 'muted' },
}

/** The refusal reasons as a single-choice list (罗山 预约办 七: none for a non-working day). */
function ReasonPicker({ value, onChange }: { value: OffhoursRefusalReason | null; onChange: (r: OffhoursRefusalReason) => void }) {
  return (
    <View className='oh-reasons' role='radiogroup' aria-label='拒绝原因'>
      {OFFHOURS_REFUSAL_REASONS.map((r) => (
        <Tappable key={r} className={`oh-reason ${value === r ? 'oh-reason--on' : ''}`} pressed={value === r} onTap={() => onChange(r)}>
          <Text>{value === r ? '● ' : '○ '}{OFFHOURS_REFUSAL_REASON_LABELS[r]}</Text>
        </Tappable>
      ))}
    </View>
  )
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * Off-hours requests of the hall: confirm with a time, a staff member and a note on the materials to
 * bring, or refuse with a reason from the list plus free text; each shows when it must be answered.
 */
export default function OffhoursView() {
  const [filter, setFilter] = useState<Filter>('pending')
  const { list, items, user } = useStaffList(
    async () => {
      // 超时未答复: the supervisor's list (pending past reply-by)
      const rows = filter === 'overdue' ? await staffApi.offhoursOverdue() : await staffApi.offhours(filter === 'all' ? undefined : filter)
      // the list carries service ids: name them from the public guides
      const ids = [...new Set(rows.map((r) => r.serviceId))]
      const names = new Map<string, string>()
      await Promise.all(
        ids.map((id) =>
          request<{ name: string }>('GET', `/api/services/${encodeURIComponent(id)}`, { auth: false })
            .then((g) => names.set(id, g.name))
            .catch(() => undefined),
        ),
      )
      return onePage(rows.map((r) => ({ ...r, serviceName: r.serviceName ?? names.get(r.serviceId) ?? '' })))
    },
    [filter],
  )
  const [confirming, setConfirming] = useState<OffhoursView | null>(null)
  const [refusing, setRefusing] = useState<OffhoursView | null>(null)
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [staffName, setStaffName] = useState('')
  const [materialsNote, setMaterialsNote] = useState('')
  const [reason, setReason] = useState<OffhoursRefusalReason | null>(null)

  const openConfirm = (r: OffhoursView) => {
    setStart(shanghaiTime(r.preferredStart))
    setEnd(shanghaiTime(r.preferredEnd))
    setStaffName(user?.name ?? '')
    setMaterialsNote('')
    setConfirming(r)
  }

  return (
    <StaffListPage
      title='错时预约'
      list={list}
      items={items}
      emptyText='没有符合条件的错时预约申请'
      head={
        <Segmented
          label='申请状态'
          value={filter}
          options={[
            { value: 'pending', label: '待确认' },
            // the supervisor's list (督办)
            ...(holds(user?.roles, 'supervisor') ? [{ value: 'overdue' as const, label: '超时未答复' }] : []),
            { value: 'confirmed', label: '已确认' },
            { value: 'refused', label: '已拒绝' },
            { value: 'expired', label: '已过期' },
            { value: 'all', label: '全部' },
          ]}
          onChange={setFilter}
        />
      }
      renderItem={(r) => (
        <View key={r.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>
              {dateLabel(shanghaiDate(r.preferredStart))} {shanghaiTime(r.preferredStart)}–{shanghaiTime(r.preferredEnd)}
            </Text>
            <StatusTag tone={STATUS[r.status].tone}>{STATUS[r.status].text}</StatusTag>
          </View>
          <Text className='st-line'>
            申请人 {r.applicantName ?? '—'}
            {r.serviceName ? ` · ${r.serviceName}` : ''} · 提交于 {fullDateTime(r.createdAt)}
          </Text>
          {r.note ? <Text className='st-text'>说明：{r.note}</Text> : null}
          {r.status === 'pending' && r.replyBy ? (
            <View className='oh-reply'>
              <Text className='st-line'>请于 {fullDateTime(r.replyBy)} 前答复</Text>
              {r.overdue ? <StatusTag tone='danger'>已超时未答复</StatusTag> : null}
            </View>
          ) : null}
          {r.staffName ? <Text className='st-line'>接待人员：{r.staffName}</Text> : null}
          {r.materialsNote ? <Text className='st-line'>另需携带：{r.materialsNote}</Text> : null}
          {r.refuseReason ? <Text className='st-line'>拒绝原因：{r.refuseReason}</Text> : null}
          {r.status === 'pending' && (
            <ButtonRow className='st-actions'>
              <Button size='small' type='primary' onClick={() => openConfirm(r)}>
                确认
              </Button>
              <Button size='small' type='danger' fill='outline' onClick={() => {
                setReason(null)
                setRefusing(r)
              }}>
                拒绝
              </Button>
            </ButtonRow>
          )}
        </View>
      )}
    >
      <ReasonSheet
        target={confirming}
        title='确认错时预约'
        description={confirming ? `${dateLabel(shanghaiDate(confirming.preferredStart))}，确认后生成预约并通知申请人；通知会列出办事指南中的材料和下面的补充说明。` : ''}
        confirmText='确认'
        onDecide={async (r) => {
          if (!HHMM.test(start) || !HHMM.test(end)) throw new Error('时间格式为 HH:mm，例如 18:30')
          if (end <= start) throw new Error('结束时间应晚于开始时间')
          if (!staffName.trim()) throw new Error('请填写接待人员姓名')
          const day = shanghaiDate(r.preferredStart)
          const note = materialsNote.trim()
          await staffApi.confirmOffhours(r.id, { start: isoAt(day, start), end: isoAt(day, end), staffName: staffName.trim(), ...(note ? { materialsNote: note } : {}) })
        }}
        done='已确认'
        onDone={list.reload}
        onClose={() => setConfirming(null)}
      >
        <FormField label='开始时间' value={start} onChange={setStart} placeholder='HH:mm' maxlength={5} />
        <FormField label='结束时间' value={end} onChange={setEnd} placeholder='HH:mm' maxlength={5} />
        <FormField label='接待人员' value={staffName} onChange={setStaffName} placeholder='姓名' maxlength={64} />
        <FormField label='材料补充说明（选填）' value={materialsNote} onChange={setMaterialsNote} placeholder='如：另带户口本原件' maxlength={500} multiline />
      </ReasonSheet>
      <ReasonSheet
        target={refusing}
        title='拒绝错时预约'
        label='补充说明（选“其他原因”时必填）'
        minLength={0}
        description='请选择原因。按规定不能以非工作日为由拒绝；申请人会收到原因和说明。'
        confirmText='拒绝'
        danger
        onDecide={(r, note) => {
          if (!reason) throw new Error('请选择拒绝原因')
          if (reason === 'other' && !note) throw new Error('选择“其他原因”时请写明理由')
          return staffApi.refuseOffhours(r.id, { reason, ...(note ? { note } : {}) })
        }}
        done='已拒绝'
        doneIcon='none'
        onDone={list.reload}
        onClose={() => setRefusing(null)}
      >
        <ReasonPicker value={reason} onChange={setReason} />
      </ReasonSheet>
    </StaffListPage>
  )
}
