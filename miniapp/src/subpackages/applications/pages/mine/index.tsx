import { APPLICATION_STATUS_LABELS, SLA_LABELS } from '@gov/shared'
import Code from '@/components/Code'
import { useMemo, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import SignedInPage from '@/components/SignedInPage'
import PageState from '@/components/PageState'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { filingsApi, partyKey, partyLabel } from '@/api/filings'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { useSession } from '@/store/session'
import { openPage } from '@/utils/nav'
import { dateLabel, shanghaiDate } from '@/utils/time'
import { FILING_TONE, SLA_TONE } from '@/subpackages/applications/components/tones'
import '@/subpackages/applications/components/filing.scss'
import './index.scss'

/**
 * 我的办件: every filing with its status and deadline badge, each labelled with the name it is
 * made in (本人, a company, or for / by an agent), with a filter by that name when there are several.
 */
export default function MyFilings() {
  const { accessToken, user } = useSession()
  const list = useAsync(() => filingsApi.list(), [accessToken], !!accessToken)
  const [filter, setFilter] = useState('all')
  usePullRefresh(list.reload)
  useDidShow(() => {
    if (list.data) list.reload()
  })
  const me = user?.id ?? null
  const all = useMemo(() => [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [list.data])
  // one filter per name the filings are made in: 本人, each company, 代办
  const options = useMemo(() => {
    const seen = new Map<string, string>()
    for (const f of all) {
      const k = partyKey(f.party)
      if (!seen.has(k)) seen.set(k, f.party.type === 'enterprise' ? f.party.enterpriseName ?? '企业' : f.party.type === 'agent' ? '代办' : '本人')
    }
    return [{ value: 'all', label: '全部' }, ...[...seen].map(([value, label]) => ({ value, label }))]
  }, [all])
  const current = options.some((o) => o.value === filter) ? filter : 'all'
  const items = current === 'all' ? all : all.filter((f) => partyKey(f.party) === current)

  return (
    <SignedInPage className='my-filings' purpose='查看我的办件'>
      {options.length > 2 ? <Segmented label='按办理主体筛选' value={current} options={options} onChange={setFilter} /> : null}
      <View className='card'>
        <PageState of={list} empty={items.length === 0} emptyText='还没有办件' emptyHint='在办事指南中点“在线申报”即可网上预审'>
          {items.map((f) => (
            <Tappable key={f.id} className='list-item' onTap={() => openPage(withQuery(CITIZEN_ROUTES.filing, { id: f.id }))}>
              <View className='list-item__head'>
                <Text className='list-item__title'>{f.serviceName}</Text>
              </View>
              <View className='list-item__tags'>
                <StatusTag tone={f.party.type === 'self' ? 'muted' : 'warning'} className='my-filings__party'>
                  {partyLabel(f.party, me)}
                </StatusTag>
                <StatusTag tone={FILING_TONE[f.status] ?? 'info'}>{APPLICATION_STATUS_LABELS[f.status]}</StatusTag>
                {f.sla ? <StatusTag tone={SLA_TONE[f.sla]}>{SLA_LABELS[f.sla]}</StatusTag> : null}
                {f.rateable ? <StatusTag tone='warning'>待评价</StatusTag> : null}
              </View>
              <Text className='list-item__line'>编号 <Code>{f.number}</Code></Text>
              {f.dueAt ? <Text className='list-item__line'>办结期限：{dateLabel(shanghaiDate(f.dueAt))}</Text> : null}
              {f.status === 'submitted' && f.prereview ? (
                <Text className='list-item__line'>预审剩余 {f.prereview.daysLeft} 个工作日</Text>
              ) : null}
              {f.status === 'correction_required' && f.notice ? (
                <Text className='list-item__line'>请于 {dateLabel(f.notice.deadline)} 前补正</Text>
              ) : null}
              {f.commitment?.status === 'open' && f.commitment.owed.length && f.commitment.dueAt ? (
                <Text className='list-item__line'>
                  容缺材料待补交 {f.commitment.owed.length} 项，请于 {dateLabel(shanghaiDate(f.commitment.dueAt))} 前补交（还剩 {f.commitment.daysLeft ?? 0} 个工作日）
                </Text>
              ) : null}
            </Tappable>
          ))}
        </PageState>
      </View>
      <Tappable className='link my-filings__lookup' onTap={() => openPage(CITIZEN_ROUTES.lookup)}>
        <Text>凭编号查询办件进度（免登录）</Text>
      </Tappable>
    </SignedInPage>
  )
}
