import FormError from '@/components/FormError'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import { isH5 } from '@/platform'
import { commitmentText } from '@gov/shared'
import type { MaterialView } from '@/api/filings'
import ButtonRow from '@/components/ButtonRow'

interface Props {
  materials: MaterialView[]
  /** working days from acceptance to hand them in (the filing's commitmentDays) */
  days: number
  busy: boolean
  error: string
  onConfirm: (materialIds: string[]) => void
  onClose: () => void
}

/** 信用承诺 (容缺受理): pick the missing tolerable materials, read the commitment (the one text the server stores), confirm. */
export default function CommitmentSheet({ materials, days, busy, error, onConfirm, onClose }: Props) {
  const [picked, setPicked] = useState<string[]>(materials.map((m) => m.materialId))
  const names = materials.filter((m) => picked.includes(m.materialId)).map((m) => m.name)
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))
  return (
    <View className='sheet-mask' onClick={onClose}>
      <View
        className='sheet'
        role='dialog'
        aria-modal='true'
        aria-label='信用承诺'
        onClick={(e) => e.stopPropagation()}
      >
        <Text className='sheet__title'>信用承诺（容缺受理）</Text>
        <Text className='muted'>以下材料可暂缓提交，签署承诺后即可先行预审、受理：</Text>
        {materials.map((m) => {
          const on = picked.includes(m.materialId)
          const a11y = isH5 ? { role: 'checkbox', 'aria-checked': on ? 'true' : 'false', tabIndex: 0 } : {}
          return (
            <View key={m.materialId} className='check-row' onClick={() => toggle(m.materialId)} {...(a11y as object)}>
              <View className={`check-box ${on ? 'check-box--on' : ''}`} aria-hidden>
                {on ? '✓' : ''}
              </View>
              <Text>{m.name}</Text>
            </View>
          )
        })}
        <Text className='sheet__text'>
          {names.length ? commitmentText(names, days) : '请至少选择一项材料。'}
        </Text>
        <FormError message={error} />
        <ButtonRow className='sheet__actions'>
          <Button fill='outline' type='primary' onClick={onClose}>
            取消
          </Button>
          <Button type='primary' disabled={picked.length === 0} loading={busy} onClick={() => onConfirm(picked)}>
            确认签署
          </Button>
        </ButtonRow>
      </View>
    </View>
  )
}
