import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

interface Props {
  className?: string
  /** where the buttons sit on the line (default: the start) */
  align?: 'start' | 'end' | 'center'
}

/**
 * The one way to put buttons together: side by side on one line, vertically centred and equally
 * tall whether filled or outlined (H5's button style pushes a button that follows another down
 * 15 px: undone here), wrapping when the line is full; block buttons each take a line, with the
 * same gap between them.
 */
export default function ButtonRow({ className, align = 'start', children }: PropsWithChildren<Props>) {
  return <View className={`button-row button-row--${align} ${className ?? ''}`}>{children}</View>
}
