import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppPage from '../../../../components/AppPage'
import PageState from '../../../../components/PageState'
import SignInGate from '../../../../components/SignInGate'
import StatusTag from '../../../../components/StatusTag'
import Tappable from '../../../../components/Tappable'
import { FILING_STATUS_LABEL, SLA_LABEL, filingsApi } from '../../../../api/filings'
import { useAsync } from '../../../../hooks/useAsync'
import { usePullRefresh } from '../../../../hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '../../../../routes.citizen'
import { useSession } from '../../../../store/session'
import { openPage } from '../../../../utils/nav'
import { dateLabel, shanghaiDate } from '../../../../utils/time'
import { FILING_TONE, SLA_TONE } from '../../components/tones'
import '../../components/filing.scss'
import './index.scss'

/** 我的办件: every filing with its status and deadline badge. */
export default function MyFilings() {
  const { accessToken } = useSession()
  const list = useAsync(() => filingsApi.list(), [accessToken], !!accessToken)
  usePullRefresh(list.reload)
  useDidShow(() => {
    if (list.data) list.reload()
  })
  const items = [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))

  return (
    <AppPage className='my-filings'>
      <SignInGate purpose='查看我的办件'>
        <View className='card'>
          <PageState
            loading={list.loading && !list.data}
            error={list.error}
            empty={items.length === 0}
            emptyText='还没有办件'
            emptyHint='在办事指南中点“在线申报”即可网上预审'
            onRetry={list.reload}
          >
            {items.map((f) => (
              <Tappable key={f.id} className='list-item' onTap={() => openPage(withQuery(CITIZEN_ROUTES.filing, { id: f.id }))}>
                <View className='list-item__head'>
                  <Text className='list-item__title'>{f.serviceName}</Text>
                </View>
                <View className='list-item__tags'>
                  <StatusTag tone={FILING_TONE[f.status] ?? 'info'}>{f.statusLabel || FILING_STATUS_LABEL[f.status] || f.status}</StatusTag>
                  {f.sla ? <StatusTag tone={SLA_TONE[f.sla]}>{SLA_LABEL[f.sla]}</StatusTag> : null}
                  {f.rateable ? <StatusTag tone='warning'>待评价</StatusTag> : null}
                </View>
                <Text className='list-item__line'>编号 {f.number}</Text>
                {f.dueAt ? <Text className='list-item__line'>办结期限：{dateLabel(shanghaiDate(f.dueAt))}</Text> : null}
                {f.status === 'submitted' && f.prereview ? (
                  <Text className='list-item__line'>预审剩余 {f.prereview.daysLeft} 个工作日</Text>
                ) : null}
                {f.status === 'correction_required' && f.notice ? (
                  <Text className='list-item__line'>请于 {dateLabel(f.notice.deadline)} 前补正</Text>
                ) : null}
              </Tappable>
            ))}
          </PageState>
        </View>
        <Tappable className='link my-filings__lookup' onTap={() => openPage(CITIZEN_ROUTES.lookup)}>
          <Text>凭编号查询办件进度（免登录）</Text>
        </Tappable>
      </SignInGate>
    </AppPage>
  )
}
