import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../AppButton'
import { errorMessage } from '../../api/client'
import './index.scss'

interface Props {
  loading?: boolean
  /** an error (ApiError, Error or text); shows its message and 重试 */
  error?: unknown
  empty?: boolean
  emptyText?: string
  emptyHint?: ReactNode
  loadingText?: string
  onRetry?: () => void
}

/**
 * Loading, error and empty states of a page or section, with a 重试 button.
 * Renders its children when there is data.
 */
export default function PageState({
  loading,
  error,
  empty,
  emptyText = '暂无内容',
  emptyHint,
  loadingText = '加载中…',
  onRetry,
  children,
}: PropsWithChildren<Props>) {
  if (loading) {
    return (
      <View className='page-state page-state--loading' role='status' aria-live='polite'>
        <View className='page-state__spinner' />
        <Text className='page-state__text'>{loadingText}</Text>
      </View>
    )
  }
  if (error) {
    return (
      <View className='page-state page-state--error' role='alert'>
        <View className='page-state__icon' aria-hidden>!</View>
        <Text className='page-state__text'>{errorMessage(error)}</Text>
        {onRetry && (
          <Button className='page-state__retry' type='primary' fill='outline' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  }
  if (empty) {
    return (
      <View className='page-state page-state--empty'>
        <View className='page-state__icon page-state__icon--empty' aria-hidden>○</View>
        <Text className='page-state__text'>{emptyText}</Text>
        {emptyHint ? <View className='page-state__hint'>{emptyHint}</View> : null}
        {onRetry && (
          <Button className='page-state__retry' type='primary' fill='outline' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  }
  return <>{children}</>
}
