import { Text, View } from '@tarojs/components'
import { timelineTitle, type TimelineEvent } from '@gov/shared'
import { fullDateTime } from '@/utils/time'
import './index.scss'

export interface TimelineItem {
  key: string
  title: string
  time?: string
  note?: string | null
  by?: string | null
}

/** A filing's events (oldest first, as the API sends them; `action` when the view has it) as items, newest first. */
export function filingTimeline(events: ReadonlyArray<TimelineEvent & { action?: string }>): TimelineItem[] {
  return [...events].reverse().map((t, i) => ({
    key: `${t.at}-${i}`,
    title: timelineTitle(t),
    time: fullDateTime(t.at),
    by: t.actor,
    note: t.note,
  }))
}

/** A vertical progress timeline, newest first (the first item is highlighted). */
export default function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <View className='timeline' role='list' aria-label='办理进度'>
      {items.map((it, i) => (
        <View key={it.key} className={`timeline__item ${i === 0 ? 'timeline__item--current' : ''}`} role='listitem'>
          <View className='timeline__rail' aria-hidden>
            <View className='timeline__dot' />
            {i < items.length - 1 ? <View className='timeline__line' /> : null}
          </View>
          <View className='timeline__body'>
            <Text className='timeline__title'>{it.title}</Text>
            {it.time ? <Text className='timeline__time'>{it.time}{it.by ? ` · ${it.by}` : ''}</Text> : null}
            {it.note ? <Text className='timeline__note'>{it.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
