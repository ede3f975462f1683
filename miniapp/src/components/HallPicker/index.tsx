import { Text, View } from '@tarojs/components'
import { isH5 } from '@/platform'
import { optionA11y } from '@/utils/a11y'
import './index.scss'

export interface HallOption {
  id: string
  name: string
  address: string
  hours?: string
}

/**
 * The hall to start from: the one a hall-specific link names (when the service is offered there),
 * else the only hall; with several halls and no link, none: the user chooses.
 */
export function initialHallId(halls: readonly HallOption[], wanted?: string | null): string | null {
  if (wanted && halls.some((h) => h.id === wanted)) return wanted
  return halls.length === 1 ? halls[0].id : null
}

interface Props {
  halls: readonly HallOption[]
  value: string | null
  onChange: (hallId: string) => void
}

/**
 * 办理大厅: a visible choice (name, address, hours) among the halls that offer the service, as
 * radio buttons. With several halls nothing is chosen for the user (see initialHallId).
 */
export default function HallPicker({ halls, value, onChange }: Props) {
  if (halls.length === 0) return <Text className='muted'>该事项暂无办理大厅</Text>
  return (
    <View>
      {halls.length > 1 ? (
        <Text className={`hall-picker__hint ${value ? '' : 'hall-picker__hint--todo'}`}>
          {value ? `该事项在 ${halls.length} 个大厅办理，可点选更换` : `该事项在 ${halls.length} 个大厅办理，请选择要去的大厅`}
        </Text>
      ) : null}
      <View className='hall-picker' {...((isH5 ? { role: 'radiogroup', 'aria-label': '办理大厅' } : {}) as object)}>
        {halls.map((h) => {
          const on = h.id === value
          return (
            <View
              key={h.id}
              className={`hall-picker__option ${on ? 'hall-picker__option--on' : ''}`}
              onClick={() => onChange(h.id)}
              {...optionA11y('radio', on, () => onChange(h.id), `${h.name}，${h.address}`)}
            >
              <View className='hall-picker__mark' aria-hidden>
                {on ? '✓' : ''}
              </View>
              <View className='hall-picker__body'>
                <Text className='hall-picker__name'>{h.name}</Text>
                <Text className='hall-picker__line'>{h.address}</Text>
                {h.hours ? <Text className='hall-picker__line'>{h.hours}</Text> : null}
              </View>
            </View>
          )
        })}
      </View>
    </View>
  )
}
