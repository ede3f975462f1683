import { useEffect, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../AppButton'
import FormField from '../FormField'
import FormError from '../FormError'
import { useFormErrors } from '@/hooks/useFormErrors'
import './index.scss'
import ButtonRow from '../ButtonRow'
import { useBusy } from '@/hooks/useBusy'

interface Props {
  visible: boolean
  title: string
  /** label of the text field; omit for a plain confirmation */
  label?: string
  placeholder?: string
  /** minimum length of the text (the server asks for at least 2 characters for reasons) */
  minLength?: number
  /** what the action does, shown above the field */
  description?: ReactNode
  confirmText?: string
  danger?: boolean
  /** runs the action; a thrown error is shown in the dialog (e.g. the server's refusal) */
  onConfirm: (text: string) => Promise<unknown>
  onClose: () => void
  children?: ReactNode
}

/** A modal dialog that asks for a reason (or just a confirmation) and shows the server's answer on failure. */
export default function ReasonDialog({ visible, title, label, placeholder, minLength = 2, description, confirmText = '确定', danger, onConfirm, onClose, children }: Props) {
  const [text, setText] = useState('')
  const errors = useFormErrors()
  const [busy, whileBusy] = useBusy()

  useEffect(() => {
    if (visible) {
      setText('')
      errors.clear()
    }
  }, [visible])

  if (!visible) return null

  const submit = async () => {
    if (label && text.trim().length < minLength) {
      errors.fail(`请填写${label}（至少 ${minLength} 个字）`)
      return
    }
    await whileBusy(async () => {
      await onConfirm(text.trim())
      errors.clear()
      onClose()
    }, (e) => errors.failWith(e))
  }

  return (
    <View className='reason-dialog' role='dialog' aria-modal='true' aria-label={title}>
      <View className='reason-dialog__mask' onClick={busy ? undefined : onClose} />
      <View className='reason-dialog__panel'>
        <Text className='reason-dialog__title'>{title}</Text>
        {description ? <View className='reason-dialog__desc'>{description}</View> : null}
        {children}
        {label ? <FormField label={label} value={text} onChange={(v) => { setText(v); errors.changed() }} placeholder={placeholder} multiline /> : null}
        <FormError message={errors.form} />
        <ButtonRow className='reason-dialog__actions'>
          <Button fill='outline' type='default' disabled={busy} onClick={onClose}>
            取消
          </Button>
          <Button type={danger ? 'danger' : 'primary'} loading={busy} onClick={submit}>
            {confirmText}
          </Button>
        </ButtonRow>
      </View>
    </View>
  )
}
