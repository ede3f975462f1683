import type { ReactNode } from 'react'
import { Input, Text, View } from '@tarojs/components'
import TextArea from '../TextArea'
import './index.scss'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  error?: string
  hint?: string
  /** textarea instead of a one-line input */
  multiline?: boolean
  type?: 'text' | 'number' | 'idcard' | 'digit'
  password?: boolean
  maxlength?: number
  onConfirm?: () => void
  /** a control beside the input (e.g. 获取验证码) */
  action?: ReactNode
  /** classes of the row that holds the input and its action */
  rowClassName?: string
  /** more classes on the input */
  inputClassName?: string
}

/** A labelled input (or TextArea) with its error; the label is also the control's accessible name. */
export default function FormField(props: Props) {
  const { label, value, onChange, placeholder, error, hint, multiline, type = 'text', password, maxlength, onConfirm, action, rowClassName, inputClassName } = props
  const cls = `field__input ${inputClassName ?? ''} ${multiline ? 'form-field__textarea' : ''} ${error ? 'field__input--invalid' : ''}`
  const control = multiline ? (
    <TextArea className={cls} label={label} placeholder={placeholder} value={value} maxlength={maxlength ?? 500} autoHeight onChange={onChange} />
  ) : (
    <Input
      className={cls}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      type={type}
      password={password}
      maxlength={maxlength ?? 140}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={onConfirm}
    />
  )
  return (
    <View className='field form-field'>
      <Text className='field__label'>{label}</Text>
      {action ? (
        <View className={rowClassName}>
          {control}
          {action}
        </View>
      ) : (
        control
      )}
      {hint && !error ? <Text className='form-field__hint muted'>{hint}</Text> : null}
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
