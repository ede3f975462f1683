import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { refreshUnreadBadge } from './api/messages'
import { settings } from './store/settings'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    settings.applyToDocument()
    // the unread badge on 我的 from the start (refreshed again each time 我的 shows)
    void refreshUnreadBadge()
  })
  return children
}

export default App
