import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../AppButton'
import FormField from '../FormField'
import PageState from '../PageState'
import { catalogApi } from '@/api/catalog'
import { useAsync } from '@/hooks/useAsync'
import { isH5 } from '@/platform'
import { optionA11y } from '@/utils/a11y'
import './index.scss'

export interface PickedService {
  id: string
  name: string
}

interface Props {
  value: PickedService | null
  onChange: (service: PickedService | null) => void
  error?: string
}

/**
 * 办理事项 for a queue ticket (取号, 现场发号): search the catalogue by name or pinyin initials and
 * pick one (radio); the choice is shown with 更换.
 */
export default function ServicePick({ value, onChange, error }: Props) {
  const [q, setQ] = useState('')
  const found = useAsync(() => catalogApi.search({ q: q.trim(), page: 1, pageSize: 8 }), [q], q.trim().length > 0)
  if (value) {
    return (
      <View className='service-pick__picked'>
        <Text className='service-pick__name'>{value.name}</Text>
        <Button size='small' fill='outline' type='primary' onClick={() => onChange(null)}>
          更换
        </Button>
      </View>
    )
  }
  return (
    <>
      <FormField label='搜索事项' value={q} onChange={setQ} placeholder='如：社保卡、营业执照、yyzz' error={error} />
      <PageState loading={found.loading} error={found.error} onRetry={found.reload} empty={q.trim().length > 0 && !!found.data && found.data.items.length === 0} emptyText='没有找到该事项'>
        <View {...((isH5 ? { role: 'radiogroup', 'aria-label': '办理事项' } : {}) as object)}>
          {(found.data?.items ?? []).map((s) => (
            <View key={s.id} className='service-pick__option' onClick={() => onChange(s)} {...optionA11y('radio', false, () => onChange(s), s.name)}>
              <Text className='service-pick__name'>{s.name}</Text>
              <Text className='muted'>{s.departmentName}</Text>
            </View>
          ))}
        </View>
      </PageState>
    </>
  )
}
