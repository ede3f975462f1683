import { createElement } from 'react'
import { Textarea } from '@tarojs/components'
import { isH5 } from '@/platform'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxlength?: number
  className?: string
  /** mini-programs: grow with the text */
  autoHeight?: boolean
}

/**
 * A labelled multi-line text field. On H5 a real <textarea> (Taro's H5 Textarea is a web component
 * that does not pass aria-label to the inner field); Taro's Textarea in mini-programs.
 */
export default function TextArea({ label, value, onChange, placeholder, maxlength = 500, className = 'textarea', autoHeight }: Props) {
  if (isH5) {
    return createElement('textarea', {
      className,
      'aria-label': label,
      placeholder,
      maxLength: maxlength,
      value,
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    })
  }
  return (
    <Textarea
      className={className}
      aria-label={label}
      placeholder={placeholder}
      maxlength={maxlength}
      value={value}
      autoHeight={autoHeight}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}
