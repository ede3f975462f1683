import { APPLICATION_STATUS_LABELS, AUTHORIZATION_STATUS_LABELS, BOOKING_STATUS_LABELS } from '@gov/shared'
import Code from '@/components/Code'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import Section from '@/components/Section'
import ReasonDialog from '@/components/ReasonDialog'
import Segmented from '@/components/Segmented'
import StatusTag, { type Tone } from '@/components/StatusTag'
import { errorMessage } from '@/api/client'
import { toned } from '@/utils/status-tones'
import { delegationApi, type AuthorizationView } from '@/api/delegation'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { acting } from '@/store/acting'
import { useSession } from '@/store/session'
import { dateLabel, fullDateTime } from '@/utils/time'
import { toast } from '@/utils/nav'
import '@/subpackages/company/company.scss'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import CoRow from '@/subpackages/company/components/CoRow'

type Role = 'principal' | 'agent'

const STATUS = toned(AUTHORIZATION_STATUS_LABELS, { pending: 'warning', active: 'success', declined: 'danger', revoked: 'muted', expired: 'muted' })

/** The status as this side reads it: an invitation waits for the agent, who sees it as theirs to answer. */
const statusFor = (a: AuthorizationView, role: Role) => (role === 'agent' && a.status === 'pending' ? { text: '待您确认', tone: 'warning' as Tone } : STATUS[a.status])

function scope(a: AuthorizationView): string {
  if (!a.services) return '全部事项'
  return a.services.map((s) => s.name || '（事项）').join('、')
}

