import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useSettings } from '../../store/settings'
import TermsConsent from '../TermsConsent'

interface Props {
  className?: string
}

/**
 * The root of every page: carries the theme variables and the large-font (适老化) scale, and asks a
 * signed-in citizen to consent to the privacy terms before anything else (components/TermsConsent).
 */
export default function AppPage({ className, children }: PropsWithChildren<Props>) {
  const { largeFont } = useSettings()
  const cls = ['app-page', largeFont ? 'app-page--large' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={cls}>
      {children}
      <TermsConsent />
    </View>
  )
}
