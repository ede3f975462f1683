import { LINKS, type Slot } from '@gov/shared'
import Code from '@/components/Code'
import { createElement, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import SignedInPage from '@/components/SignedInPage'
import HallLocation from '@/components/HallLocation'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import SubscribeCard from '@/components/SubscribeCard'
import RateEntry from '@/components/RateEntry'
import StatusTag from '@/components/StatusTag'
import { bookingTag } from '@/subpackages/booking/components/tones'
import { bookingApi, type RatedBookingView } from '@/api/booking'
import { useAsync } from '@/hooks/useAsync'
import { useConfirmedBusy } from '@/hooks/useBusy'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { isH5 } from '@/platform'
import { useSession } from '@/store/session'
import { openPage, toast } from '@/utils/nav'
import { fullDateTime, shanghaiDate, slotLabel } from '@/utils/time'
import '@/subpackages/booking/components/booking.scss'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import { showFailure } from '@/utils/confirm'
import CentreCancelled from '@/subpackages/booking/components/CentreCancelled'
import SlotChooser from '@/subpackages/booking/components/SlotChooser'

/** Ended without being served: the code lets nobody in any more, and 重新预约 is offered. */
const ENDED_UNSERVED: string[] = ['cancelled', 'cancelled_by_centre', 'no_show', 'no_show_waived']

/** What became of a booking that is no longer waiting to be served (instead of its code). */
function outcome(b: RatedBookingView): string {
  const at = b.cancelledAt ? `于 ${fullDateTime(b.cancelledAt)} ` : ''
  switch (b.status as string) {
    case 'cancelled':
      return `您已${at}取消这次预约，签到码已作废。`
    case 'cancelled_by_centre':
      return `服务中心已${at}取消这次预约，签到码已作废，此次不计爽约。`
    case 'checked_in':
      return '您已签到办理。'
    case 'no_show':
      // the hall calls first (罗山 预约办 四.2): not counted until nobody could be reached
      if (b.noShow && !b.noShow.counts) {
        return b.noShow.contact?.reached
          ? '您已超过预约时间，大厅已与您联系，此次不计爽约；今天到厅后取号即可办理。'
          : '您已超过预约时间，大厅工作人员将电话联系您；今天到厅后取号仍可办理，暂不计爽约。'
      }
      return '未在预约时间签到，已记为爽约，签到码已作废。'
    case 'no_show_waived':
      return '未在预约时间签到，爽约已豁免，不计入记录。'
    default:
      return '这次预约已结束。'
  }
}

export default function BookingDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { accessToken } = useSession()
  const booking = useAsync(() => bookingApi.get(id), [id, accessToken], !!id && !!accessToken)
  const [cancelling, whileCancelling] = useConfirmedBusy()
  // 改约: the chooser is open; the slot being moved to
  const [rescheduling, setRescheduling] = useState(false)
  const [moving, setMoving] = useState<string | null>(null)
  usePullRefresh(booking.reload)

  const cancel = async () => {
    await whileCancelling({ title: '取消预约', content: '确定取消这次预约吗？取消后签到码作废，号源会释放给其他人。', confirmText: '确定取消', cancelText: '再想想' }, async () => {
      await bookingApi.cancel(id)
      toast('已取消预约', 'success')
      booking.reload()
    }, (e) => showFailure('取消失败', e))
  }

  const reschedule = async (slot: Slot) => {
    const ok = await Taro.showModal({ title: '确认改约', content: `改到 ${slotLabel(slot.start, slot.end)}？原时段将释放给其他人，签到码不变。`, confirmText: '确认改约', cancelText: '再想想' })
    if (!ok.confirm) return
    setMoving(slot.id)
    try {
      await bookingApi.reschedule(id, slot.id)
      toast('已改约', 'success')
      setRescheduling(false)
      booking.reload()
    } catch (e) {
      showFailure('改约失败', e)
    } finally {
      setMoving(null)
    }
  }

  const b = booking.data
  // past its grace where the hall calls first: not (yet) a no-show that counts
  const upcoming = b && b.status === 'booked' && new Date(b.start).getTime() > Date.now()
  // 取号 in the hall on the booking's day (the ticket checks the booking in)
  // (a late arrival too: it is checked in and served whatever the hall's no-show rule)
  const today = b && (b.status === 'booked' || b.status === 'no_show') && shanghaiDate(b.start) === shanghaiDate()
  return (
    <SignedInPage className='booking' purpose='查看预约'>
      <PageState of={booking} loading={booking.loading} notFound={!id} notFoundText='缺少预约编号'>
        {(b) => (
          <View>
            <View className='card booking__qr-card'>
              <View className='booking__status'>
                <StatusTag tone={bookingTag(b).tone}>{bookingTag(b).text}</StatusTag>
              </View>
              {b.status === 'booked' ? (
                <>
                  {b.qrImage ? (
                    isH5 ? (
                      createElement('img', { className: 'booking__qr', src: b.qrImage, alt: `签到二维码，签到码 ${b.code}` })
                    ) : (
                      <Image className='booking__qr' src={b.qrImage} mode='aspectFit' />
                    )
                  ) : null}
                  <Text className='booking__code-label'>签到码（到大厅后出示二维码或报此码）</Text>
                  <Code className='booking__code'>{b.code}</Code>
                </>
              ) : (
                <View className='booking__outcome' role='status'>
                  <Text>{outcome(b)}</Text>
                </View>
              )}
              <RateEntry targetType='booking' targetId={b.id} state={b} size='large' />
            </View>

            {b.status === 'cancelled_by_centre' ? <CentreCancelled booking={b} onStale={booking.reload} /> : null}

            <View className='card'>
              <KeyValue label='办理事项'>{b.serviceName}</KeyValue>
              <KeyValue label='预约时间'>{slotLabel(b.start, b.end)}</KeyValue>
              <KeyValue label='办理大厅'>{b.hallName}</KeyValue>
              <KeyValue label='大厅地址' block>
                <HallLocation name={b.hallName} address={b.hallAddress} latitude={b.hall?.latitude} longitude={b.hall?.longitude} />
              </KeyValue>
              <KeyValue label='预约类型'>{b.kind === 'offhours' ? '错时/预约办' : b.kind === 'registered' ? '电话/现场登记' : '窗口预约'}</KeyValue>
              {b.onBehalf ? <KeyValue label='代办'>此预约由代办人办理，爽约记入被代办人的记录</KeyValue> : null}
            </View>

            {params.fresh && b.status === 'booked' ? (
              <SubscribeCard keys={['booking_reminder', 'booking_result']} purpose='预约提醒' />
            ) : null}

            {b.status === 'booked' ? (
              <View className='info-box'>
                <Text>请在预约时间前到达并签到；未签到且超过宽限时间将记为爽约。不能前往请提前取消。</Text>
              </View>
            ) : null}


            {rescheduling && b.status === 'booked' ? (
              <>
                <View className='section-title'>改约到其他时段</View>
                <View className='card'>
                  <SlotChooser serviceId={b.serviceId} hallId={b.hallId} currentSlotId={b.slot?.id} actionText='改到此时段' busySlotId={moving} onPick={(s) => void reschedule(s)} />
                </View>
              </>
            ) : null}

            <ButtonRow className='booking__actions'>
              {today ? (
                <Button block type='primary' size='large' onClick={() => openPage(LINKS.takeTicket(b.hallId, b.id))}>
                  到厅取号
                </Button>
              ) : null}
              {upcoming ? (
                <Button block type='primary' fill={rescheduling ? 'solid' : 'outline'} size='large' onClick={() => setRescheduling((v) => !v)}>
                  {rescheduling ? '不改约了' : '改约'}
                </Button>
              ) : null}
              {upcoming ? (
                <Button block type='danger' fill='outline' size='large' loading={cancelling} onClick={cancel}>
                  取消预约
                </Button>
              ) : null}
              {ENDED_UNSERVED.includes(b.status) ? (
                <Button block type='primary' size='large' onClick={() => openPage(withQuery(CITIZEN_ROUTES.book, { serviceId: b.serviceId, hallId: b.hallId }))}>
                  重新预约
                </Button>
              ) : null}
              <Button block type='primary' fill='outline' size='large' onClick={() => openPage(CITIZEN_ROUTES.myBookings)}>
                我的预约
              </Button>
            </ButtonRow>
          </View>
        )}
      </PageState>
    </SignedInPage>
  )
}
