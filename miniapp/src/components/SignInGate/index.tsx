import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '../AppButton'
import { ROUTES } from '@/routes'
import { useSession } from '@/store/session'
import './index.scss'

export interface SignInGateProps {
  /** what signing in is for, e.g. 查看我的预约 */
  purpose: string
  /** also require a verified real name */
  verified?: boolean
}

/** Renders its children for a signed-in (and, when asked, verified) user; otherwise the way there. */
export default function SignInGate({ purpose, verified, children }: PropsWithChildren<SignInGateProps>) {
  const { accessToken, user } = useSession()
  if (!accessToken) {
    return (
      <View className='card sign-in-gate'>
        <Text className='sign-in-gate__title'>请先登录</Text>
        <Text className='muted'>登录后即可{purpose}</Text>
        <Button className='btn-block' block type='primary' size='large' onClick={() => Taro.navigateTo({ url: ROUTES.login })}>
          登录
        </Button>
      </View>
    )
  }
  if (verified && user && !user.verified) {
    return (
      <View className='card sign-in-gate'>
        <Text className='sign-in-gate__title'>请先完成实名认证</Text>
        <Text className='muted'>根据政务服务实名要求，{purpose}前需核验身份</Text>
        <Button className='btn-block' block type='primary' size='large' onClick={() => Taro.navigateTo({ url: ROUTES.verify })}>
          实名认证
        </Button>
      </View>
    )
  }
  return <>{children}</>
}
