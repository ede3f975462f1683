import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AdminSlot, CalendarDay } from '@gov/shared'
import Button from '@/components/AppButton'
import PageState from '@/components/PageState'
import ReasonDialog from '@/components/ReasonDialog'
import StatusTag from '@/components/StatusTag'
import { adminApi } from '@/api/admin'
import { catalogApi } from '@/api/catalog'
import { useAsync } from '@/hooks/useAsync'
import { toast } from '@/utils/nav'
import { addDays, shanghaiDate, shanghaiTime, weekdayLabel, weekdayOf } from '@/utils/time'

/** Monday of the week of a date (YYYY-MM-DD). */
export const mondayOf = (date: string): string => addDays(date, -((weekdayOf(date) + 6) % 7))

const monthDay = (date: string) => {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

interface Props {
  hallId: string
  /** bumped by the page after slots were generated, so that the week reloads */
  version: number
}

/** 时段一览: a week of a hall's slots per day (places taken of capacity), with 关闭 per slot. */
export default function WeekSlots({ hallId, version }: Props) {
  const today = shanghaiDate()
  const [monday, setMonday] = useState(mondayOf(today))
  const sunday = addDays(monday, 6)
  const week = useAsync(
    async () => {
      const [slots, calendar] = await Promise.all([adminApi.slots(hallId, monday, sunday), catalogApi.calendar(monday, sunday).catch(() => [] as CalendarDay[])])
      return { slots, calendar }
    },
    [hallId, monday, version],
    !!hallId,
  )
  const [closing, setClosing] = useState<AdminSlot | null>(null)

  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i))
  const slotsOf = (day: string) => (week.data?.slots ?? []).filter((s) => s.day === day)
  const calendarOf = (day: string) => week.data?.calendar.find((c) => c.date === day)
  const total = week.data?.slots.length ?? 0
  const label = (s: AdminSlot) => `${shanghaiTime(s.start)}–${shanghaiTime(s.end)}`

  return (
    <View className='card sch-week'>
      <View className='sch-week__head'>
        <Text className='sch-card-title'>时段一览</Text>
        <View className='sch-week__nav'>
          <Button size='small' fill='outline' type='primary' onClick={() => setMonday(addDays(monday, -7))}>
            上一周
          </Button>
          <Text className='sch-week__range' aria-live='polite'>
            {monthDay(monday)}–{monthDay(sunday)}
          </Text>
          <Button size='small' fill='outline' type='primary' onClick={() => setMonday(addDays(monday, 7))}>
            下一周
          </Button>
          {monday !== mondayOf(today) ? (
            <Button size='small' fill='none' type='primary' onClick={() => setMonday(mondayOf(today))}>
              本周
            </Button>
          ) : null}
        </View>
      </View>
      <PageState of={week} empty={!week.loading && !!week.data && total === 0} emptyText='这一周没有时段' emptyHint='可添加排班模板后“生成时段”，或切换到其他周'>
        <View className='sch-days'>
          {days.map((day) => {
            const list = slotsOf(day)
            const cal = calendarOf(day)
            return (
              <View key={day} className={`sch-day ${day === today ? 'sch-day--today' : ''}`} role='group' aria-label={`${weekdayLabel(day)} ${monthDay(day)}`}>
                <View className='sch-day__head'>
                  <Text className='sch-day__name'>
                    {weekdayLabel(day)} {monthDay(day)}
                  </Text>
                  {day === today ? <StatusTag tone='info'>今天</StatusTag> : null}
                  {cal && !cal.workday ? <StatusTag tone='muted'>{cal.name || '休息'}</StatusTag> : null}
                </View>
                {list.length === 0 ? <Text className='sch-day__none'>无时段</Text> : null}
                {list.map((s) => (
                  <View key={s.id} className={`sch-slot ${s.active ? '' : 'sch-slot--closed'}`}>
                    <Text className='sch-slot__time'>{label(s)}</Text>
                    <Text className='sch-slot__count'>
                      已约 {s.booked}/{s.capacity}
                      {s.held ? ` · 候补保留 ${s.held}` : ''}
                    </Text>
                    {s.serviceName ? <Text className='sch-slot__service'>{s.serviceName}</Text> : null}
                    {s.kind === 'offhours' ? <StatusTag tone='warning'>错时</StatusTag> : null}
                    {s.active ? (
                      <Button size='small' fill='outline' type='danger' aria-label={`关闭 ${monthDay(day)} ${label(s)}`} onClick={() => setClosing(s)}>
                        关闭
                      </Button>
                    ) : (
                      <StatusTag tone='muted'>已关闭</StatusTag>
                    )}
                  </View>
                ))}
              </View>
            )
          })}
        </View>
      </PageState>

      <ReasonDialog
        visible={!!closing}
        title='关闭时段'
        label='关闭原因'
        placeholder='如：系统升级，暂停窗口服务（会告知已预约的群众）'
        description={
          closing
            ? `关闭 ${monthDay(closing.day)}（${weekdayLabel(closing.day)}）${label(closing)} 后，该时段不再开放预约。${
                closing.booked > 0 ? `已预约的 ${closing.booked} 人将由中心取消（不计爽约），并收到含关闭原因的通知和重新预约的入口。` : '该时段目前没有预约。'
              }此操作不能撤销。`
            : ''
        }
        confirmText='确认关闭'
        danger
        onConfirm={async (reason) => {
          if (!closing) return
          const r = await adminApi.closeSlot(closing.id, reason)
          toast(r.cancelled > 0 ? `已关闭，取消预约 ${r.cancelled} 个` : '已关闭该时段', 'success')
          week.reload()
        }}
        onClose={() => setClosing(null)}
      />
    </View>
  )
}
