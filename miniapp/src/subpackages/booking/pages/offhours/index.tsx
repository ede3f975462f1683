import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { OFFHOURS_STATUS_LABELS } from '@gov/shared'
import Button from '@/components/AppButton'
import AppPage from '@/components/AppPage'
import HallLocation from '@/components/HallLocation'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import SignInGate from '@/components/SignInGate'
import StatusTag from '@/components/StatusTag'
import { bookingApi } from '@/api/booking'
import { catalogApi } from '@/api/catalog'
import { errorMessage } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { useConfirmedBusy } from '@/hooks/useBusy'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { useSession } from '@/store/session'
import { openPage, toast } from '@/utils/nav'
import { dateTimeLabel, slotLabel } from '@/utils/time'
import { OFFHOURS_TONE } from '@/subpackages/booking/components/tones'
import '@/subpackages/booking/components/booking.scss'
import '@/subpackages/booking/components/offhours.scss'
import ButtonRow from '@/components/ButtonRow'

/** The status of one off-hours request. */
function RequestStatus({ id }: { id: string }) {
  const { accessToken } = useSession()
  const req = useAsync(() => bookingApi.offhours(id), [id, accessToken], !!accessToken)
  const service = useAsync(() => catalogApi.guide(req.data!.serviceId), [req.data?.serviceId], !!req.data)
  const [busy, whileCancelling] = useConfirmedBusy()
  usePullRefresh(req.reload)
  const r = req.data
  const hall = service.data?.halls.find((h) => h.id === r?.hallId)

  const cancel = async () => {
    await whileCancelling({ title: '撤回申请', content: '确定撤回这次错时办理申请吗？', confirmText: '撤回', cancelText: '不撤回' }, async () => {
      await bookingApi.cancelOffhours(id)
      toast('已撤回')
      req.reload()
    }, (e) => toast(errorMessage(e)))
  }

  return (
    <PageState of={req} loading={req.loading}>
      {(r) => (
        <View>
          <View className='card'>
            <KeyValue label='申请状态' block>
              <StatusTag tone={OFFHOURS_TONE[r.status] ?? 'info'}>{OFFHOURS_STATUS_LABELS[r.status]}</StatusTag>
            </KeyValue>
            <KeyValue label='办理事项'>{service.data?.name ?? '…'}</KeyValue>
            <KeyValue label='办理大厅'>{hall?.name ?? '…'}</KeyValue>
            {hall ? (
              <KeyValue label='大厅地址' block>
                <HallLocation name={hall.name} address={hall.address} latitude={hall.latitude} longitude={hall.longitude} />
              </KeyValue>
            ) : null}
            <KeyValue label='希望时间'>{slotLabel(r.preferredStart, r.preferredEnd)}</KeyValue>
            {r.note ? <KeyValue label='备注'>{r.note}</KeyValue> : null}
            {r.staffName ? <KeyValue label='接待人员'>{r.staffName}</KeyValue> : null}
            {r.status === 'pending' && r.replyBy ? (
              <KeyValue label='答复期限'>{`${dateTimeLabel(r.replyBy)} 前${r.overdue ? '（已超时，已提醒大厅督办）' : ''}`}</KeyValue>
            ) : null}
            {r.refuseReason ? <KeyValue label='未通过原因'>{r.refuseReason}</KeyValue> : null}
          </View>
          {r.status === 'confirmed' && (r.materials.length > 0 || r.materialsNote) ? (
            <View className='card'>
              <Text className='choice__title'>请携带以下材料</Text>
              <View className='offhours__materials'>
                {r.materials.map((m, i) => (
                  <Text key={m}>{`${i + 1}. ${m}`}</Text>
                ))}
                {r.materialsNote ? <Text>{`另：${r.materialsNote}`}</Text> : null}
              </View>
            </View>
          ) : null}
          {r.status === 'pending' ? (
            <View className='info-box'>
              <Text>{`大厅将${r.replyBy ? `在 ${dateTimeLabel(r.replyBy)} 前` : '在一个工作日内'}确认时间和接待人员，结果会通过消息通知您。`}</Text>
            </View>
          ) : null}
          {r.status === 'expired' ? (
            <View className='info-box'>
              <Text>很抱歉，这次申请到预约日仍未获大厅答复，已过期。如仍需办理，请重新申请或致电大厅。</Text>
            </View>
          ) : null}
          <ButtonRow className='offhours__actions'>
            {r.status === 'confirmed' && r.bookingId ? (
              <Button block type='primary' size='large' onClick={() => openPage(withQuery(CITIZEN_ROUTES.booking, { id: r.bookingId! }))}>
                查看预约和签到码
              </Button>
            ) : null}
            {r.status === 'expired' || r.status === 'refused' ? (
              <Button block type='primary' size='large' onClick={() => openPage(withQuery(CITIZEN_ROUTES.offhoursNew, { serviceId: r.serviceId, hallId: r.hallId }))}>
                重新申请
              </Button>
            ) : null}
            {r.status === 'pending' ? (
              <Button block type='danger' fill='outline' size='large' loading={busy} onClick={cancel}>
                撤回申请
              </Button>
            ) : null}
          </ButtonRow>
        </View>
      )}
    </PageState>
  )
}

/** Without an id: old links to the form (`serviceId`) open the form; otherwise the list of one's requests. */
function Elsewhere({ serviceId, hallId }: { serviceId?: string; hallId?: string }) {
  useEffect(() => {
    const url = serviceId ? withQuery(CITIZEN_ROUTES.offhoursNew, { serviceId, hallId }) : withQuery(CITIZEN_ROUTES.myBookings, { tab: 'offhours' })
    void Taro.redirectTo({ url })
  }, [serviceId, hallId])
  return <PageState loading />
}

/** 错时/预约办 status screen: one request (`id`) — its state, when the hall must answer, what to bring. */
export default function Offhours() {
  const { params } = useRouter()
  return (
    <AppPage className='offhours'>
      {params.id ? (
        <SignInGate purpose='查看错时/预约办申请'>
          <RequestStatus id={params.id} />
        </SignInGate>
      ) : (
        <Elsewhere serviceId={params.serviceId} hallId={params.hallId} />
      )}
    </AppPage>
  )
}
