import { Text, View } from '@tarojs/components'

interface Props {
  /** the message; nothing is drawn when it is empty */
  message?: string
  /** a red banner (at the foot of a long page) instead of a line under the fields */
  banner?: boolean
}

/**
 * The message of a whole form (hooks/useFormErrors `form`), announced to screen readers. It goes
 * when the user changes a field or the form goes through.
 */
export default function FormError({ message, banner }: Props) {
  if (!message) return null
  return (
    <View className={banner ? 'form-error--banner' : 'form-error'} role='alert'>
      <Text>{message}</Text>
    </View>
  )
}
