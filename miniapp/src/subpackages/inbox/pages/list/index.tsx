import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Message } from '@gov/shared'
import AppPage from '../../../../components/AppPage'
import PageState from '../../../../components/PageState'
import SignInGate from '../../../../components/SignInGate'
import Tappable from '../../../../components/Tappable'
import { messagesApi } from '../../../../api/messages'
import { useAsync } from '../../../../hooks/useAsync'
import { usePullRefresh } from '../../../../hooks/usePullRefresh'
import { useSession } from '../../../../store/session'
import { openPage } from '../../../../utils/nav'
import { fullDateTime } from '../../../../utils/time'
import './index.scss'

/** A simple message list: tap to mark read and open what it links to. */
export default function Inbox() {
  const { accessToken } = useSession()
  const list = useAsync(() => messagesApi.list(), [accessToken], !!accessToken)
  usePullRefresh(list.reload)

  const open = (m: Message) => {
    if (!m.read) messagesApi.read(m.id).then(list.reload, () => undefined)
    if (m.link) {
      try {
        openPage(m.link)
      } catch {
        Taro.showToast({ title: '该页面暂不可用', icon: 'none' })
      }
    }
  }

  return (
    <AppPage className='inbox'>
      <SignInGate purpose='查看消息'>
        <View className='card'>
          <PageState
            loading={list.loading && !list.data}
            error={list.error}
            empty={(list.data ?? []).length === 0}
            emptyText='暂无消息'
            onRetry={list.reload}
          >
            {(list.data ?? []).map((m) => (
              <Tappable key={m.id} className='inbox__item' onTap={() => open(m)}>
                <View className='inbox__head'>
                  {!m.read ? <View className='inbox__dot' aria-hidden /> : null}
                  {!m.read ? <Text className='inbox__sr'>未读</Text> : null}
                  <Text className={`inbox__title ${m.read ? 'inbox__title--read' : ''}`}>{m.title}</Text>
                </View>
                <Text className='inbox__body'>{m.body}</Text>
                <Text className='inbox__time'>{fullDateTime(m.at)}</Text>
              </Tappable>
            ))}
          </PageState>
        </View>
      </SignInGate>
    </AppPage>
  )
}
