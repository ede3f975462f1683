import { Text, View } from '@tarojs/components'
import { PRIVACY_TERMS_VERSION } from '@gov/shared'
import './index.scss'

/**
 * The text of the privacy terms (隐私保护指引) of version PRIVACY_TERMS_VERSION (@gov/shared).
 * Change the version there whenever this text changes in substance: every citizen is asked again.
 */
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
      '4. 地图：查看大厅位置和导航时，我们把大厅的位置交给微信、支付宝或高德地图显示；我们不获取您自己的位置。',
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
      '1. 您可以在“我的”中查看个人信息，撤销授权委托，退出登录。',
      '2. 您可以在“我的 > 注销账号”中注销账号。注销后，手机号、姓名、身份证号、微信或支付宝绑定、消息和授权将被删除或撤销；依照法律规定须作为政务档案保存的办件记录和材料除外。',
      '3. 如需更正个人信息，或对本指引有疑问，请拨打 12345 政务服务便民热线。',
    ],
  },
]

export default function PrivacyTerms() {
  return (
    <View className='privacy-terms'>
      <Text className='privacy-terms__p'>
        政务通由政务服务中心提供。我们重视您的个人信息保护，依据《中华人民共和国个人信息保护法》制定本指引，说明我们如何收集、使用和保护您的信息。
      </Text>
      {SECTIONS.map((s) => (
        <View key={s.h}>
          <View className='privacy-terms__h' role='heading' aria-level={2}>
            {s.h}
          </View>
          {s.p.map((p) => (
            <Text key={p} className='privacy-terms__p'>
              {p}
            </Text>
          ))}
        </View>
      ))}
      <Text className='privacy-terms__version'>版本：{PRIVACY_TERMS_VERSION}</Text>
    </View>
  )
}
