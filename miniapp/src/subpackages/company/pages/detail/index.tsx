import { APPLICATION_STATUS_LABELS, BOOKING_STATUS_LABELS, ENTERPRISE_ROLE_LABELS } from '@gov/shared'
import Code from '@/components/Code'
import { useMemo } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import PageState from '@/components/PageState'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import { enterprisesApi, type RatedApplicationListItem } from '@/api/enterprises'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { acting, useActingChoice } from '@/store/acting'
import { useSession } from '@/store/session'
import { ENTERPRISE_STATUS } from '@/utils/enterprise-status'
import { SLA_STATUS } from '@/utils/status-tones'
import { dateLabel, fullDateTime } from '@/utils/time'
import { toast } from '@/utils/nav'
import CoRow from '@/subpackages/company/components/CoRow'
import '@/subpackages/company/company.scss'
import './index.scss'

const slaRank = (f: RatedApplicationListItem) => (f.sla === 'overdue' ? 0 : f.sla === 'due_soon' ? 1 : 2)

/** The enterprise dashboard: the company's filings (counts by status, overdue first) and its bookings. */
export default function CompanyDetail() {
  const id = useRouter().params.id ?? ''
  const { accessToken } = useSession()
  const choice = useActingChoice()
  const enabled = !!accessToken && !!id
  const company = useAsync(() => enterprisesApi.get(id), [id, accessToken], enabled)
  const filings = useAsync(() => enterprisesApi.filings(id), [id, accessToken], enabled)
  const bookings = useAsync(() => enterprisesApi.bookings(id), [id, accessToken], enabled)
  const reloadAll = () => {
    company.reload()
    filings.reload()
    bookings.reload()
  }
  usePullRefresh(reloadAll)
  useReloadOnShow(reloadAll, enabled)

  const sorted = useMemo(
    () => [...(filings.data ?? [])].sort((a, b) => slaRank(a) - slaRank(b) || (b.createdAt ?? '').localeCompare(a.createdAt ?? '')),
    [filings.data],
  )
  const counts = useMemo(() => {
    const m = new Map<string, number>()
    for (const f of filings.data ?? []) m.set(APPLICATION_STATUS_LABELS[f.status], (m.get(APPLICATION_STATUS_LABELS[f.status]) ?? 0) + 1)
    return [...m.entries()]
  }, [filings.data])
  const overdue = (filings.data ?? []).filter((f) => f.sla === 'overdue').length
  /** the count tiles: label, number, in red */
  const tiles: Array<[string, number, boolean?]> = [['全部', sorted.length], ['已超期', overdue, overdue > 0], ...counts]

  const c = company.data
  const actingHere = choice?.type === 'enterprise' && choice.id === id
  const verified = c?.status === 'verified'
  const actForCompany = () => {
    if (!c || c.status !== 'verified') return
    acting.set({ type: 'enterprise', id: c.id, name: c.name })
    toast(`已切换为以“${c.name}”名义办理`)
  }

  return (
    <SignedInPage className='co-detail' purpose='查看企业办件'>
      <View className='card'>
        <PageState of={company}>
          {c && (
            <View>
              <Text className='co-detail__name'>{c.name}</Text>
              <Text className='co-row__sub'>统一社会信用代码 {c.creditCode}</Text>
              <Text className='co-row__sub'>
                法定代表人 {c.legalRepName} · 我的身份：{ENTERPRISE_ROLE_LABELS[c.role]}
              </Text>
              <View className='co-tags'>
                <StatusTag tone={ENTERPRISE_STATUS[c.status].tone}>{ENTERPRISE_STATUS[c.status].text}</StatusTag>
                {actingHere ? <StatusTag tone='warning'>正在以企业名义办理</StatusTag> : null}
              </View>
              {verified ? null : (
                <View className={`co-status co-status--${ENTERPRISE_STATUS[c.status].tone}`}>
                  <Text>{ENTERPRISE_STATUS[c.status].hint}</Text>
                  {c.status === 'rejected' && c.reviewNote ? <Text className='co-status__note'>未通过原因：{c.reviewNote}</Text> : null}
                </View>
              )}
              <View className='co-actions' style={{ margin: '12px 0 0' }}>
                {actingHere ? (
                  <Button type='primary' fill='outline' onClick={() => { acting.clear(); toast('已改回以本人名义办理') }}>
                    改回以本人名义办理
                  </Button>
                ) : verified ? (
                  <Button type='primary' onClick={actForCompany}>
                    以企业名义办理
                  </Button>
                ) : null}
                <Button type='primary' fill='outline' onClick={() => Taro.navigateTo({ url: `/subpackages/company/pages/members/index?id=${c.id}` })}>
                  {c.role === 'admin' ? '成员管理' : '查看成员'}
                </Button>
                {c.role === 'admin' && verified && (
                  <Button
                    type='primary'
                    fill='outline'
                    onClick={() => Taro.navigateTo({ url: `/subpackages/company/pages/authorize/index?enterpriseId=${c.id}` })}
                  >
                    授权代办人
                  </Button>
                )}
              </View>
            </View>
          )}
        </PageState>
      </View>

      <Section title='企业办件' of={filings} empty={sorted.length === 0} emptyText='企业还没有办件' emptyHint='切换为以企业名义办理后，在办事指南中发起申请'>
        <View className='co-counts' aria-label='办件数量'>
          {tiles.map(([label, n, danger]) => (
            <View key={label} className={`co-count ${danger ? 'co-count--danger' : ''}`}>
              <Text className='co-count__num'>{n}</Text>
              <Text className='co-count__label'>{label}</Text>
            </View>
          ))}
        </View>
        <View style={{ marginTop: '12px' }}>
          {sorted.map((f) => (
            <CoRow
              key={f.id}
              className='co-filing'
              title={f.serviceName ?? f.number}
              aside={f.sla ? <StatusTag tone={SLA_STATUS[f.sla].tone}>{SLA_STATUS[f.sla].text}</StatusTag> : null}
            >
              <Text className='co-row__sub'>
                <Code>{f.number}</Code> · {APPLICATION_STATUS_LABELS[f.status]}
              </Text>
              {f.dueAt ? <Text className='co-row__sub'>办结期限 {dateLabel(f.dueAt)}</Text> : null}
            </CoRow>
          ))}
        </View>
      </Section>

      <Section title='企业预约' of={bookings} empty={(bookings.data ?? []).length === 0} emptyText='企业还没有预约'>
        {(bookings.data ?? []).map((b) => (
          <CoRow
            key={b.id}
            title={b.serviceName ?? '预约'}
            aside={<StatusTag tone={b.status === 'booked' ? 'info' : b.status === 'no_show' ? 'danger' : 'muted'}>{BOOKING_STATUS_LABELS[b.status] ?? b.status}</StatusTag>}
          >
            <Text className='co-row__sub'>
              {b.start ? fullDateTime(b.start) : ''} · {b.hallName ?? ''}
            </Text>
          </CoRow>
        ))}
      </Section>
    </SignedInPage>
  )
}
