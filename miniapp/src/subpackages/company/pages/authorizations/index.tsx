import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppPage from '../../../../components/AppPage'
import Button from '../../../../components/AppButton'
import PageState from '../../../../components/PageState'
import ReasonDialog from '../../../../components/ReasonDialog'
import Segmented from '../../../../components/Segmented'
import SignInGate from '../../../../components/SignInGate'
import StatusTag, { type Tone } from '../../../../components/StatusTag'
import { delegationApi, type Authorization } from '../../../../api/delegation'
import { useAsync } from '../../../../hooks/useAsync'
import { usePullRefresh } from '../../../../hooks/usePullRefresh'
import { useReloadOnShow } from '../../../../hooks/useReloadOnShow'
import { acting } from '../../../../store/acting'
import { useSession } from '../../../../store/session'
import { fullDateTime } from '../../../../utils/time'
import { toast } from '../../../../utils/nav'
import '../../company.scss'
import './index.scss'

type Role = 'principal' | 'agent'

const STATUS: Record<Authorization['status'], { text: string; tone: Tone }> = {
  active: { text: '有效', tone: 'success' },
  revoked: { text: '已撤销', tone: 'muted' },
  expired: { text: '已过期', tone: 'muted' },
}

const BOOKING_STATUS: Record<string, string> = {
  booked: '已预约',
  checked_in: '已签到',
  cancelled: '已取消',
  cancelled_by_centre: '中心已取消',
  no_show: '爽约',
  no_show_waived: '爽约已豁免',
}

function scope(a: Authorization): string {
  if (!a.services) return '全部事项'
  return a.services.map((s) => s.name || '（事项）').join('、')
}

/** Authorisations given (as a person or as admin of a company) and received (as agent); revoke; what agents did for me. */
export default function Authorizations() {
  const params = useRouter().params
  const [role, setRole] = useState<Role>(params.role === 'agent' ? 'agent' : 'principal')
  const { accessToken } = useSession()
  const list = useAsync(() => delegationApi.list(role), [role, accessToken], !!accessToken)
  const done = useAsync(() => delegationApi.doneForMe(), [accessToken], !!accessToken && role === 'principal')
  const reloadAll = () => {
    list.reload()
    if (role === 'principal') done.reload()
  }
  usePullRefresh(reloadAll)
  useReloadOnShow(reloadAll, !!accessToken)
  const [revoking, setRevoking] = useState<Authorization | null>(null)
  const items = list.data ?? []
  const doneCount = (done.data?.bookings.length ?? 0) + (done.data?.filings.length ?? 0)

  return (
    <AppPage className='authorizations'>
      <SignInGate purpose='管理授权委托'>
        <Segmented
          label='授权类别'
          value={role}
          options={[
            { value: 'principal', label: '我给出的授权' },
            { value: 'agent', label: '我收到的授权' },
          ]}
          onChange={setRole}
        />
        {role === 'principal' && (
          <View className='co-actions'>
            <Button type='primary' size='large' onClick={() => Taro.navigateTo({ url: '/subpackages/company/pages/authorize/index' })}>
              新建授权
            </Button>
          </View>
        )}
        <View className='card'>
          <PageState
            loading={list.loading && !list.data}
            error={list.error}
            empty={items.length === 0}
            emptyText={role === 'principal' ? '您还没有授权他人代办' : '还没有人授权您代办'}
            emptyHint={role === 'principal' ? '可授权家人、同事或代办机构以您或企业的名义办理' : undefined}
            onRetry={list.reload}
          >
            {items.map((a) => (
              <View key={a.id} className='auth-item'>
                <View className='auth-item__head'>
                  <Text className='co-row__title'>
                    {role === 'principal'
                      ? `代办人 ${a.agent.name ?? ''} ${a.agent.phone ?? ''}`
                      : `委托人 ${a.principal.name ?? '（未实名）'}${a.principal.type === 'enterprise' ? '（企业）' : ''}`}
                  </Text>
                  <StatusTag tone={STATUS[a.status].tone}>{STATUS[a.status].text}</StatusTag>
                </View>
                {role === 'principal' && (
                  <Text className='co-row__sub'>
                    委托人：{a.principal.type === 'enterprise' ? `${a.principal.name ?? ''}（企业）` : '本人'}
                  </Text>
                )}
                <Text className='co-row__sub'>授权范围：{scope(a)}</Text>
                <Text className='co-row__sub'>
                  有效期：{a.validFrom} 至 {a.validTo}
                </Text>
                {a.revokedAt ? <Text className='co-row__sub'>撤销于 {fullDateTime(a.revokedAt)}</Text> : null}
                <View className='auth-item__actions'>
                  {role === 'principal' && a.status === 'active' && (
                    <Button size='small' type='danger' fill='outline' onClick={() => setRevoking(a)}>
                      撤销授权
                    </Button>
                  )}
                  {role === 'agent' && a.status === 'active' && (
                    <Button
                      size='small'
                      type='primary'
                      fill='outline'
                      onClick={() => {
                        acting.set({ type: a.principal.type, id: a.principal.id, name: a.principal.name ?? '委托人', authorizationId: a.id })
                        toast('已切换办理对象')
                      }}
                    >
                      为其办理
                    </Button>
                  )}
                </View>
              </View>
            ))}
          </PageState>
        </View>

        {role === 'principal' && (
          <>
            <View className='section-title'>他人为我办理的记录</View>
            <View className='card'>
              <PageState loading={done.loading && !done.data} error={done.error} empty={doneCount === 0} emptyText='暂无代办记录' onRetry={done.reload}>
                {done.data?.bookings.map((b) => (
                  <View key={b.id} className='co-row done-booking'>
                    <View className='co-row__main'>
                      <Text className='co-row__title'>预约：{b.serviceName ?? ''}</Text>
                      <Text className='co-row__sub'>
                        {b.start ? fullDateTime(b.start) : ''} · {b.hallName ?? ''}
                      </Text>
                    </View>
                    <StatusTag tone='info'>{BOOKING_STATUS[b.status] ?? b.status}</StatusTag>
                  </View>
                ))}
                {done.data?.filings.map((f) => (
                  <View key={f.id} className='co-row'>
                    <View className='co-row__main'>
                      <Text className='co-row__title'>办件：{f.serviceName ?? ''}</Text>
                      <Text className='co-row__sub'>{f.number}</Text>
                    </View>
                    <StatusTag tone='info'>{f.statusLabel ?? f.status}</StatusTag>
                  </View>
                ))}
              </PageState>
            </View>
          </>
        )}

        <ReasonDialog
          visible={!!revoking}
          title='撤销授权'
          description='撤销后，代办人立即不能再以您的名义办理。已办理的事项不受影响。'
          confirmText='撤销'
          danger
          onConfirm={async () => {
            if (!revoking) return
            await delegationApi.revoke(revoking.id)
            toast('授权已撤销')
            list.reload()
          }}
          onClose={() => setRevoking(null)}
        />
      </SignInGate>
    </AppPage>
  )
}
