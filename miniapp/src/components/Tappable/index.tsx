import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { isH5 } from '@/platform'
import { onActivateKey } from '@/utils/a11y'

interface Props {
  className?: string
  onTap: () => void
  /** accessible name when the visible text is not enough (must contain the visible text) */
  label?: string
  /** a toggle/choice: its selected state (aria-pressed) */
  pressed?: boolean
}

/** A tappable row or tile: a button for screen readers and keyboards (Enter/Space) on H5. */
export default function Tappable({ className, onTap, label, pressed, children }: PropsWithChildren<Props>) {
  const a11y = isH5
    ? {
        role: 'button',
        tabIndex: 0,
        'aria-label': label,
        'aria-pressed': pressed === undefined ? undefined : pressed ? 'true' : 'false',
        onKeyDown: onActivateKey(onTap),
      }
    : {}
  return (
    <View className={className} onClick={onTap} {...(a11y as object)}>
      {children}
    </View>
  )
}
