import { Input, View } from '@tarojs/components'
import Button from '../AppButton'

interface BarProps {
  /** the page's BEM block: the bar is `${block}__bar`, the field `${block}__input`, the button `${block}__submit` */
  block: string
  /** the field's hint (default: 输入事项名称或拼音首字母) */
  placeholder?: string
  value: string
  onInput: (value: string) => void
  onSubmit: () => void
}

/** The catalogue search bar (role search) of the home page, 办事 and the guide list. */
export function ServiceSearchBar({ block, placeholder = '输入事项名称或拼音首字母', value, onInput, onSubmit }: BarProps) {
  return (
    <View className={`${block}__bar`} role='search'>
      <Input
        className={`${block}__input`}
        aria-label='搜索办事事项'
        placeholder={placeholder}
        value={value}
        confirmType='search'
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={onSubmit}
      />
      <Button className={`${block}__submit`} type='primary' onClick={onSubmit}>
        搜索
      </Button>
    </View>
  )
}
