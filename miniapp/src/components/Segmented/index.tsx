import { Text, View } from '@tarojs/components'
import { optionA11y } from '@/utils/a11y'
import './index.scss'

interface Props<T extends string> {
  label: string
  value: T
  /** the tabs in order: a list, or a label map (value → label, in its keys' order) */
  options: Array<{ value: T; label: string }> | Readonly<Record<T, string>>
  onChange: (value: T) => void
}

const asList = <T extends string>(options: Props<T>['options']): Array<{ value: T; label: string }> =>
  Array.isArray(options) ? options : (Object.entries(options) as Array<[T, string]>).map(([value, label]) => ({ value, label }))

/** A row of tabs (role tablist) that wraps on narrow screens. */
export default function Segmented<T extends string>({ label, value, options, onChange }: Props<T>) {
  return (
    <View className='segmented' role='tablist' aria-label={label}>
      {asList(options).map((o) => {
        const selected = o.value === value
        return (
          <View
            key={o.value}
            className={`segmented__item ${selected ? 'segmented__item--on' : ''}`}
            onClick={() => onChange(o.value)}
            {...optionA11y('tab', selected, () => onChange(o.value))}
          >
            <Text>{o.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
