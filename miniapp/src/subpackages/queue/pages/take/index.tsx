import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { LINKS, TICKET_LANE_LABELS, TICKET_STATUS_LABELS } from '@gov/shared'
import Button from '@/components/AppButton'
import SignedInPage from '@/components/SignedInPage'
import FormError from '@/components/FormError'
import FormField from '@/components/FormField'
import HallPicker from '@/components/HallPicker'
import PageState from '@/components/PageState'
import ServicePick, { type PickedService } from '@/components/ServicePick'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { bookingApi } from '@/api/booking'
import { catalogApi } from '@/api/catalog'
import { queueApi } from '@/api/queue'
import { useAsync } from '@/hooks/useAsync'
import { useFormErrors } from '@/hooks/useFormErrors'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { PlatformUnsupportedError, scanCode, supportsScanCode } from '@/platform'
import { useSession } from '@/store/session'
import { openPage, toast } from '@/utils/nav'
import { shanghaiDate, shanghaiTime } from '@/utils/time'
import { readPoster } from '@/utils/queue-text'
import '@/subpackages/queue/queue.scss'
import './index.scss'

type Field = 'hallCode' | 'reason' | 'service'

/** Tickets still to be served (shown at the top: tapping one opens its live page). */
const OPEN = ['waiting', 'called', 'serving', 'skipped']

/**
 * 取号: in the hall, with the day's code from the QR poster (scanned in mini-programs, typed on
 * H5). From a booking of today (`bookingId`): the booking is checked in and the ticket goes in the
 * appointment lane. 老弱病残孕 may ask for the green lane with a reason (staff confirm).
 */
