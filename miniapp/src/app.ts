import { type PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { refreshUnreadBadge } from './api/messages'
import { ROUTES } from './routes'
import { withQuery } from './routes.citizen'
import { settings } from './store/settings'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    settings.applyToDocument()
    // the unread badge on 我的 from the start (refreshed again each time 我的 shows)
    void refreshUnreadBadge()
  })
  // an unknown address: a page that says so, with a way home (not a blank screen)
  usePageNotFound((res) => {
    void Taro.reLaunch({ url: withQuery(ROUTES.notFound, { path: res.path }) })
  })
  return children
}

export default App
