import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../AppButton'
import { askSubscribeConsent, prefetchSubscribeTemplates, type SubscribeTemplateKey } from '@/api/messages'
import { supportsSubscribeMessage } from '@/platform'
import './index.scss'

interface Props {
  /** the templates that matter at this moment: after booking ['booking_reminder', 'booking_result'], after submitting a filing ['filing_progress'] */
  keys: SubscribeTemplateKey[]
  /** what the messages are about, e.g. 预约提醒 */
  purpose: string
}

/**
 * "开启微信提醒": asks for subscribe-message consent only when the user taps (WeChat rules), and
 * tells the server which templates were accepted. Renders nothing on H5 (messages arrive in the
 * in-app message centre there).
 */
export default function SubscribeCard({ keys, purpose }: Props) {
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'declined'>('idle')

  useEffect(() => {
    void prefetchSubscribeTemplates()
  }, [])

  if (!supportsSubscribeMessage) return null

  const ask = () => {
    setState('busy')
    askSubscribeConsent(keys)
      .then((accepted) => setState(accepted.length > 0 ? 'done' : 'declined'))
      .catch(() => setState('declined'))
  }

  return (
    <View className='card subscribe-card'>
      <Text className='subscribe-card__title'>开启{purpose}</Text>
      <Text className='muted'>
        {state === 'done'
          ? '已开启，届时将通过服务通知提醒您'
          : state === 'declined'
            ? '未开启提醒，您仍可在“我的—消息中心”查看通知'
            : '同意后，我们会在关键节点通过服务通知提醒您（每次同意只发送一次）'}
      </Text>
      {state !== 'done' && (
        <Button className='btn-block' block type='primary' fill='outline' loading={state === 'busy'} onClick={ask}>
          开启提醒
        </Button>
      )}
    </View>
  )
}