export default function TakeTicket() {
  const { params } = useRouter()
  const bookingId = params.bookingId || ''
  const { accessToken } = useSession()
  const signedIn = !!accessToken

  const booking = useAsync(() => bookingApi.get(bookingId), [bookingId, accessToken], !!bookingId && signedIn)
  const halls = useAsync(() => catalogApi.halls(), [])
  const mine = useAsync(() => queueApi.mine(), [accessToken], signedIn)
  useReloadOnShow(mine.reload, signedIn)

  const [hallId, setHallId] = useState<string | null>(params.hallId || null)
  const [hallCode, setHallCode] = useState(params.hallCode || '')
  const [service, setService] = useState<PickedService | null>(null)
  const [green, setGreen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const errors = useFormErrors<Field>()

  const b = booking.data
  // a booking fixes the hall and the service
  useEffect(() => {
    if (b) {
      setHallId(b.hallId)
      setService({ id: b.serviceId, name: b.serviceName })
    }
  }, [b])

  const scan = async () => {
    errors.changed('hallCode')
    try {
      const poster = readPoster(await scanCode())
      if (!poster) {
        errors.set({ hallCode: '这不是大厅的取号二维码，请扫描大厅张贴的取号码' })
        return
      }
      setHallCode(poster.hallCode)
      if (poster.hallId && !b) setHallId(poster.hallId)
    } catch (e) {
      if (e instanceof PlatformUnsupportedError) errors.set({ hallCode: e.message })
      // the user closed the scanner: nothing to say
    }
  }

  const take = async () => {
    const code = readPoster(hallCode)
    const problems: Partial<Record<Field, string>> = {}
    if (!code) problems.hallCode = '请扫描或输入大厅取号码（见大厅张贴的二维码海报）'
    if (!service) problems.service = '请选择要办理的事项'
    if (green && reason.trim().length < 2) problems.reason = '请说明申请绿色通道的原因'
    if (!hallId) {
      errors.fail('请选择所在的办事大厅')
      return
    }
    if (Object.keys(problems).length) {
      errors.set(problems)
      return
    }
    setBusy(true)
    try {
      const ticket = await queueApi.take(hallId, {
        serviceId: service!.id,
        hallCode: code!.hallCode,
        ...(b ? { bookingId: b.id } : {}),
        ...(green ? { green: { reason: reason.trim() } } : {}),
      })
      errors.clear()
      toast(`已取号 ${ticket.number}`, 'success')
      Taro.redirectTo({ url: LINKS.ticket(ticket.id) })
    } catch (e) {
      errors.failWith(e, ['hallCode'])
    } finally {
      setBusy(false)
    }
  }

  const open = (mine.data ?? []).filter((t) => OPEN.includes(t.status))
  const today = shanghaiDate()
  const bookingToday = b ? shanghaiDate(b.start) === today : true

  return (
    <SignedInPage className='take' purpose='取号'>
      {open.length > 0 ? (
        <>
          <View className='section-title'>今天的号</View>
          <View className='card'>
            {open.map((t) => (
              <Tappable key={t.id} className='take__mine' onTap={() => openPage(LINKS.ticket(t.id))} label={`${t.number}，${TICKET_STATUS_LABELS[t.status]}，查看`}>
                <Text className='take__mine-number'>{t.number}</Text>
                <View className='take__mine-body'>
                  <Text className='take__mine-line'>{t.serviceName ?? ''}</Text>
                  <Text className='muted'>
                    {TICKET_LANE_LABELS[t.lane]} · {shanghaiTime(t.takenAt)} 取号
                  </Text>
                </View>
                <StatusTag tone={t.status === 'called' ? 'warning' : 'info'}>{TICKET_STATUS_LABELS[t.status]}</StatusTag>
              </Tappable>
            ))}
          </View>
        </>
      ) : null}

      <PageState loading={(!!bookingId && booking.loading) || halls.loading} error={booking.error ?? halls.error} onRetry={() => (booking.error ? booking.reload() : halls.reload())}>
        {b ? (
          <View className='card take__booking'>
            <Text className='take__booking-title'>凭预约取号</Text>
            <Text className='take__line'>
              {b.serviceName} · {shanghaiTime(b.start)}–{shanghaiTime(b.end)}
            </Text>
            <Text className='take__line'>{b.hallName}</Text>
            <Text className='muted'>取号即完成签到，进入预约通道优先叫号。</Text>
            {!bookingToday ? <Text className='take__warn'>这不是今天的预约，只能在预约当天到大厅取号。</Text> : null}
          </View>
        ) : (
          <>
            <View className='section-title'>1. 所在大厅</View>
            <View className='card'>
              <HallPicker halls={halls.data ?? []} value={hallId} onChange={(h) => { setHallId(h); errors.changed() }} />
            </View>
            <View className='section-title'>2. 办理事项</View>
            <View className='card'>
              <ServicePick {...errors.field('service', service, setService)} />
            </View>
          </>
        )}

        <View className='section-title'>{b ? '大厅取号码' : '3. 大厅取号码'}</View>
        <View className='card'>
          <Text className='muted take__hint'>取号码印在大厅的取号二维码海报上，每天更换，证明您已在大厅。</Text>
          {supportsScanCode ? (
            <Button className='btn-block' block type='primary' size='large' onClick={() => void scan()}>
              扫码取号
            </Button>
          ) : null}
          <FormField
            label='取号码'
            value={hallCode}
            onChange={(v) => {
              setHallCode(v.trim())
              errors.changed('hallCode')
            }}
            placeholder={supportsScanCode ? '扫不了码时手动输入' : '输入海报上的取号码'}
            maxlength={32}
            error={errors.of('hallCode')}
            onConfirm={() => void take()}
          />
        </View>

        <View className='card take__green'>
          <View className='take__green-row'>
            <View className='take__green-text'>
              <Text className='take__booking-title'>申请绿色通道</Text>
              <Text className='muted'>老、弱、病、残、孕可优先办理，窗口人员核实后生效。</Text>
            </View>
            <Switch
              aria-label='申请绿色通道'
              {...({ role: 'switch', 'aria-checked': green ? 'true' : 'false' } as object)}
              checked={green}
              onChange={(v: boolean) => {
                setGreen(v)
                errors.changed('reason')
              }}
            />
          </View>
          {green ? (
            <FormField label='申请原因' value={reason} onChange={(v) => { setReason(v); errors.changed('reason') }} placeholder='如：年满 70 周岁、孕妇、行动不便' maxlength={100} error={errors.of('reason')} />
          ) : null}
        </View>

        <View className='take__submit'>
          <FormError message={errors.form} />
          <Button block type='primary' size='large' loading={busy} disabled={!bookingToday} onClick={() => void take()}>
            {b ? '签到并取号' : '取号'}
          </Button>
        </View>
      </PageState>
    </SignedInPage>
  )
}
