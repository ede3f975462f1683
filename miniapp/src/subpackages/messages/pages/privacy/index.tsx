import { useEffect, useRef } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import AppPage from '../../../../components/AppPage'
import { PRIVACY_AGREE_BUTTON_ID, platformName, privacyPrompt } from '../../../../platform'
import { goBackOr } from '../../../../utils/nav'
import './index.scss'

const SECTIONS: Array<{ h: string; p: string[] }> = [
  {
    h: '一、我们收集哪些信息',
    p: [
      '1. 手机号：用于登录、接收预约和办件通知。',
      '2. 姓名和居民身份证号：用于实名认证，这是办理政务服务事项的法定要求。身份证号加密保存，页面上只显示打码后的号码。',
      '3. 您上传的办事材料（照片、PDF 文件）：仅用于您申请的事项的预审和受理。',
      '4. 预约、办件、评价和消息记录：用于提供服务、统计满意度和整改。',
    ],
  },
  {
    h: '二、我们使用哪些手机权限',
    p: [
      '1. 摄像头和相册：拍摄或选择办事材料；窗口人员扫描预约签到码。',
      '2. 微信聊天文件：选择聊天中收到的 PDF 等材料。',
      '3. 订阅消息：仅在您点击同意后，发送预约提醒、办件进度等服务通知。',
      '我们只在您使用相应功能时请求权限，拒绝不影响浏览办事指南等其他功能。',
    ],
  },
  {
    h: '三、我们如何保护和共享信息',
    p: [
      '1. 身份证号、手机号在数据库中加密存储，在日志和页面中打码显示。',
      '2. 只有您本人、您授权的代办人、您所在企业的成员（企业事项）和受理大厅的工作人员可以查看您的办件和材料。',
      '3. 您的评价会转交责任部门整改，但工作人员看不到评价人是谁。',
      '4. 除法律法规规定外，我们不会向第三方提供您的个人信息。',
    ],
  },
  {
    h: '四、您的权利',
    p: [
      '您可以在“我的”中查看个人信息，撤销授权委托，退出登录。如需更正或删除个人信息，或对本指引有疑问，请拨打 12345 政务服务便民热线。',
    ],
  },
]

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
        <Text className='privacy__p'>
          政务通由政务服务中心提供。我们重视您的个人信息保护，依据《中华人民共和国个人信息保护法》制定本指引，说明我们如何收集、使用和保护您的信息。
        </Text>
        {SECTIONS.map((s) => (
          <View key={s.h}>
            <View className='privacy__h' role='heading' aria-level={2}>
              {s.h}
            </View>
            {s.p.map((p) => (
              <Text key={p} className='privacy__p'>
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
      {consent && (
        <View className='privacy__consent'>
          <Text className='privacy__p'>同意本指引后，方可使用拍照、选择文件、扫码等功能。</Text>
          <View className='privacy__actions'>
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
          </View>
        </View>
      )}
    </AppPage>
  )
}
