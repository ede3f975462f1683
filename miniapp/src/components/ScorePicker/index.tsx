import { Text, View } from '@tarojs/components'
import { RATING_LABELS } from '@gov/shared'
import { optionA11y } from '@/utils/a11y'
import './index.scss'

const LEVELS = [5, 4, 3, 2, 1] as const

interface Props {
  value: number | null
  onChange: (score: number) => void
}

/** Five levels of 好差评, 非常满意 … 非常不满意, as a labelled radio group. */
export default function ScorePicker({ value, onChange }: Props) {
  return (
    <View className='score-picker' role='radiogroup' aria-label='满意程度'>
      {LEVELS.map((s) => {
        const on = value === s
        const label = RATING_LABELS[s]
        const a11y = optionA11y('radio', on, () => onChange(s), label)
        return (
          <View key={s} className={`score-picker__item score-picker__item--${s} ${on ? 'score-picker__item--on' : ''}`} onClick={() => onChange(s)} {...(a11y as object)}>
            <Text className='score-picker__face' aria-hidden>
              {'★'.repeat(s)}
            </Text>
            <Text className='score-picker__label'>{label}</Text>
          </View>
        )
      })}
    </View>
  )
}
