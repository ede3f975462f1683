import { Text, View } from '@tarojs/components'
import { isH5 } from '@/platform'
import { weekdayOf } from '@/utils/time'
import { onActivateKey } from '@/utils/a11y'

export type DayState = 'open' | 'full' | 'closed' | 'none'

export interface DayCell {
  date: string
  state: DayState
  /** holiday name or 休 */
  name?: string | null
}

const STATE_TEXT: Record<DayState, string> = { open: '可约', full: '约满', closed: '休息', none: '无号' }
const HEAD = ['一', '二', '三', '四', '五', '六', '日']

/** A calendar of the bookable days: open, full and closed days marked; only open (and full, for 候补) days can be picked. */
export default function DayGrid({ days, value, onChange }: { days: DayCell[]; value: string | null; onChange: (date: string) => void }) {
  if (days.length === 0) return null
  // Monday-first grid: pad before the first day
  const lead = (weekdayOf(days[0].date) + 6) % 7
  const cells: Array<DayCell | null> = [...Array.from({ length: lead }, () => null), ...days]
  return (
    <View className='day-grid' role='group' aria-label='选择日期'>
      {HEAD.map((h) => (
        <Text key={h} className='day-grid__head' aria-hidden>
          {h}
        </Text>
      ))}
      {cells.map((c, i) => {
        if (!c) return <View key={`pad-${i}`} className='day-grid__cell day-grid__cell--pad' />
        const selectable = c.state === 'open' || c.state === 'full'
        const selected = c.date === value
        const day = Number(c.date.slice(8, 10))
        const month = Number(c.date.slice(5, 7))
        const a11y = isH5
          ? {
              role: 'button',
              tabIndex: selectable ? 0 : -1,
              'aria-pressed': selected ? 'true' : 'false',
              'aria-disabled': selectable ? undefined : 'true',
              onKeyDown: onActivateKey(() => selectable && onChange(c.date)),
            }
          : {}
        return (
          <View
            key={c.date}
            className={`day-grid__cell day-grid__cell--${c.state} ${selected ? 'day-grid__cell--on' : ''}`}
            onClick={() => selectable && onChange(c.date)}
            {...(a11y as object)}
          >
            <Text className='day-grid__day'>
              <Text className='sr-only'>{`${month}月`}</Text>
              {day}
              <Text className='sr-only'>日 </Text>
            </Text>
            <Text className='day-grid__state'>{c.state === 'closed' && c.name ? c.name.slice(0, 2) : STATE_TEXT[c.state]}</Text>
          </View>
        )
      })}
    </View>
  )
}
