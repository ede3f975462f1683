import { useEffect, useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { setDeskLayout } from '../platform'

/** This page is a desk page (staff, admin, the staff sign-in): the desk layout while it is shown. */
export function useDeskLayout(): void {
  const owner = useRef({})
  useDidShow(() => setDeskLayout(owner.current, true))
  useDidHide(() => setDeskLayout(owner.current, false))
  useEffect(() => {
    const me = owner.current
    setDeskLayout(me, true)
    return () => setDeskLayout(me, false)
  }, [])
}
