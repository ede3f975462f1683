import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Slot } from '@gov/shared'
import Button from '@/components/AppButton'
import PageState from '@/components/PageState'
import Segmented from '@/components/Segmented'
import { bookingApi } from '@/api/booking'
import { useAsync } from '@/hooks/useAsync'
import { useBookingHorizon } from '@/hooks/useBookingHorizon'
import { addDays, dateLabel, shanghaiDate, shanghaiTime, slotLabel } from '@/utils/time'

interface Props {
  serviceId: string
  hallId: string
  /** the slot the booking holds now (not offered) */
  currentSlotId?: string
  /** the action on a slot, e.g. 改到此时段 */
  actionText: string
  busySlotId: string | null
  onPick: (slot: Slot) => void
}

/** One free slot with its action (改到此时段, 预约此时段); the button's name adds the date and time. */
export function SlotRow({ slot: s, label, actionText, busySlotId, onPick }: { slot: Slot; label: string; actionText: string; busySlotId: string | null; onPick: (slot: Slot) => void }) {
  return (
    <View className='slot'>
      <View>
        <Text className='slot__time'>{label}</Text>
        <Text className='slot__left'>{`余 ${s.remaining} 个号`}</Text>
      </View>
      <Button size='small' type='primary' loading={busySlotId === s.id} disabled={!!busySlotId} aria-label={`${actionText} ${slotLabel(s.start, s.end)}`} onClick={() => onPick(s)}>
        {actionText}
      </Button>
    </View>
  )
}

/**
 * The free slots of a service at a hall within the booking horizon: the days that have room, then
 * that day's slots, each with one button (改约 on the booking page).
 */
export default function SlotChooser({ serviceId, hallId, currentSlotId, actionText, busySlotId, onPick }: Props) {
  const horizon = useBookingHorizon()
  const today = shanghaiDate()
  const slots = useAsync(() => bookingApi.slots(serviceId, hallId, today, addDays(today, horizon.days)), [serviceId, hallId, horizon.days], horizon.ready)
  const free = useMemo(
    () => (slots.data ?? []).filter((s) => s.remaining > 0 && s.id !== currentSlotId && Date.parse(s.start) > Date.now()),
    [slots.data, currentSlotId],
  )
  const days = useMemo(() => Array.from(new Set(free.map((s) => shanghaiDate(s.start)))).sort(), [free])
  const [day, setDay] = useState<string | null>(null)
  useEffect(() => {
    if (!day || !days.includes(day)) setDay(days[0] ?? null)
  }, [days, day])

  return (
    <PageState loading={slots.loading || !horizon.ready} error={slots.error} onRetry={slots.reload} empty={free.length === 0} emptyText={`近 ${horizon.days} 天没有可改约的时段`}>
      <Segmented label='改约日期' value={day ?? ''} options={days.map((d) => ({ value: d, label: dateLabel(d) }))} onChange={setDay} />
      {free
        .filter((s) => shanghaiDate(s.start) === day)
        .map((s) => (
          <SlotRow key={s.id} slot={s} label={`${shanghaiTime(s.start)}–${shanghaiTime(s.end)}`} actionText={actionText} busySlotId={busySlotId} onPick={onPick} />
        ))}
    </PageState>
  )
}
