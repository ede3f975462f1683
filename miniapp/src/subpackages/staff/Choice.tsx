import { Text, View } from '@tarojs/components'
import { optionA11y } from '@/utils/a11y'

/** A radio-like choice button used in staff forms (aria radio on H5). */
export default function Choice({ on, label, onTap, bad }: { on: boolean; label: string; onTap: () => void; bad?: boolean }) {
  const a11y = optionA11y('radio', on, onTap)
  return (
    <View className={`st-choice ${bad ? 'st-choice--bad' : ''} ${on ? 'st-choice--on' : ''}`} onClick={onTap} {...(a11y as object)}>
      <Text>{label}</Text>
    </View>
  )
}
