import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BOOKING_STATUS_LABELS, type BookingStatus } from '@gov/shared'
import Button from '@/components/AppButton'
import FormError from '@/components/FormError'
import FormField from '@/components/FormField'
import PrivacySheet from '@/components/PrivacySheet'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import { staffApi, type StaffBookingView } from '@/api/staff'
import { useFormErrors } from '@/hooks/useFormErrors'
import { PlatformUnsupportedError, scanCode, supportsScanCode } from '@/platform'
import { fullDateTime, shanghaiTime } from '@/utils/time'
import { toast } from '@/utils/nav'
import ApplicantInfo from '@/subpackages/staff/components/ApplicantInfo'
import BookingItem from '@/subpackages/staff/components/BookingItem'
import DayPicker, { dayParam } from '@/subpackages/staff/components/DayPicker'
import ExportButton from '@/components/ExportButton'
import ReasonSheet from '@/subpackages/staff/components/ReasonSheet'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { useStaffList } from '@/subpackages/staff/components/useStaffList'
import { useBusy } from '@/hooks/useBusy'
import '@/subpackages/staff/staff.scss'
import './index.scss'

type Filter = 'all' | BookingStatus

const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  ...(['booked', 'checked_in', 'no_show', 'no_show_waived', 'cancelled', 'cancelled_by_centre'] as const).map((value) => ({ value, label: BOOKING_STATUS_LABELS[value] })),
]

type Pending = { kind: 'no_show' | 'waive' | 'reinstate' | 'cancel'; booking: StaffBookingView }

/** Why 记为爽约 is not offered yet: the grace period after the start (the server's NO_SHOW_GRACE_MINUTES). */
function noShowHint(b: StaffBookingView): string {
  const start = b.start ?? b.slot.start
  const grace = Math.round((Date.parse(b.noShowFrom) - Date.parse(start)) / 60_000)
  return `开始后 ${grace} 分钟可记爽约（${shanghaiTime(b.noShowFrom)} 起）`
}

