import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Tappable from '../Tappable'
import { isStaffUser } from '@/api/staff'
import { useActingChoice } from '@/store/acting'
import { useSession } from '@/store/session'
import './index.scss'

export const MY_PAGES = {
  messages: '/subpackages/messages/pages/index/index',
  privacy: '/subpackages/messages/pages/privacy/index',
  companies: '/subpackages/company/pages/index/index',
  authorizations: '/subpackages/company/pages/authorizations/index',
  acting: '/subpackages/company/pages/acting/index',
  ratings: '/subpackages/ratings/pages/mine/index',
  certificates: '/subpackages/certificates/pages/mine/index',
  staffHome: '/subpackages/staff/pages/index/index',
  staffLogin: '/subpackages/staff/pages/login/index',
  adminStats: '/subpackages/admin/pages/stats/index',
  adminSchedule: '/subpackages/admin/pages/schedule/index',
} as const

interface Entry {
  label: string
  url: string
  extra?: string
  badge?: number
}

/**
 * The 我的 entries of the company, delegation, ratings and messages areas (and the staff workbench
 * for staff). 我的 passes the unread count (it refreshes the 我的 tab badge each time it shows).
 */
export default function MeEntries({ unread = 0 }: { unread?: number }) {
  const { accessToken, user } = useSession()
  const choice = useActingChoice()

  const staff = isStaffUser(user?.roles)
  const entries: Entry[] = []
  if (accessToken) {
    if (staff) {
      entries.push({ label: '工作台', url: MY_PAGES.staffHome, extra: user?.roles.includes('admin') ? '管理员' : '窗口人员' })
      if (user?.roles.includes('admin')) entries.push({ label: '排班管理', url: MY_PAGES.adminSchedule }, { label: '满意度统计', url: MY_PAGES.adminStats })
    }
    // 消息 has its own row on 我的; staff get theirs here
    if (staff) entries.push({ label: '消息中心', url: MY_PAGES.messages, badge: unread })
    if (!staff) {
      entries.push(
        { label: '为谁办理', url: MY_PAGES.acting, extra: choice ? choice.name : '本人' },
        { label: '我的证照', url: MY_PAGES.certificates },
        { label: '我的企业', url: MY_PAGES.companies },
        { label: '授权委托', url: MY_PAGES.authorizations },
        { label: '我的评价', url: MY_PAGES.ratings },
      )
    }
  } else {
    entries.push({ label: '工作人员登录', url: MY_PAGES.staffLogin })
  }
  entries.push({ label: '隐私保护指引', url: MY_PAGES.privacy })

  return (
    <View className='card me-entries'>
      {entries.map((e) => (
        <Tappable
          key={e.label}
          className='me-entries__row'
          onTap={() => Taro.navigateTo({ url: e.url })}
          label={e.badge ? `${e.label}，${e.badge} 条未读` : e.extra ? `${e.label}：${e.extra}` : e.label}
        >
          <Text className='me-entries__label'>{e.label}</Text>
          <View className='me-entries__right'>
            {e.badge ? <Text className='me-entries__badge'>{e.badge > 99 ? '99+' : e.badge}</Text> : null}
            {e.extra ? <Text className='me-entries__extra'>{e.extra}</Text> : null}
            <Text className='me-entries__arrow' aria-hidden>
              ›
            </Text>
          </View>
        </Tappable>
      ))}
    </View>
  )
}
