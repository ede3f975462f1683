import { useFormErrors } from '@/hooks/useFormErrors'
import FormError from '../FormError'
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { needsPrivacyConsent, PRIVACY_TERMS_VERSION } from '@gov/shared'
import Button from '../AppButton'
import BottomSheet from '../BottomSheet'
import PrivacyTerms from '../PrivacyTerms'
import { accountApi } from '@/api/account'
import { isH5 } from '@/platform'
import { session, useSession } from '@/store/session'
import { toast } from '@/utils/nav'
import { signOut } from '@/utils/signOut'
import './index.scss'

/** How many pages show the consent now: the tab bar stays hidden while any does. */
let holding = 0

/** Hide the tab bar (it would lead around the consent) until the returned release is called. */
function holdTabBar(): () => void {
  holding += 1
  if (holding === 1) void Promise.resolve(Taro.hideTabBar({ animation: false })).catch(() => undefined)
  return () => {
    holding -= 1
    if (holding === 0) void Promise.resolve(Taro.showTabBar({ animation: false })).catch(() => undefined)
  }
}

/**
 * Consent to the privacy terms before anything else: over every page (components/AppPage) while the
 * signed-in citizen has not agreed to the current version (at first sign-in, and again whenever the
 * version changes). Agreeing is recorded on the server (POST /me/consent); declining signs out.
 */
export default function TermsConsent() {
  const { accessToken, user } = useSession()
  const [busy, setBusy] = useState<'agree' | 'decline' | null>(null)
  const errors = useFormErrors()
  const needed = !!accessToken && !!user && needsPrivacyConsent(user)
  useEffect(() => (needed ? holdTabBar() : undefined), [needed])

  if (!needed) return null

  const agree = async () => {
    setBusy('agree')
    errors.clear()
    try {
      session.setUser(await accountApi.consent(PRIVACY_TERMS_VERSION))
    } catch (e) {
      errors.failWith(e)
    } finally {
      setBusy(null)
    }
  }

  const decline = async () => {
    setBusy('decline')
    await signOut()
    setBusy(null)
    toast('未同意隐私保护指引，已退出登录')
  }

  return (
    <BottomSheet
      title='隐私保护指引'
      className='terms-consent'
      actions={
        <>
          <Button className='terms-consent__btn' fill='outline' type='default' size='large' disabled={busy !== null} loading={busy === 'decline'} onClick={decline}>
            不同意并退出
          </Button>
          <Button className='terms-consent__btn' type='primary' size='large' disabled={busy !== null} loading={busy === 'agree'} onClick={agree}>
            同意并继续
          </Button>
        </>
      }
    >
      <Text className='terms-consent__lead'>
        {user.consentVersion ? '隐私保护指引已更新，请阅读后确认。' : '欢迎使用政务通。使用前请阅读并同意以下隐私保护指引。'}
      </Text>
      {/* a plain scrolling box: on H5 it takes keyboard focus so the text can be scrolled without a pointer */}
      <View className='terms-consent__body' {...((isH5 ? { tabIndex: 0, role: 'document', 'aria-label': '隐私保护指引全文' } : {}) as object)}>
        <PrivacyTerms />
      </View>
      <FormError message={errors.form} />
    </BottomSheet>
  )
}
