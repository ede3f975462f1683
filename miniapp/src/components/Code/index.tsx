import type { PropsWithChildren } from 'react'
import { Text } from '@tarojs/components'
import './index.scss'

interface Props {
  className?: string
}

/**
 * A code read out or typed at a window — a booking's 签到码, a filing number (QH-SCJG-002), a
 * receipt number: never broken across lines (the whole code moves to the next line instead).
 */
export default function Code({ className, children }: PropsWithChildren<Props>) {
  return <Text className={`code ${className ?? ''}`}>{children}</Text>
}
