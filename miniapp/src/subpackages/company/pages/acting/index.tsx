import { ENTERPRISE_ROLE_LABELS } from '@gov/shared'
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import SignedInPage from '@/components/SignedInPage'
import PageState from '@/components/PageState'
import Tappable from '@/components/Tappable'
import { delegationApi } from '@/api/delegation'
import { enterprisesApi } from '@/api/enterprises'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { acting, useActingChoice, type ActingChoice } from '@/store/acting'
import { useSession } from '@/store/session'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { ENTERPRISE_STATUS } from '@/utils/enterprise-status'
import { goBackOr, toast } from '@/utils/nav'
import { optionA11y } from '@/utils/a11y'
import '@/subpackages/company/company.scss'
import './index.scss'

interface Option {
  key: string
  title: string
  sub: string
  choice: ActingChoice | null
  /** why it cannot be chosen now (a company the hall has not verified, an invitation not accepted) */
  disabled?: string
  /** where a tap on a disabled option leads */
  go?: string
}

/**
 * 为谁办理: 本人, a verified company the user belongs to, or a principal whose authorisation the
 * user accepted and which is in force. A company waiting for the hall's check is shown, not offered.
 */
export default function Acting() {
  const { accessToken } = useSession()
  const current = useActingChoice()
  const data = useAsync(
    async () => {
      const [companies, received] = await Promise.all([enterprisesApi.list(), delegationApi.list('agent')])
      const active = received.filter((a) => a.status === 'active')
      return { companies, received: [...active, ...received.filter((a) => a.status === 'pending')] }
    },
    [accessToken],
    !!accessToken,
  )
  usePullRefresh(data.reload)

  const options: Option[] = [{ key: 'self', title: '本人', sub: '以自己的名义办理', choice: null }]
  for (const c of data.data?.companies ?? []) {
    const usable = c.status === 'verified'
    options.push({
      key: `enterprise:${c.id}`,
      title: c.name,
      sub: usable
        ? `企业 · 我是${ENTERPRISE_ROLE_LABELS[c.role]}`
        : `企业 · ${ENTERPRISE_STATUS[c.status].text}，${c.status === 'pending' ? '核验通过后才能以企业名义办理' : '不能以企业名义办理'}`,
      choice: { type: 'enterprise', id: c.id, name: c.name },
      disabled: usable ? undefined : c.status === 'pending' ? '企业待大厅核验，暂不能以企业名义办理' : '企业未通过核验，不能以企业名义办理',
    })
  }
  // accepted authorisations in force first; an invitation not answered yet is shown, and a tap leads to where it is accepted
  for (const a of data.data?.received ?? []) {
    const key = `${a.principal.type}:${a.principal.id}`
    if (options.some((o) => o.key === key)) continue
    const waiting = a.status === 'pending'
    const kind = `${a.principal.type === 'enterprise' ? '企业' : '个人'}委托`
    options.push({
      key,
      title: a.principal.name ?? '委托人',
      sub: waiting
        ? `${kind} · 待您确认，接受后才能为其办理`
        : `${kind} · ${a.services ? a.services.map((s) => s.name).join('、') : '全部事项'} · 至 ${a.validTo}`,
      choice: waiting ? null : { type: a.principal.type, id: a.principal.id, name: a.principal.name ?? '委托人', authorizationId: a.id },
      disabled: waiting ? '请先接受该授权委托' : undefined,
      go: waiting ? '/subpackages/company/pages/authorizations/index?role=agent' : undefined,
    })
  }
  // people who authorised me: their no-show record is the one that counts for what I book for them
  const personPrincipals = options.filter((o) => o.choice?.type === 'person')
  const currentKey = current ? `${current.type}:${current.id}` : 'self'

  // a choice whose membership or authorisation is gone falls back to 本人
  const stale = !!data.data && !!current && !options.some((o) => o.key === currentKey && !o.disabled)
  useEffect(() => {
    if (stale) acting.clear()
  }, [stale])

  const pick = (o: Option) => {
    if (o.disabled) {
      toast(o.disabled)
      if (o.go) Taro.navigateTo({ url: o.go })
      return
    }
    acting.set(o.choice)
    toast(o.choice ? `将以“${o.title}”的名义办理` : '将以本人名义办理')
    setTimeout(() => goBackOr('/pages/me/index'), 400)
  }

  return (
    <SignedInPage className='acting' purpose='选择办理对象'>
      <View className='section-title'>选择办理对象</View>
      <View className='card' role='radiogroup' aria-label='为谁办理'>
        <PageState of={data}>
          {options.map((o) => {
            const on = o.key === currentKey
            const a11y = optionA11y('radio', on, () => pick(o), `${o.title}，${o.sub}`, !!o.disabled)
            return (
              <View
                key={o.key}
                className={`co-choice ${on ? 'co-choice--on' : ''} ${o.disabled ? 'co-choice--disabled' : ''}`}
                onClick={() => pick(o)}
                {...(a11y as object)}
              >
                <View className='co-choice__mark' />
                <View className='acting__text'>
                  <Text className='co-row__title'>{o.title}</Text>
                  <Text className='acting__sub'>{o.sub}</Text>
                </View>
              </View>
            )
          })}
        </PageState>
      </View>
      <Text className='muted' style={{ display: 'block', margin: '0 12px' }}>
        代委托人预约时，爽约记在委托人的预约记录上；收到的授权须先在“我收到的授权”中接受才能代办，过期或被撤销后不能再代办。
      </Text>
      {personPrincipals.length > 0 ? (
        <>
          <View className='section-title'>委托人的爽约记录</View>
          <View className='card'>
            {personPrincipals.map((o) => (
              <Tappable
                key={`record:${o.key}`}
                className='acting__record'
                onTap={() => Taro.navigateTo({ url: withQuery(CITIZEN_ROUTES.noShows, { principalId: o.choice!.id, name: o.title }) })}
                label={`${o.title} 爽约记录（以委托人的记录为准）`}
              >
                <Text className='co-row__title'>{o.title}</Text>
                <Text className='acting__record-link'>爽约记录 ›</Text>
              </Tappable>
            ))}
          </View>
        </>
      ) : null}
    </SignedInPage>
  )
}
