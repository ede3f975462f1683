import { Text, View } from '@tarojs/components'
import { isH5 } from '@/platform'

/** A radio-like choice button used in staff forms (aria radio on H5). */
export default function Choice({ on, label, onTap, bad }: { on: boolean; label: string; onTap: () => void; bad?: boolean }) {
  const a11y = isH5
    ? {
        role: 'radio',
        tabIndex: 0,
        'aria-checked': on ? 'true' : 'false',
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            onTap()
          }
        },
      }
    : {}
  return (
    <View className={`st-choice ${bad ? 'st-choice--bad' : ''} ${on ? 'st-choice--on' : ''}`} onClick={onTap} {...(a11y as object)}>
      <Text>{label}</Text>
    </View>
  )
}
