import { useFormErrors } from '@/hooks/useFormErrors'
import FormError from '@/components/FormError'
import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CalendarDay, Slot } from '@gov/shared'
import Button from '@/components/AppButton'
import ActingBar, { useActingWho } from '@/components/ActingBar'
import AppPage from '@/components/AppPage'
import AudienceNotice, { useAudienceBlock } from '@/components/AudienceNotice'
import HallPicker, { initialHallId } from '@/components/HallPicker'
import PageState from '@/components/PageState'
import SignInGate from '@/components/SignInGate'
import Tappable from '@/components/Tappable'
import { bookingApi } from '@/api/booking'
import { catalogApi } from '@/api/catalog'
import { isApiError } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { useBookingHorizon } from '@/hooks/useBookingHorizon'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { acting, useActingFor } from '@/store/acting'
import { useSession } from '@/store/session'
import { toast } from '@/utils/nav'
import { addDays, dateLabel, shanghaiDate, shanghaiTime } from '@/utils/time'
import DayGrid, { type DayCell } from '@/subpackages/booking/components/DayGrid'
import EligibilityBanner from '@/subpackages/booking/components/EligibilityBanner'
import { useBusy } from '@/hooks/useBusy'
import '@/subpackages/booking/components/booking.scss'
import './index.scss'


