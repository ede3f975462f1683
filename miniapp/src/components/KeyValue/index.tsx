import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import Code from '@/components/Code'
import { callPhone } from '@/platform'
import { toast } from '@/utils/nav'

interface Props {
  /** what the value is, e.g. 受理日期 */
  label: string
  /** more classes on the value (e.g. a deadline in colour) */
  valueClassName?: string
  /** the value is a code read out at a window (a receipt or filing number): never broken across lines */
  code?: boolean
  /** the value holds blocks (a map link, a list) rather than a line of text */
  block?: boolean
  /** offer 复制 beside the value: this text goes to the clipboard */
  copy?: string
  /** offer 拨打电话 beside the value: this number is dialled */
  phone?: string
}

/**
 * One row of a detail card: a label on the left, its value on the right (classes `kv`, `kv__k`,
 * `kv__v` of styles/_kv-list.scss, which the page's subpackage stylesheet imports), with an
 * optional action — copy the value, or call the number.
 */
export default function KeyValue({ label, valueClassName, code, block, copy, phone, children }: PropsWithChildren<Props>) {
  const cls = `kv__v ${valueClassName ?? ''}`
  const value = code ? <Code className={cls}>{children}</Code> : block ? <View className={cls}>{children}</View> : <Text className={cls}>{children}</Text>
  const copyText = async (text: string) => {
    try {
      await Taro.setClipboardData({ data: text })
      toast('已复制', 'success')
    } catch {
      // the user refused the clipboard: nothing to undo
    }
  }
  return (
    <View className='kv'>
      <Text className='kv__k'>{label}</Text>
      {value}
      {copy ? (
        <Button size='small' fill='none' type='primary' aria-label={`复制${label}`} onClick={() => void copyText(copy)}>
          复制
        </Button>
      ) : null}
      {phone ? (
        <Button size='small' fill='outline' type='primary' aria-label={`拨打电话 ${label}`} onClick={() => void callPhone(phone)}>
          拨打电话
        </Button>
      ) : null}
    </View>
  )
}
