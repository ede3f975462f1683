import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import Section from '@/components/Section'
import Segmented from '@/components/Segmented'
import StatusTag, { type Tone } from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { deliveryTag, type MessageDelivery } from '@gov/shared'
import { messagesApi, refreshUnreadBadge, type MessageView } from '@/api/messages'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { useSession } from '@/store/session'
import { fullDateTime } from '@/utils/time'
import { openPage, toast } from '@/utils/nav'
import { useBusy } from '@/hooks/useBusy'
import './index.scss'

type Filter = 'all' | 'unread'

const DELIVERY_TONES: Record<MessageDelivery['state'], Tone> = { sent: 'success', pending: 'info', failed: 'warning', skipped: 'muted' }

/** Where a message also went (短信, 微信通知 …) and how that stands; skipped channels are not shown. */
const deliveryTags = (m: MessageView) =>
  (m.deliveries ?? []).flatMap((d) => {
    const text = deliveryTag(d)
    return text ? [{ key: d.channel, text, tone: DELIVERY_TONES[d.state] }] : []
  })

/** 消息中心: every notice (bookings, no-shows, correction notices, decisions, rating answers…); tap to read and open. */
export default function Messages() {
  const { accessToken } = useSession()
  const [filter, setFilter] = useState<Filter>('all')
  const list = useAsync(() => messagesApi.list(filter === 'unread'), [filter, accessToken], !!accessToken)
  const [readIds, setReadIds] = useState<Set<string>>(new Set())
  const [marking, whileMarking] = useBusy()
  const reload = () => {
    setReadIds(new Set())
    list.reload()
    void refreshUnreadBadge()
  }
  usePullRefresh(reload)
  useReloadOnShow(reload, !!accessToken)

  const items = list.data ?? []
  const isRead = (m: MessageView) => m.read || readIds.has(m.id)
  const unread = items.filter((m) => !isRead(m))

  const open = async (m: MessageView) => {
    if (!isRead(m)) {
      setReadIds((s) => new Set(s).add(m.id))
      messagesApi
        .read(m.id)
        .then(() => refreshUnreadBadge())
        .catch(() => undefined)
    }
    if (m.link) {
      try {
        openPage(m.link)
      } catch {
        toast('暂时无法打开该页面')
      }
    }
  }

  const markAll = async () => {
    await whileMarking(async () => {
      for (const m of unread) {
        await messagesApi.read(m.id)
        setReadIds((s) => new Set(s).add(m.id))
      }
      await refreshUnreadBadge()
      toast('已全部标为已读')
    }, () => toast('部分消息未能标为已读，请重试'))
  }

  return (
    <SignedInPage className='messages' purpose='查看消息'>
      <Segmented label='消息筛选' value={filter} options={{ all: '全部消息', unread: '未读消息' }} onChange={setFilter} />
      {unread.length > 0 && (
        <View className='msg-toolbar'>
          <Button size='small' fill='outline' type='primary' loading={marking} onClick={markAll}>
            全部标为已读
          </Button>
        </View>
      )}
      <Section
        of={list}
        empty={items.length === 0}
        emptyText={filter === 'unread' ? '没有未读消息' : '暂无消息'}
        emptyHint='预约、办件进度、评价答复等通知都会出现在这里'
      >
        {items.map((m) => (
          <Tappable
            key={m.id}
            className={`msg-item ${isRead(m) ? '' : 'msg-item--unread'} ${m.superseded ? 'msg-item--superseded' : ''}`}
            onTap={() => void open(m)}
            label={`${isRead(m) ? '' : '未读，'}${m.superseded ? '已失效，' : ''}${m.title}，${m.body}${deliveryTags(m).map((t) => `，${t.text}`).join('')}`}
          >
            <View className='msg-item__dot' aria-hidden />
            <View className='msg-item__main'>
              <View className='msg-item__head'>
                <Text className='msg-item__title'>{m.title}</Text>
                {m.superseded ? <StatusTag tone='muted'>已失效</StatusTag> : null}
                <Text className='msg-item__time'>{fullDateTime(m.at)}</Text>
              </View>
              <Text className='msg-item__body'>{m.body}</Text>
              {deliveryTags(m).length > 0 ? (
                <View className='msg-item__deliveries'>
                  {deliveryTags(m).map((t) => (
                    <StatusTag key={t.key} tone={t.tone}>
                      {t.text}
                    </StatusTag>
                  ))}
                </View>
              ) : null}
              {m.superseded ? <Text className='msg-item__stale'>此消息所述情况已变化，请以最新消息和详情页为准。</Text> : null}
              {m.link ? <Text className='msg-item__link'>查看详情 ›</Text> : null}
            </View>
          </Tappable>
        ))}
      </Section>
    </SignedInPage>
  )
}