/** The hall's bookings of a day: check in by scanning or typing the code, no-shows, waivers, reinstatement. */
export default function StaffBookings() {
  const asked = useRouter().params.date
  const [date, setDay] = useState(dayParam(asked))
  const [filter, setFilter] = useState<Filter>('all')
  const { list } = useStaffList((p) => staffApi.bookings({ date, status: filter === 'all' ? undefined : filter }, p), [date, filter])

  const [code, setCode] = useState('')
  const [checking, whileChecking] = useBusy()
  // the check-in's message (e.g. 不是今天的预约): goes when the code changes, on 刷新, another day, or a check-in that works
  const errors = useFormErrors()
  const setDate = (d: string) => {
    setDay(d)
    errors.clear()
  }
  const [checked, setChecked] = useState<StaffBookingView | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)

  const checkIn = async (raw: string) => {
    const c = raw.trim()
    setChecked(null)
    if (c.length < 4) {
      errors.fail('请输入预约签到码')
      return
    }
    await whileChecking(async () => {
      const b = await staffApi.checkIn(c)
      errors.clear()
      setChecked(b)
      setCode('')
      toast('签到成功', 'success')
      list.reload()
    }, (e) => errors.failWith(e))
  }

  const scan = async () => {
    errors.clear()
    try {
      const result = await scanCode()
      setCode(result)
      await checkIn(result)
    } catch (e) {
      if (e instanceof PlatformUnsupportedError) errors.fail(e.message)
      else if (e instanceof Error && /cancel/i.test(e.message)) return
      else errors.failWith(e)
    }
  }

  const dialog = pending
    ? pending.kind === 'no_show'
      ? { title: '记为爽约', label: undefined, description: `确认 ${pending.booking.applicant.name ?? '申请人'} ${shanghaiTime(pending.booking.start ?? pending.booking.slot.start)} 的预约未到？记为爽约后计入其爽约次数。`, confirm: '记为爽约', danger: true }
      : pending.kind === 'cancel'
        ? { title: '中心取消预约', label: '取消原因', description: `因大厅原因取消 ${pending.booking.applicant.name ?? '申请人'} ${shanghaiTime(pending.booking.start ?? pending.booking.slot.start)} 的预约：不计爽约，申请人会收到原因和就近可约时段。`, confirm: '取消预约', danger: true }
      : pending.kind === 'waive'
        ? { title: '豁免爽约', label: '豁免原因', description: '豁免后该次爽约不再计入预约记录。操作会记入审计日志。', confirm: '豁免', danger: false }
        : { title: '恢复预约资格', label: '恢复原因', description: `恢复 ${pending.booking.applicant.name ?? '申请人'} 的预约资格，此前的爽约次数清零重新计算。操作会记入审计日志。`, confirm: '恢复资格', danger: false }
    : null

  return (
    <StaffListPage
      title='预约签到'
      list={list}
      emptyText='这一天没有符合条件的预约'
      onRefresh={errors.clear}
      head={
        <>
          <View className='card'>
            <View className='st-checkin'>
              <FormField
                label='签到码'
                value={code}
                onChange={(v) => {
                  setCode(v.toUpperCase())
                  errors.changed()
                }} placeholder='输入或扫描预约签到码' maxlength={20} onConfirm={() => void checkIn(code)} />
              <Button type='primary' loading={checking} onClick={() => void checkIn(code)}>
                签到
              </Button>
              {supportsScanCode && (
                <Button type='primary' fill='outline' onClick={() => void scan()}>
                  扫码签到
                </Button>
              )}
            </View>
            <FormError message={errors.form} />
            {checked ? (
              <>
                <View className='st-checkin__result' role='status'>
                  已签到：{checked.applicant.name ?? '申请人'} · {checked.serviceName ?? ''} · {shanghaiTime(checked.start ?? checked.slot.start)}
                </View>
                <ApplicantInfo key={checked.id} applicant={checked.applicant} reveal={() => staffApi.revealBookingApplicant(checked.id)} />
              </>
            ) : null}
          </View>

          <DayPicker date={date} onChange={setDate} />
          <Segmented label='预约状态' value={filter} options={FILTERS} onChange={setFilter} />
          <View className='st-export'>
            <ExportButton path={staffApi.exports.bookings(date)} fileName={`预约签到-${date}.xlsx`} label='导出当天预约' />
          </View>
        </>
      }
      footer={list.data && <Text className='st-line'>共 {list.data.total} 条 · 更新于 {fullDateTime(new Date().toISOString())}</Text>}
      renderItem={(b) => (
        <BookingItem
          key={b.id}
          booking={b}
          title={`${shanghaiTime(b.start ?? b.slot.start)} ${b.applicant.name ?? '申请人'}`}
          tags={b.kind === 'offhours' ? <StatusTag tone='warning'>错时</StatusTag> : null}
          lines={<Text className='st-line'>{b.serviceName ?? ''}</Text>}
        >
          {b.status === 'booked' && (
            <>
              <Button size='small' type='primary' onClick={() => void checkIn(b.code)}>
                签到
              </Button>
              <Button size='small' type='danger' fill='outline' aria-label={`中心取消 ${b.applicant.name ?? '申请人'} 的预约`} onClick={() => setPending({ kind: 'cancel', booking: b })}>
                中心取消
              </Button>
              {b.canMarkNoShow ? (
                <Button size='small' type='danger' fill='outline' onClick={() => setPending({ kind: 'no_show', booking: b })}>
                  记为爽约
                </Button>
              ) : (
                <Text className='st-hint'>{noShowHint(b)}</Text>
              )}
            </>
          )}
          {b.status === 'no_show' && (
            <Button size='small' type='primary' fill='outline' onClick={() => setPending({ kind: 'waive', booking: b })}>
              豁免爽约
            </Button>
          )}
          {(b.status === 'no_show' || b.status === 'no_show_waived') && (
            <Button size='small' type='primary' fill='outline' onClick={() => setPending({ kind: 'reinstate', booking: b })}>
              恢复预约资格
            </Button>
          )}
        </BookingItem>
      )}
    >
      <ReasonSheet
        target={pending}
        title={dialog?.title ?? ''}
        label={dialog?.label}
        description={dialog?.description}
        confirmText={dialog?.confirm}
        danger={dialog?.danger}
        onDecide={async (p, reason) => {
          if (p.kind === 'no_show') await staffApi.noShow(p.booking.id)
          else if (p.kind === 'cancel') await staffApi.cancelBooking(p.booking.id, reason)
          else if (p.kind === 'waive') await staffApi.waive(p.booking.id, reason)
          else await staffApi.reinstate(p.booking.applicant.userId, reason)
        }}
        done={(p) => (p.kind === 'no_show' ? '已记为爽约' : p.kind === 'cancel' ? '已取消，已通知申请人' : p.kind === 'waive' ? '已豁免' : '已恢复预约资格')}
        onDone={list.reload}
        onClose={() => setPending(null)}
      />
      <PrivacySheet />
    </StaffListPage>
  )
}
