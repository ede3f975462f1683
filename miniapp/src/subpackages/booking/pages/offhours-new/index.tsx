import { useFormErrors } from '@/hooks/useFormErrors'
import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import TextArea from '@/components/TextArea'
import { type CalendarDay, minutesOf } from '@gov/shared'
import Button from '@/components/AppButton'
import ActingBar, { useActingWho } from '@/components/ActingBar'
import SignedInPage from '@/components/SignedInPage'
import AudienceNotice, { useAudienceBlock } from '@/components/AudienceNotice'
import HallPicker, { initialHallId } from '@/components/HallPicker'
import PageState from '@/components/PageState'
import Tappable from '@/components/Tappable'
import { bookingApi } from '@/api/booking'
import { catalogApi } from '@/api/catalog'
import { isApiError } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { acting, useActingFor } from '@/store/acting'
import { useSession } from '@/store/session'
import { toast } from '@/utils/nav'
import { addDays, dateLabel, isoAt, shanghaiDate, shanghaiTime } from '@/utils/time'
import EligibilityBanner from '@/subpackages/booking/components/EligibilityBanner'
import '@/subpackages/booking/components/booking.scss'
import '@/subpackages/booking/components/offhours.scss'

const WORKDAY_STARTS = ['07:00', '07:30', '08:00', '12:00', '12:30', '17:00', '17:30', '18:00', '18:30', '19:00']
const RESTDAY_STARTS = ['09:00', '10:00', '11:00', '14:00', '15:00', '16:00']
const DURATIONS = [30, 60, 90, 120]

