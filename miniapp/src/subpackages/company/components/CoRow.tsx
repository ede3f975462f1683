import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

interface Props {
  /** the row's title (a service, a person) */
  title: ReactNode
  /** more classes on the row */
  className?: string
  /** at the right of the row: a status tag, an action */
  aside?: ReactNode
}

/** A row of the company pages (co-row in company.scss): the title, lines under it (children), and what stands at its right. */
export default function CoRow({ title, className, aside, children }: PropsWithChildren<Props>) {
  return (
    <View className={`co-row ${className ?? ''}`}>
      <View className='co-row__main'>
        <Text className='co-row__title'>{title}</Text>
        {children}
      </View>
      {aside}
    </View>
  )
}
