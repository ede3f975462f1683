import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Tappable from '../Tappable'
import { useActingChoice } from '../../store/acting'
import { useSession } from '../../store/session'
import './index.scss'

export const ACTING_PAGE = '/subpackages/company/pages/acting/index'

/**
 * 为谁办理: a bar that says for whom the user is acting now (本人, a company, a principal) and opens
 * the switcher. Booking and filing pages show it above their forms; the value is useActingFor().
 */
export default function ActingBar() {
  const { accessToken } = useSession()
  const choice = useActingChoice()
  if (!accessToken) return null
  const who = choice ? (choice.type === 'enterprise' ? `${choice.name}（企业）` : `${choice.name}（委托人）`) : '本人'
  return (
    <Tappable className={`acting-bar ${choice ? 'acting-bar--other' : ''}`} onTap={() => Taro.navigateTo({ url: ACTING_PAGE })} label={`为谁办理：${who}，点击切换`}>
      <View className='acting-bar__text'>
        <Text className='acting-bar__label'>为谁办理</Text>
        <Text className='acting-bar__who'>{who}</Text>
      </View>
      <Text className='acting-bar__switch'>切换</Text>
    </Tappable>
  )
}
