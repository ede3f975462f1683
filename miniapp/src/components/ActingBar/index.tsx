import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Tappable from '../Tappable'
import { useActingChoice, type ActingChoice } from '@/store/acting'
import { useSession } from '@/store/session'
import './index.scss'

export const ACTING_PAGE = '/subpackages/company/pages/acting/index'

/** Whom the user acts for, in words: 本人（李明）, 清河星火科技有限公司（企业）, 王*（委托人）. */
export function actingWho(choice: ActingChoice | null, ownName?: string | null): string {
  if (choice) return choice.type === 'enterprise' ? `${choice.name}（企业）` : `${choice.name}（委托人）`
  return ownName ? `本人（${ownName}）` : '本人'
}

/** actingWho() for the current choice and the signed-in user. */
export function useActingWho(): string {
  const { user } = useSession()
  return actingWho(useActingChoice(), user?.realName)
}

/**
 * 为谁办理: a bar at the top of every booking and filing form that says in whose name the user is
 * about to act ("为 … 办理": 本人, a company, a principal) and opens the switcher. Pages repeat the
 * same words beside their confirm button (useActingWho); the value sent is useActingFor().
 */
export default function ActingBar() {
  const { accessToken } = useSession()
  const choice = useActingChoice()
  const who = useActingWho()
  if (!accessToken) return null
  return (
    <Tappable className={`acting-bar ${choice ? 'acting-bar--other' : ''}`} onTap={() => Taro.navigateTo({ url: ACTING_PAGE })}>
      <View className='acting-bar__text'>
        <Text className='acting-bar__label'>为谁办理</Text>
        <Text className='acting-bar__who'>{`为 ${who} 办理`}</Text>
      </View>
      <Text className='acting-bar__switch'>更改</Text>
    </Tappable>
  )
}