/**
 * Authorisations given (as a person or as admin of a company) and received (as agent): the agent
 * accepts or declines an invitation (declining asks first); the principal revokes, or withdraws
 * an invitation not yet answered; what agents did for me.
 */
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
  const [revoking, setRevoking] = useState<AuthorizationView | null>(null)
  const [declining, setDeclining] = useState<AuthorizationView | null>(null)
  const [accepting, setAccepting] = useState<string | null>(null)
  const accept = async (a: AuthorizationView) => {
    setAccepting(a.id)
    try {
      await delegationApi.accept(a.id)
      toast('已接受，可在授权范围内为其办理', 'success')
      list.reload()
    } catch (e) {
      toast(errorMessage(e))
    } finally {
      setAccepting(null)
    }
  }
  const items = list.data ?? []
  const doneCount = (done.data?.bookings.length ?? 0) + (done.data?.filings.length ?? 0)

  return (
    <SignedInPage className='authorizations' purpose='管理授权委托'>
      <Segmented label='授权类别' value={role} options={{ principal: '我给出的授权', agent: '我收到的授权' }} onChange={setRole} />
      {role === 'principal' && (
        <View className='co-actions'>
          <Button type='primary' size='large' onClick={() => Taro.navigateTo({ url: '/subpackages/company/pages/authorize/index' })}>
            新建授权
          </Button>
        </View>
      )}
      <Section
        of={list}
        empty={items.length === 0}
        emptyText={role === 'principal' ? '您还没有授权他人代办' : '还没有人授权您代办'}
        emptyHint={role === 'principal' ? '可授权家人、同事或代办机构以您或企业的名义办理' : undefined}
      >
        {items.map((a) => (
          <View key={a.id} className='auth-item'>
            <View className='auth-item__head'>
              <Text className='co-row__title'>
                {role === 'principal'
                  ? `代办人 ${a.agent.name ?? ''} ${a.agent.phone ?? ''}`
                  : `委托人 ${a.principal.name ?? '（未实名）'}${a.principal.type === 'enterprise' ? '（企业）' : ''}`}
              </Text>
              <StatusTag tone={statusFor(a, role).tone}>{statusFor(a, role).text}</StatusTag>
            </View>
            {role === 'principal' && (
              <Text className='co-row__sub'>
                委托人：{a.principal.type === 'enterprise' ? `${a.principal.name ?? ''}（企业）` : '本人'}
              </Text>
            )}
            <Text className='co-row__sub'>授权范围：{scope(a)}</Text>
            <Text className='co-row__sub'>
              有效期：{dateLabel(a.validFrom)} 至 {dateLabel(a.validTo)}
            </Text>
            {a.status === 'active' && a.respondedAt ? <Text className='co-row__sub'>代办人接受于 {fullDateTime(a.respondedAt)}</Text> : null}
            {a.status === 'declined' && a.respondedAt ? <Text className='co-row__sub'>代办人拒绝于 {fullDateTime(a.respondedAt)}</Text> : null}
            {a.revokedAt ? <Text className='co-row__sub'>撤销于 {fullDateTime(a.revokedAt)}</Text> : null}
            {a.status === 'pending' ? (
              <Text className='co-status co-status--warning'>
                {role === 'agent'
                  ? '对方委托您代为办理。接受后，您可以在授权范围和有效期内以对方名义办理；接受前授权不生效。'
                  : '等待代办人用该手机号登录后确认接受，接受前授权不生效。'}
              </Text>
            ) : null}
            <ButtonRow className='auth-item__actions'>
              {role === 'principal' && (a.status === 'active' || a.status === 'pending') && (
                <Button size='small' type='danger' fill='outline' onClick={() => setRevoking(a)}>
                  {a.status === 'pending' ? '撤回授权' : '撤销授权'}
                </Button>
              )}
              {role === 'agent' && a.status === 'pending' && (
                <>
                  <Button size='small' type='danger' fill='outline' onClick={() => setDeclining(a)}>
                    拒绝
                  </Button>
                  <Button size='small' type='primary' loading={accepting === a.id} onClick={() => accept(a)}>
                    接受
                  </Button>
                </>
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
            </ButtonRow>
          </View>
        ))}
      </Section>

      {role === 'principal' && (
        <>
          <Section title='他人为我办理的记录' of={done} empty={doneCount === 0} emptyText='暂无代办记录'>
            {done.data?.bookings.map((b) => (
              <CoRow key={b.id} className='done-booking' title={`预约：${b.serviceName ?? ''}`} aside={<StatusTag tone='info'>{BOOKING_STATUS_LABELS[b.status]}</StatusTag>}>
                <Text className='co-row__sub'>
                  {b.start ? fullDateTime(b.start) : ''} · {b.hallName ?? ''}
                </Text>
              </CoRow>
            ))}
            {done.data?.filings.map((f) => (
              <CoRow key={f.id} title={`办件：${f.serviceName ?? ''}`} aside={<StatusTag tone='info'>{APPLICATION_STATUS_LABELS[f.status]}</StatusTag>}>
                <Code className='co-row__sub'>{f.number}</Code>
              </CoRow>
            ))}
          </Section>
        </>
      )}

      <ReasonDialog
        visible={!!declining}
        title='拒绝授权委托'
        description={`拒绝后，该授权不会生效，委托人${declining?.principal.name ? `（${declining.principal.name}）` : ''}会收到通知。如需代办，请对方重新授权。`}
        confirmText='拒绝'
        danger
        onConfirm={async () => {
          if (!declining) return
          await delegationApi.decline(declining.id)
          toast('已拒绝')
          list.reload()
        }}
        onClose={() => setDeclining(null)}
      />

      <ReasonDialog
        visible={!!revoking}
        title={revoking?.status === 'pending' ? '撤回授权' : '撤销授权'}
        description={
          revoking?.status === 'pending'
            ? '撤回后，代办人不能再接受这份授权。'
            : '撤销后，代办人立即不能再以您的名义办理。已办理的事项不受影响。'
        }
        confirmText={revoking?.status === 'pending' ? '撤回' : '撤销'}
        danger
        onConfirm={async () => {
          if (!revoking) return
          await delegationApi.revoke(revoking.id)
          toast(revoking.status === 'pending' ? '授权已撤回' : '授权已撤销')
          list.reload()
        }}
        onClose={() => setRevoking(null)}
      />
    </SignedInPage>
  )
}
