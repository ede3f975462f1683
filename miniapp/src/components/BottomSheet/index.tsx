import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import ButtonRow from '../ButtonRow'
import './index.scss'

interface Props {
  /** the sheet's title, also its accessible name */
  title: string
  /** more classes on the sheet (its layer, its content's styles) */
  className?: string
  /** the buttons side by side at the bottom (e.g. 不同意 / 同意并继续) */
  actions: ReactNode
}

/**
 * A modal sheet rising from the bottom edge over a dimmed page, for a question the user must answer
 * before going on (privacy consent): a title, the content, and the answers as buttons. The mask does
 * not close it: only an answer does.
 */
export default function BottomSheet({ title, className, actions, children }: PropsWithChildren<Props>) {
  return (
    <View className={`bottom-sheet ${className ?? ''}`} role='dialog' aria-modal='true' aria-label={title}>
      <View className='bottom-sheet__mask' />
      <View className='bottom-sheet__panel'>
        <Text className='bottom-sheet__title'>{title}</Text>
        {children}
        <ButtonRow className='bottom-sheet__actions'>{actions}</ButtonRow>
      </View>
    </View>
  )
}
