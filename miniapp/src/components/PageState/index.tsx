import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../AppButton'
import { errorMessage, isApiError } from '@/api/client'
import type { AsyncState } from '@/hooks/useAsync'
import { goHome, homeOf } from '@/utils/nav'
import './index.scss'

export interface PageStateProps<T = unknown> {
  /** the state of a load (useAsync): loading until its first answer, its error, 重试 reloads it */
  of?: AsyncState<T>
  loading?: boolean
  /** an error (ApiError, Error or text); shows its message and 重试 — a 404 shows the not-found state */
  error?: unknown
  empty?: boolean
  emptyText?: string
  emptyHint?: ReactNode
  loadingText?: string
  /** what is missing, when the page's object does not exist (or the link lacks its id) */
  notFound?: boolean
  notFoundText?: string
  onRetry?: () => void
}

/** The answer was "there is no such thing": retrying will not change it. */
function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.code === 'NOT_FOUND')
}

/** The not-found state: what is missing, and a way home (首页, or 工作台 on desk pages; `from`: the address asked for instead of the page on screen). */
export function NotFound({ text = '未找到相关内容', hint, from }: { text?: string; hint?: ReactNode; from?: string }) {
  const home = homeOf(from || undefined)
  return (
    <View className='page-state page-state--not-found' role='status'>
      <View className='page-state__icon page-state__icon--empty' aria-hidden>?</View>
      <Text className='page-state__text'>{text}</Text>
      <View className='page-state__hint'>{hint ?? '链接可能已失效，或内容已被删除。'}</View>
      <Button className='page-state__retry' type='primary' onClick={() => goHome(from || undefined)}>
        {home.label}
      </Button>
    </View>
  )
}

/**
 * The one page-state component: loading; an error with 重试 (a failure that may pass); an empty
 * list (no 重试: asking again gives the same nothing — say what to do instead in `emptyHint`); and
 * not found (a 404 or `notFound`) with 返回首页. Renders its children when there is data; children
 * given as a function are given the loaded data (`of`), and draw nothing while there is none.
 */
export default function PageState<T>({
  of,
  loading = !!of && of.loading && !of.data,
  error = of?.error,
  empty,
  emptyText = '暂无内容',
  emptyHint,
  loadingText = '加载中…',
  notFound,
  notFoundText,
  onRetry = of?.reload,
  children,
}: PageStateProps<T> & { children?: ReactNode | ((data: T) => ReactNode) }) {
  if (loading) {
    return (
      <View className='page-state page-state--loading' role='status' aria-live='polite'>
        <View className='page-state__spinner' />
        <Text className='page-state__text'>{loadingText}</Text>
      </View>
    )
  }
  if (notFound || isNotFound(error)) {
    return <NotFound text={notFoundText ?? (isApiError(error) && error.message ? error.message : undefined)} />
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
      </View>
    )
  }
  if (typeof children === 'function') return of?.data != null ? <>{children(of.data)}</> : null
  return <>{children}</>
}
