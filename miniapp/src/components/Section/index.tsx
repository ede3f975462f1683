import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import PageState, { type PageStateProps } from '../PageState'

/** A titled card of a page whose content loads: the section title, then the card with its page state (PageState). */
export default function Section({ title, children, ...state }: PropsWithChildren<PageStateProps & { title: ReactNode }>) {
  return (
    <>
      <View className='section-title'>{title}</View>
      <View className='card'>
        <PageState {...state}>{children}</PageState>
      </View>
    </>
  )
}
