import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'
import PageState, { type PageStateProps } from '../PageState'

/**
 * A card of a page whose content loads, with its page state (PageState: loading, error with 重试,
 * empty with what to do instead); under a section title when `title` is given.
 */
export default function Section({ title, children, ...state }: PropsWithChildren<PageStateProps & { title?: ReactNode }>) {
  return (
    <>
      {title !== undefined ? <View className='section-title'>{title}</View> : null}
      <View className='card'>
        <PageState {...state}>{children}</PageState>
      </View>
    </>
  )
}
