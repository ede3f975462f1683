import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CONTACT_OUTCOME_LABELS, type ContactOutcome } from '@gov/shared'
import Button from '@/components/AppButton'
import ButtonRow from '@/components/ButtonRow'
import ReasonDialog from '@/components/ReasonDialog'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import { errorMessage } from '@/api/client'
import { staffApi, type StaffBookingView } from '@/api/staff'
import { callPhone } from '@/platform'
import { toast } from '@/utils/nav'
import { fullDateTime, shanghaiTime } from '@/utils/time'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'
import './index.scss'

/** A late booking nobody has phoned yet. */
const awaitsCall = (b: StaffBookingView): boolean => !b.contact

type Reached = 'yes' | 'no'
const REACHED: Array<{ value: Reached; label: string }> = [
  { value: 'yes', label: '已接通' },
  { value: 'no', label: '未接通' },
]
const WHEN_REACHED: ContactOutcome[] = ['coming', 'reschedule', 'gave_up']

/** The dialog that records one call: reached or not, what the applicant said, a note. */
function ContactDialog({ booking, onClose, onDone }: { booking: StaffBookingView | null; onClose: () => void; onDone: () => void }) {
  const [reached, setReached] = useState<Reached>('yes')
  const [outcome, setOutcome] = useState<ContactOutcome>('coming')
  return (
    <ReasonDialog
      visible={!!booking}
      title='记录联系结果'
      label='备注'
      minLength={0}
      placeholder='如：在路上，10 分钟后到'
      confirmText='保存'
      description={
        reached === 'no'
          ? booking?.contactRequired
            ? '未接通：本大厅规定联系不上才计爽约，超过宽限时间后保存，该预约即计入其爽约次数。'
            : '未接通：记录在案；爽约按本大厅规定在宽限时间后计入。'
          : outcome === 'coming'
            ? '仍将前来：今天到厅取号即可签到办理，不计爽约。'
            : '预约将按申请人的答复取消，不计爽约，号源释放给其他人。'
      }
      onConfirm={async (note) => {
        if (!booking) return
        await staffApi.contact(booking.id, { reached: reached === 'yes', outcome: reached === 'yes' ? outcome : 'none', ...(note ? { note } : {}) })
        toast('已记录', 'success')
        onDone()
      }}
      onClose={onClose}
    >
      <Segmented label='是否接通' value={reached} options={REACHED} onChange={setReached} />
      {reached === 'yes' ? (
        <Segmented label='联系结果' value={outcome} options={WHEN_REACHED.map((o) => ({ value: o, label: CONTACT_OUTCOME_LABELS[o] }))} onChange={setOutcome} />
      ) : null}
    </ReasonDialog>
  )
}

/**
 * 迟到电话 (罗山 预约办 四.2: call a late applicant before counting them absent): today's bookings past
 * their grace that do not count yet, one tap to dial (the full number is revealed, audited), and the
 * outcome recorded. Those already called are listed below with what was heard.
 */
export default function StaffLateCalls() {
  const { list, items } = useStaffList(() => staffApi.lateBookings({ page: 1, pageSize: 100 }), [])
  const [target, setTarget] = useState<StaffBookingView | null>(null)
  const [dialing, setDialing] = useState<string | null>(null)

  const dial = async (b: StaffBookingView) => {
    setDialing(b.id)
    try {
      const full = await staffApi.revealBookingApplicant(b.id)
      if (!full.phone) throw new Error('该申请人没有登记手机号')
      await callPhone(full.phone)
    } catch (e) {
      toast(errorMessage(e))
    } finally {
      setDialing(null)
    }
  }

  const pending = items.filter(awaitsCall)
  const called = items.filter((b) => !!b.contact)
  return (
    <StaffListPage
      title='迟到电话'
      list={list}
      items={pending}
      emptyText='没有待联系的迟到预约'
      head={
        <View className='card'>
          <Text className='st-text'>已过预约时间仍未签到的预约。需先电话联系的大厅：联系不上才计爽约；联系上的不计爽约，仍可今天到厅取号办理。</Text>
        </View>
      }
      renderItem={(b) => (
        <View key={b.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>
              {shanghaiTime(b.start)} {b.applicant.name ?? '申请人'}
            </Text>
            <StatusTag tone='warning'>{b.status === 'no_show' ? '超时待联系' : '已过预约时间'}</StatusTag>
          </View>
          <Text className='st-line'>{b.serviceName}</Text>
          <Text className='st-line'>手机号 {b.applicant.phone ?? '—'}</Text>
          <ButtonRow className='st-actions' align='end'>
            <Button size='small' type='primary' loading={dialing === b.id} aria-label={`拨打电话 ${b.applicant.name ?? '申请人'}`} onClick={() => void dial(b)}>
              拨打电话
            </Button>
            <Button size='small' type='primary' fill='outline' aria-label={`记录结果 ${b.applicant.name ?? '申请人'}`} onClick={() => setTarget(b)}>
              记录结果
            </Button>
          </ButtonRow>
        </View>
      )}
      footer={
        called.length > 0 ? (
          <View className='st-late__called'>
            <Text className='st-item__title'>今天已联系</Text>
            {called.map((b) => (
              <Text key={b.id} className='st-line'>
                {shanghaiTime(b.start)} {b.applicant.name ?? '申请人'} · {b.contact!.reached ? '已接通' : '未接通'} · {CONTACT_OUTCOME_LABELS[b.contact!.outcome]} · {fullDateTime(b.contact!.at)}
                {b.contact!.note ? ` · ${b.contact!.note}` : ''}
                {b.noShow?.counts ? ' · 已计爽约' : ' · 不计爽约'}
              </Text>
            ))}
          </View>
        ) : null
      }
    >
      <ContactDialog booking={target} onClose={() => setTarget(null)} onDone={list.reload} />
    </StaffListPage>
  )
}
