import { Text, View } from '@tarojs/components'
import Tappable from '@/components/Tappable'
import type { PhraseView } from '@/api/staff'

interface Props {
  phrases: PhraseView[]
  /** the material the reason is for (in the chips' accessible names) */
  material: string
  onPick: (text: string) => void
}

/** 常用补正语 as tappable chips under a reason field: a tap puts the phrase into the reason, which stays editable. */
export default function PhraseChips({ phrases, material, onPick }: Props) {
  if (phrases.length === 0) return null
  return (
    <View className='st-chips' role='group' aria-label={`${material} 常用补正语`}>
      <Text className='st-chips__label'>常用补正语：</Text>
      {phrases.map((p) => (
        <Tappable key={p.id} className='st-chip' label={p.text} onTap={() => onPick(p.text)}>
          <Text>{p.text}</Text>
        </Tappable>
      ))}
    </View>
  )
}