function plusMinutes(hhmm: string, minutes: number): string {
  const t = minutesOf(hhmm) + minutes
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`
}

function Chip({ on, label, onTap }: { on: boolean; label: string; onTap: () => void }) {
  return (
    <Tappable className={`chip ${on ? 'chip--on' : ''}`} onTap={onTap} pressed={on}>
      <Text>{label}</Text>
    </Tappable>
  )
}

/** One choice among chips, with the field's error under it. */
function ChipGroup<T extends string | number>({ label, options, value, text, onPick, error }: { label: string; options: T[]; value: T | null; text: (v: T) => string; onPick: (v: T) => void; error?: string }) {
  return (
    <>
      <View className='chips' role='group' aria-label={label}>
        {options.map((o) => (
          <Chip key={o} on={o === value} label={text(o)} onTap={() => onPick(o)} />
        ))}
      </View>
      {error ? (
        <View className='form-error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
    </>
  )
}

/** The off-hours request form (错时/预约办); on success it opens the request's status screen. */
function RequestForm({ serviceId, linkHallId }: { serviceId: string; linkHallId?: string }) {
  const { accessToken } = useSession()
  // 为谁办理: the request is made for this company or principal (null: oneself)
  const onBehalfOf = useActingFor()
  const who = useActingWho()
  const guide = useAsync(() => catalogApi.guide(serviceId), [serviceId], !!serviceId)
  const eligibility = useAsync(() => bookingApi.eligibility(), [accessToken], !!accessToken)
  const today = shanghaiDate()
  const calendar = useAsync(() => catalogApi.calendar(addDays(today, 1), addDays(today, 30)).catch(() => [] as CalendarDay[]), [today])
  const [hallId, setHallId] = useState<string | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [start, setStart] = useState<string | null>(null)
  const [duration, setDuration] = useState(60)
  const [note, setNote] = useState('')
  /** the form's message, and the server's VALIDATION_FAILED on its field: preferredStart (开始时间) or preferredEnd (时长); a new choice clears them */
  const errors = useFormErrors<'preferredStart' | 'preferredEnd'>()
  const [deadline, setDeadline] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const blocked = !!useAudienceBlock(guide.data?.audience)
  usePullRefresh(() => {
    guide.reload()
    calendar.reload()
  })

  // several halls: the user chooses (the hall the booking page passes, or a single hall, is taken as chosen)
  useEffect(() => {
    if (!hallId && guide.data) setHallId(initialHallId(guide.data.halls, linkHallId))
  }, [guide.data])

  const days = useMemo(() => {
    const cal = new Map((calendar.data ?? []).map((c) => [c.date, c]))
    return Array.from({ length: 21 }, (_, i) => {
      const d = addDays(today, i + 1)
      const c = cal.get(d)
      return { date: d, workday: c ? c.workday : ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()), name: c?.name ?? null }
    })
  }, [calendar.data, today])
  const day = days.find((d) => d.date === date)
  const starts = day ? (day.workday ? WORKDAY_STARTS : RESTDAY_STARTS) : []
  // the hall's own opening hours decide what meets office hours: the server says so at the field
  const startError = errors.of('preferredStart') ?? ''
  const endError = errors.of('preferredEnd') ?? ''
  useEffect(() => {
    errors.clear()
    setDeadline(null)
  }, [hallId, date, start, duration])

  const submit = async () => {
    errors.clear()
    setDeadline(null)
    if (!hallId || !date || !start) {
      errors.fail('请选择大厅、日期和开始时间')
      return
    }
    setBusy(true)
    try {
      const r = await bookingApi.requestOffhours({
        serviceId,
        hallId,
        preferredStart: isoAt(date, start),
        preferredEnd: isoAt(date, plusMinutes(start, duration)),
        note: note.trim() || undefined,
        ...(onBehalfOf ? { onBehalfOf } : {}),
      })
      // made in that name: the next errand starts from 本人 again
      acting.done()
      errors.clear()
      toast('申请已提交', 'success')
      Taro.redirectTo({ url: withQuery(CITIZEN_ROUTES.offhours, { id: r.id }) })
    } catch (e) {
      errors.failWith(e, ['preferredStart', 'preferredEnd'])
      if (isApiError(e) && e.code === 'NOTICE_TOO_SHORT' && typeof e.details.deadline === 'string') setDeadline(e.details.deadline)
    } finally {
      setBusy(false)
    }
  }

  const g = guide.data
  const hall = g?.halls.find((h) => h.id === hallId)
  return (
    <PageState of={guide} loading={guide.loading}>
      {(g) => (
        <View>
          <ActingBar />
          <AudienceNotice audience={g.audience} />
          <View className='info-box'>
            <Text>
              {`可选时间：工作日大厅办公时间以外${hall?.hours ? `（${hall.name}办公时间：${hall.hours}）` : ''}，休息日和节假日全天可选。需至少提前一个工作日申请（在预约日前最后一个工作日大厅下班前提出）。大厅在一个工作日内答复，确认时告知接待人员和需携带的材料；生成的预约同样适用爽约规则。`}
            </Text>
          </View>
          {eligibility.data ? <EligibilityBanner e={eligibility.data} /> : null}
          <View className='card'>
            <Text className='choice__title'>{g.name}</Text>
            <Text className='offhours__label'>办理大厅</Text>
            <HallPicker halls={g.halls} value={hallId} onChange={setHallId} />

            <Text className='offhours__label'>日期</Text>
            <View className='chips' role='group' aria-label='日期'>
              {days.map((d) => (
                <Chip
                  key={d.date}
                  on={d.date === date}
                  label={`${dateLabel(d.date)}${d.workday ? '' : ' 休'}`}
                  onTap={() => {
                    setDate(d.date)
                    setStart(null)
                    errors.clear()
                  }}
                />
              ))}
            </View>

            {day ? (
              <>
                <Text className='offhours__label'>开始时间（{day.workday ? '工作日：早晚或午休' : day.name ?? '休息日'}）</Text>
                <ChipGroup
                  label='开始时间'
                  options={starts}
                  value={start}
                  text={(v) => v}
                  error={startError}
                  onPick={(v) => {
                    setStart(v)
                    errors.clear()
                  }}
                />
                <Text className='offhours__label'>时长</Text>
                <ChipGroup
                  label='时长'
                  options={DURATIONS}
                  value={duration}
                  text={(m) => (m < 60 ? `${m} 分钟` : `${m / 60} 小时`)}
                  error={endError}
                  onPick={(m) => {
                    setDuration(m)
                    errors.clear()
                  }}
                />
                {start ? (
                  <Text className='muted'>
                    时间段：{dateLabel(day.date)} {start}–{plusMinutes(start, duration)}
                  </Text>
                ) : null}
              </>
            ) : null}

            <Text className='offhours__label'>备注</Text>
            <TextArea label='备注' placeholder='如：白天上班，希望下班后办理' value={note} onChange={(v) => {
              setNote(v)
              errors.changed()
            }} />
            {errors.form ? (
              <View className='form-error' role='alert'>
                <Text>{errors.form}</Text>
                {deadline ? <Text>{`\n最晚申请时间：${dateLabel(deadline)} ${shanghaiTime(deadline)}（大厅下班前）`}</Text> : null}
              </View>
            ) : null}
            <View className='offhours__confirm button-row__line'>
              <Text className='offhours__who'>{`将为 ${who} 申请`}</Text>
              {!hallId ? <Text className='muted'>请先选择办理大厅</Text> : null}
            </View>
            <Button className='btn-block' block type='primary' size='large' loading={busy} disabled={!!eligibility.data?.forfeited || blocked || !hallId} onClick={submit}>
              提交申请
            </Button>
          </View>
        </View>
      )}
    </PageState>
  )
}


/** 申请错时/预约办: the new-request form for one service (`serviceId`, optional `hallId`). */
export default function OffhoursNew() {
  const { params } = useRouter()
  return (
    <SignedInPage className='offhours' purpose='申请错时/预约办' verified>
      {params.serviceId ? <RequestForm serviceId={params.serviceId} linkHallId={params.hallId} /> : <PageState error={new Error('请从办事指南进入错时办理申请')} />}
    </SignedInPage>
  )
}
