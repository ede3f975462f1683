import { Text, View } from '@tarojs/components'
import { isH5 } from '../../platform'
import './index.scss'

interface Props<T extends string> {
  label: string
  value: T
  options: Array<{ value: T; label: string }>
  onChange: (value: T) => void
}

/** A row of tabs (role tablist) that wraps on narrow screens. */
export default function Segmented<T extends string>({ label, value, options, onChange }: Props<T>) {
  return (
    <View className='segmented' role='tablist' aria-label={label}>
      {options.map((o) => {
        const selected = o.value === value
        const a11y = isH5
          ? {
              role: 'tab',
              tabIndex: 0,
              'aria-selected': selected ? 'true' : 'false',
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault()
                  onChange(o.value)
                }
              },
            }
          : {}
        return (
          <View
            key={o.value}
            className={`segmented__item ${selected ? 'segmented__item--on' : ''}`}
            onClick={() => onChange(o.value)}
            {...(a11y as object)}
          >
            <Text>{o.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
