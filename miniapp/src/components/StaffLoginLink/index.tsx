import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import Tappable from '../Tappable'
import './index.scss'

/** 工作人员登录: the way from the citizen sign-in page to the staff sign-in (username and password). */
export default function StaffLoginLink() {
  return (
    <Tappable className='staff-login-link' onTap={() => Taro.navigateTo({ url: '/subpackages/staff/pages/login/index' })} label='工作人员登录'>
      <Text>工作人员登录</Text>
    </Tappable>
  )
}
