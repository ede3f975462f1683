import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { settings } from './store/settings'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    settings.applyToDocument()
  })
  return children
}

export default App
