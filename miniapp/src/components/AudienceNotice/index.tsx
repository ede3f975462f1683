import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { audienceMessage, audienceVerdict, type Audience } from '@gov/shared'
import Button from '../AppButton'
import { ACTING_PAGE } from '../ActingBar'
import { useActingChoice } from '@/store/acting'
import { useSession } from '@/store/session'
import './index.scss'

/**
 * Why a service cannot be booked or filed for whom the user acts now (the server's AUDIENCE_MISMATCH
 * rule, `@gov/shared` audience.rules): a person-only service while acting for a company, or a
 * company-only one for oneself or a principal. Null when it fits, or when nobody is signed in.
 */
export function useAudienceBlock(audience: Audience | null | undefined): string | null {
  const { accessToken } = useSession()
  const choice = useActingChoice()
  if (!accessToken || !audience) return null
  const verdict = audienceVerdict(audience, choice?.type ?? 'person')
  return verdict === 'ok' ? null : audienceMessage(verdict)
}

/** The block, said plainly, with the way out (为谁办理 → 切换). Renders nothing when the service fits. */
export default function AudienceNotice({ audience }: { audience: Audience | null | undefined }) {
  const message = useAudienceBlock(audience)
  const choice = useActingChoice()
  if (!message) return null
  const now = choice ? (choice.type === 'enterprise' ? `当前以“${choice.name}”（企业）名义办理。` : `当前为委托人“${choice.name}”办理。`) : '当前以本人名义办理。'
  return (
    <View className='audience-notice' role='alert'>
      <Text className='audience-notice__title'>{message}</Text>
      <Text className='audience-notice__line'>{`${now}${audience === 'person' ? '请改为以本人名义办理。' : '请切换为您所在的企业；还没有企业的，可在“我的企业”中创建。'}`}</Text>
      <Button size='small' type='primary' fill='outline' onClick={() => Taro.navigateTo({ url: ACTING_PAGE })}>
        切换办理身份
      </Button>
    </View>
  )
}
