import { Text, View } from '@tarojs/components'
import './index.scss'

export interface TimelineItem {
  key: string
  title: string
  time?: string
  note?: string | null
  by?: string | null
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
