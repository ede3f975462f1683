import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LINKS, TICKET_LANE_LABELS, TICKET_STATUS_LABELS, type SubscribeTemplateKey, type TicketView } from '@gov/shared'
import Button from '@/components/AppButton'
import SignedInPage from '@/components/SignedInPage'
import ButtonRow from '@/components/ButtonRow'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import StatusTag from '@/components/StatusTag'
import SubscribeCard from '@/components/SubscribeCard'
import { queueApi } from '@/api/queue'
import { useConfirmedBusy } from '@/hooks/useBusy'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useSession } from '@/store/session'
import { showFailure } from '@/utils/confirm'
import { openPage, toast } from '@/utils/nav'
import { shanghaiTime } from '@/utils/time'
import { useLive } from '@/hooks/useLive'
import { aheadLine, windowLabel } from '@/utils/queue-text'
import { TICKET_TONE } from '@/utils/ticket-tone'
import '@/subpackages/queue/queue.scss'
import './index.scss'

/** The call notice goes out on WeChat on the reminder template (server: queue.service, ticket_called). */
const CALL_TEMPLATE: SubscribeTemplateKey[] = ['booking_reminder']

/** Nothing more will happen to the ticket: the page stops following it. */
const settled = (t: TicketView) => t.status === 'done' || t.status === 'left'

/** Tell the holder in the hall: a long vibration (the phone may be in a pocket). Never throws. */
function buzz(): void {
  try {
    Taro.vibrateLong().catch(() => undefined)
  } catch {
    // a platform without vibration
  }
}

/**
 * The live ticket: its number and lane, "前面还有 N 人，预计等待 M 分钟", and when it is called a
 * banner "请到 X 号窗口" with a vibration. Follows the ticket's event stream on H5 and asks again
 * every few seconds elsewhere (useLive).
 */
export default function TicketPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { accessToken } = useSession()
  const ticket = useLive<TicketView>({
    load: () => queueApi.ticket(id),
    stream: id ? queueApi.ticketEvents(id) : null,
    auth: true,
    enabled: !!id && !!accessToken,
    settled,
    onChange: (t, before) => {
      const called = t.status === 'called'
      // a new call (or a recall: calledAt moves on) vibrates; the first load of a called ticket does too
      if (called && (!before || before.status !== 'called' || before.calledAt !== t.calledAt)) buzz()
    },
  })
  usePullRefresh(ticket.reload)
  const [leaving, whileLeaving] = useConfirmedBusy()

  const leave = async () => {
    await whileLeaving({ title: '放弃排队', content: '放弃后此号作废，需要办理时请重新取号。', confirmText: '放弃排队', cancelText: '继续排队' }, async () => {
      await queueApi.leave(id)
      toast('已放弃排队')
      ticket.reload()
    }, (e) => showFailure('操作失败', e))
  }

  const t = ticket.data
  return (
    <SignedInPage className='ticket' purpose='查看排队号'>
      <PageState of={ticket} loading={ticket.loading} notFound={!id} notFoundText='缺少排队号' error={t ? null : ticket.error}>
        {(t) => (
          <View>
            {t.status === 'called' && t.window ? (
              <View className='ticket__called' role='alert'>
                <Text className='ticket__called-title'>请到 {windowLabel(t.window.name)}</Text>
                <Text className='ticket__called-sub'>
                  {t.number} 号已叫到{t.calledAt ? `（${shanghaiTime(t.calledAt)}）` : ''}，请带好证件材料前往窗口办理
                </Text>
              </View>
            ) : null}

            <View className='card ticket__card'>
              <Text className='ticket__label'>您的排队号</Text>
              <Text className='ticket__number'>{t.number}</Text>
              <View className='ticket__tags'>
                <StatusTag tone={t.lane === 'green' ? 'success' : t.lane === 'appointment' ? 'info' : 'muted'}>{`${TICKET_LANE_LABELS[t.lane]}通道`}</StatusTag>
                <StatusTag tone={TICKET_TONE[t.status]}>{TICKET_STATUS_LABELS[t.status]}</StatusTag>
              </View>
              <View className='ticket__state' role='status' aria-live='polite'>
                {t.status === 'waiting' ? <Text className='ticket__ahead'>{aheadLine(t.ahead, t.estimatedWaitMinutes)}</Text> : null}
                {t.status === 'serving' ? <Text className='ticket__ahead'>正在{t.window ? ` ${windowLabel(t.window.name)} ` : '窗口'}办理</Text> : null}
                {t.status === 'done' ? <Text className='ticket__ahead'>已办结，感谢您的耐心等候</Text> : null}
                {t.status === 'skipped' ? (
                  <Text className='ticket__ahead'>
                    {t.canRequeue ? '叫号时您不在窗口，已过号。请尽快到服务台说明，可重新排队一次。' : '已过号，请到服务台咨询。'}
                  </Text>
                ) : null}
                {t.status === 'left' ? <Text className='ticket__ahead'>此号已失效</Text> : null}
              </View>
              {t.greenRequested && !t.greenConfirmed && t.status === 'waiting' ? (
                <Text className='ticket__note'>已申请绿色通道，等待窗口人员核实；核实前按普通号排队。</Text>
              ) : null}
            </View>

            <View className='card'>
              <KeyValue label='办理事项'>{t.serviceName ?? ''}</KeyValue>
              <KeyValue label='办事大厅'>{t.hallName ?? ''}</KeyValue>
              <KeyValue label='取号时间'>{shanghaiTime(t.takenAt)}</KeyValue>
              <Text className='muted ticket__live'>{settled(t) ? '' : ticket.mode === 'stream' ? '叫号时本页自动更新并振动提醒' : '本页每隔几秒自动刷新，叫号时振动提醒'}</Text>
            </View>

            {t.status === 'waiting' ? <SubscribeCard keys={CALL_TEMPLATE} purpose='叫号提醒' /> : null}

            <ButtonRow>
              <Button block type='primary' fill='outline' size='large' onClick={() => openPage(LINKS.hallScreen(t.hallId))}>
                大厅叫号屏
              </Button>
              {t.status === 'waiting' || t.status === 'skipped' ? (
                <Button block type='danger' fill='outline' size='large' loading={leaving} onClick={() => void leave()}>
                  放弃排队
                </Button>
              ) : null}
              {t.bookingId ? (
                <Button block type='primary' fill='outline' size='large' onClick={() => openPage(LINKS.booking(t.bookingId!))}>
                  查看预约
                </Button>
              ) : null}
            </ButtonRow>
          </View>
        )}
      </PageState>
    </SignedInPage>
  )
}
