import { useEffect, useRef } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import AppPage from '@/components/AppPage'
import PrivacyTerms from '@/components/PrivacyTerms'
import { PRIVACY_AGREE_BUTTON_ID, platformName, privacyPrompt } from '@/platform'
import { goBackOr } from '@/utils/nav'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'

/**
 * 隐私保护指引. Opened with ?consent=1 when WeChat asks for privacy authorisation and the page that
 * asked has no consent sheet: then it carries the agree / decline buttons.
 */
export default function Privacy() {
  const consent = useRouter().params.consent === '1' && platformName === 'weapp'
  const answered = useRef(false)

  // leaving without an answer counts as declining, so the waiting API call does not hang
  useEffect(
    () => () => {
      if (consent && !answered.current && privacyPrompt.pending()) privacyPrompt.disagree()
    },
    [consent],
  )

  return (
    <AppPage className='privacy'>
      <View className='card'>
        <PrivacyTerms />
      </View>
      {consent && (
        <View className='privacy__consent'>
          <Text className='privacy__p'>同意本指引后，方可使用拍照、选择文件、扫码等功能。</Text>
          <ButtonRow className='privacy__actions'>
            <Button
              className='privacy__btn privacy__btn--no'
              onClick={() => {
                answered.current = true
                privacyPrompt.disagree()
                goBackOr()
              }}
            >
              不同意
            </Button>
            <Button
              id={PRIVACY_AGREE_BUTTON_ID}
              className='privacy__btn privacy__btn--yes'
              openType='agreePrivacyAuthorization'
              onAgreePrivacyAuthorization={() => {
                answered.current = true
                privacyPrompt.agree()
                goBackOr()
              }}
            >
              同意并继续
            </Button>
          </ButtonRow>
        </View>
      )}
    </AppPage>
  )
}
