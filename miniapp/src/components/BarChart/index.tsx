import { Text, View } from '@tarojs/components'
import './index.scss'

export interface Bar {
  label: string
  /** 0..max */
  value: number
  /** shown at the end of the bar, e.g. 92.5% */
  text: string
  /** a second line under the label, e.g. 共 12 条评价 */
  note?: string
  tone?: 'primary' | 'success' | 'warning' | 'danger' | 'muted'
}

interface Props {
  title: string
  bars: Bar[]
  /** the value of a full bar (default: the largest value) */
  max?: number
}

/** A horizontal bar chart drawn with plain Views (no chart library); the figures are also text for screen readers. */
export default function BarChart({ title, bars, max }: Props) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value))
  return (
    <View className='bar-chart' role='figure' aria-label={title}>
      {bars.map((b) => {
        const pct = top > 0 ? Math.max(0, Math.min(100, (b.value / top) * 100)) : 0
        return (
          <View key={b.label} className='bar-chart__row'>
            <View className='bar-chart__head'>
              <Text className='bar-chart__label'>{b.label}</Text>
              <Text className='bar-chart__text'>{b.text}</Text>
            </View>
            <View className='bar-chart__track' aria-hidden>
              <View className={`bar-chart__bar bar-chart__bar--${b.tone ?? 'primary'}`} style={{ width: `${pct}%` }} />
            </View>
            {b.note ? <Text className='bar-chart__note'>{b.note}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
