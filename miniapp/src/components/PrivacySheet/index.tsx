import BottomSheet from '../BottomSheet'
import { useEffect, useSyncExternalStore } from 'react'
import { Button, Text } from '@tarojs/components'
import {
  PRIVACY_AGREE_BUTTON_ID,
  installPrivacyHandler,
  openPrivacyContract,
  platformName,
  privacyPrompt,
} from '@/platform'
import './index.scss'

/**
 * WeChat's privacy consent sheet: shown when a privacy API (camera, album, chat files, phone,
 * location) needs the user's agreement to the privacy guide. Put it on every page that calls such an
 * API through the platform adapter (scanCode, chooseFile…). Renders nothing on H5 and Alipay.
 */
export default function PrivacySheet() {
  const state = useSyncExternalStore(privacyPrompt.subscribe, privacyPrompt.get, privacyPrompt.get)
  const weapp = platformName === 'weapp'

  useEffect(() => {
    if (!weapp) return undefined
    installPrivacyHandler()
    privacyPrompt.sheetMounted(1)
    return () => privacyPrompt.sheetMounted(-1)
  }, [weapp])

  if (!weapp || !state.visible) return null
  return (
    <BottomSheet
      title='隐私保护提示'
      className='privacy-sheet'
      actions={
        <>
          <Button className='privacy-sheet__btn privacy-sheet__btn--no' onClick={() => privacyPrompt.disagree()}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className='privacy-sheet__btn privacy-sheet__btn--yes'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => privacyPrompt.agree()}
          >
            同意并继续
          </Button>
        </>
      }
    >
      <Text className='privacy-sheet__text'>
        为了扫码签到、上传办事材料，政务通需要使用您的摄像头、相册或聊天文件。请您阅读并同意
      </Text>
      <Text className='privacy-sheet__link' onClick={openPrivacyContract}>
        {state.contractName}
      </Text>
      <Text className='privacy-sheet__text'>同意后方可继续；不同意不影响浏览办事指南。</Text>
    </BottomSheet>
  )
}