export default function Book() {
  const { params } = useRouter()
  const serviceId = params.serviceId ?? ''
  const { accessToken, user } = useSession()
  // 为谁办理: the booking is made for this company or principal (null: oneself)
  const onBehalfOf = useActingFor()
  const who = useActingWho()
  const guide = useAsync(() => catalogApi.guide(serviceId), [serviceId], !!serviceId)
  const eligibility = useAsync(() => bookingApi.eligibility(), [accessToken], !!accessToken)
  // 重新预约 opens this page at the hall of the earlier booking
  const [hallId, setHallId] = useState<string | null>(params.hallId || null)
  const [day, setDay] = useState<string | null>(null)
  const [slotId, setSlotId] = useState<string | null>(null)
  const [busy, whileBusy] = useBusy()
  // a refusal (e.g. 该时段已约满) goes once the hall, day or slot changes
  const errors = useFormErrors()
  useEffect(() => errors.changed(), [hallId, day, slotId])

  const horizon = useBookingHorizon()
  const today = shanghaiDate()
  // the server offers today and the next `days` days (BOOKING_HORIZON_DAYS 14 → today through today + 14)
  const last = addDays(today, horizon.days)

  // several halls: the user chooses (a hallId in the link, or a single hall, is taken as chosen)
  useEffect(() => {
    if (!hallId && guide.data) setHallId(initialHallId(guide.data.halls, params.hallId))
  }, [guide.data])

  const days = useAsync(
    async () => {
      const [calendar, slots] = await Promise.all([
        catalogApi.calendar(today, last).catch(() => [] as CalendarDay[]),
        bookingApi.slots(serviceId, hallId!, today, last),
      ])
      return { calendar, slots }
    },
    [serviceId, hallId, horizon.days],
    !!serviceId && !!hallId && horizon.ready,
  )

  const cells: DayCell[] = useMemo(() => {
    const byDay = new Map<string, Slot[]>()
    for (const s of days.data?.slots ?? []) {
      const d = shanghaiDate(s.start)
      byDay.set(d, [...(byDay.get(d) ?? []), s])
    }
    const cal = new Map((days.data?.calendar ?? []).map((c) => [c.date, c]))
    const out: DayCell[] = []
    for (let i = 0; i <= horizon.days; i++) {
      const date = addDays(today, i)
      const slots = byDay.get(date) ?? []
      const c = cal.get(date)
      if (slots.length > 0) out.push({ date, state: slots.some((s) => s.remaining > 0) ? 'open' : 'full' })
      else if (c && !c.workday) out.push({ date, state: 'closed', name: c.name })
      else out.push({ date, state: 'none' })
    }
    return out
  }, [days.data, today, horizon.days])

  // pick the first open day once slots arrive
  useEffect(() => {
    if (!day || !cells.some((c) => c.date === day && (c.state === 'open' || c.state === 'full'))) {
      const first = cells.find((c) => c.state === 'open') ?? cells.find((c) => c.state === 'full')
      setDay(first ? first.date : null)
      setSlotId(null)
    }
  }, [cells, day])

  const slotsOfDay = (days.data?.slots ?? []).filter((s) => day && shanghaiDate(s.start) === day)
  const slot = slotsOfDay.find((s) => s.id === slotId) ?? null
  const hall = guide.data?.halls.find((h) => h.id === hallId) ?? null
  const forfeited = !!eligibility.data?.forfeited
  // the service is not for whom the user acts now (AUDIENCE_MISMATCH): say why and offer no slot
  const blocked = !!useAudienceBlock(guide.data?.audience)

  const reload = () => {
    guide.reload()
    if (accessToken) eligibility.reload()
    if (hallId) days.reload()
  }
  usePullRefresh(reload)

  const joinWaitlist = async (s: Slot) => {
    try {
      const r = await bookingApi.joinWaitlist(s.id, serviceId)
      Taro.showModal({
        title: '已加入候补',
        content: `您排在第 ${r.position} 位。有人取消时会通知您，请在规定时间内确认。`,
        showCancel: false,
      })
    } catch (e) {
      errors.failWith(e)
    }
  }

  const confirm = async () => {
    if (!slot) return
    await whileBusy(async () => {
      const booking = await bookingApi.book(slot.id, serviceId, onBehalfOf)
      // made in that name: the next errand starts from 本人 again
      acting.done()
      errors.clear()
      toast('预约成功', 'success')
      // fresh=1: the detail page offers 开启提醒 (subscribe messages are asked for on that tap only)
      Taro.redirectTo({ url: withQuery(CITIZEN_ROUTES.booking, { id: booking.id, fresh: 1 }) })
    }, (e) => {
      errors.failWith(e)
      if (isApiError(e) && (e.code === 'SLOT_FULL' || e.code === 'SLOT_NOT_BOOKABLE' || e.code === 'HALL_CLOSED')) days.reload()
      if (isApiError(e) && e.code === 'BOOKING_FORFEITED') eligibility.reload()
    })
  }

  return (
    <AppPage className='book'>
      <PageState of={guide} loading={guide.loading} notFound={!serviceId} notFoundText='缺少事项编号'>
        {(g) => (
          <View>
            <Text className='book__service'>{g.name}</Text>
            <SignInGate purpose='预约办理' verified>
              <ActingBar />
              <AudienceNotice audience={g.audience} />
              {eligibility.data ? <EligibilityBanner e={eligibility.data} /> : null}
              {eligibility.error ? (
                <View className='card'>
                  <PageState error={eligibility.error} onRetry={eligibility.reload} />
                </View>
              ) : null}

              <View className='section-title'>1. 选择办理大厅</View>
              <View className='card'>
                <HallPicker
                  halls={g.halls}
                  value={hallId}
                  onChange={(id) => {
                    setHallId(id)
                    setDay(null)
                    setSlotId(null)
                  }}
                />
              </View>

              {hallId && !blocked ? (
                <>
                  <View className='section-title'>2. 选择日期</View>
                  <View className='card'>
                    <PageState loading={days.loading} error={days.error} onRetry={days.reload}>
                      <DayGrid
                        days={cells}
                        value={day}
                        onChange={(d) => {
                          setDay(d)
                          setSlotId(null)
                        }}
                      />
                      <View className='legend' aria-hidden>
                        <Text>
                          <Text className='legend__dot' style={{ background: '#d1fae5' }} />
                          可约
                        </Text>
                        <Text>
                          <Text className='legend__dot' style={{ background: '#fef3c7' }} />
                          约满（可候补）
                        </Text>
                        <Text>
                          <Text className='legend__dot' style={{ background: '#f3f4f6' }} />
                          休息/无号
                        </Text>
                      </View>
                    </PageState>
                  </View>

                  <View className='section-title'>3. 选择时段{day ? `（${dateLabel(day)}）` : ''}</View>
                  <View className='card'>
                    {!days.loading && !days.error ? (
                      <PageState empty={!day || slotsOfDay.length === 0} emptyText={`近 ${horizon.days} 天暂无可预约时段`} emptyHint='可申请错时/预约办，或稍后再来看看'>
                        {slotsOfDay.map((s) => {
                          const full = s.remaining <= 0
                          const label = `${shanghaiTime(s.start)}–${shanghaiTime(s.end)}`
                          return (
                            <View key={s.id} className='slot'>
                              <View>
                                <Text className='slot__time'>{label}</Text>
                                <Text className={`slot__left ${full ? 'slot__left--full' : ''}`}>
                                  {full ? '已约满' : `余 ${s.remaining} 个号`}
                                </Text>
                              </View>
                              {full ? (
                                <Button size='small' fill='outline' type='primary' disabled={forfeited} onClick={() => void joinWaitlist(s)}>
                                  候补
                                </Button>
                              ) : (
                                <Button
                                  size='small'
                                  type='primary'
                                  fill={s.id === slotId ? 'solid' : 'outline'}
                                  disabled={forfeited}
                                  aria-label={`${s.id === slotId ? '已选' : '选择'} ${label}`}
                                  onClick={() => setSlotId(s.id)}
                                >
                                  {s.id === slotId ? '已选' : '选择'}
                                </Button>
                              )}
                            </View>
                          )
                        })}
                      </PageState>
                    ) : null}
                  </View>
                  <Tappable
                    className='book__offhours'
                    onTap={() => Taro.navigateTo({ url: withQuery(CITIZEN_ROUTES.offhoursNew, { serviceId, hallId }) })}
                  >
                    <Text>工作时间来不了？申请错时/预约办</Text>
                  </Tappable>
                </>
              ) : null}

              <View className='book__confirm'>
                <FormError message={errors.form} />
                <Text className='book__who'>{`将为 ${who} 预约`}</Text>
                {slot && hall ? (
                  <Text className='book__summary'>
                    {hall.name} · {dateLabel(shanghaiDate(slot.start))} {shanghaiTime(slot.start)}–{shanghaiTime(slot.end)}
                  </Text>
                ) : (
                  <Text className='book__summary muted'>
                    {blocked ? '该事项不能以当前身份预约' : forfeited ? '预约资格已暂停，暂不能预约' : !hall ? '请先选择办理大厅' : '请选择日期和时段'}
                  </Text>
                )}
                <Button block type='primary' size='large' disabled={!slot || forfeited || blocked || !user?.verified} loading={busy} onClick={confirm}>
                  确认预约
                </Button>
              </View>
            </SignInGate>
          </View>
        )}
      </PageState>
    </AppPage>
  )
}
