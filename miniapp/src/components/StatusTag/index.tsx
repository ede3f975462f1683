import { Text } from '@tarojs/components'
import './index.scss'

export type { Tone } from './tone'
import type { Tone } from './tone'

/** A small coloured label (status, deadline state, 必需/容缺). Colours meet WCAG AA on their backgrounds. */
export default function StatusTag({ tone = 'info', children, className }: { tone?: Tone; children: string; className?: string }) {
  return <Text className={`status-tag status-tag--${tone} ${className ?? ''}`}>{children}</Text>
}
