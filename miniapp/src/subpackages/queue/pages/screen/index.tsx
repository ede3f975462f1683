import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LINKS, TICKET_LANE_LABELS, TICKET_LANES, type HallQueueView } from '@gov/shared'
import AppPage from '@/components/AppPage'
import PageState from '@/components/PageState'
import Tappable from '@/components/Tappable'
import { catalogApi } from '@/api/catalog'
import { queueApi } from '@/api/queue'
import { useAsync } from '@/hooks/useAsync'
import { useDeskLayout } from '@/hooks/useDeskLayout'
import { openPage } from '@/utils/nav'
import { shanghaiTime } from '@/utils/time'
import { useLive } from '@/hooks/useLive'
import { windowLabel } from '@/utils/queue-text'
import '@/subpackages/queue/queue.scss'
import './index.scss'

/** The hall's clock (Asia/Shanghai), ticking every 15 s. */
function useClock(): string {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 15_000)
    return () => clearInterval(t)
  }, [])
  return shanghaiTime(now.toISOString())
}

/** Which hall: the link names it; without one, the halls to choose from (set up once per TV). */
function HallChoice() {
  const halls = useAsync(() => catalogApi.halls(), [])
  return (
    <PageState loading={halls.loading} error={halls.error} onRetry={halls.reload} empty={!!halls.data && halls.data.length === 0} emptyText='暂无办事大厅'>
      <View className='section-title'>选择要显示的大厅</View>
      <View className='card'>
        {(halls.data ?? []).map((h) => (
          <Tappable key={h.id} className='screen__hall' onTap={() => openPage(LINKS.hallScreen(h.id))}>
            <Text className='take__line'>{h.name}</Text>
            <Text className='muted'>{h.address}</Text>
          </Tappable>
        ))}
      </View>
    </PageState>
  )
}

/**
 * The hall's public call screen (the H5 build on a TV): the numbers being called at each window
 * and the waiting counts per lane, in large type and without names. Live by the hall's event
 * stream (polling where it fails).
 */
export default function HallScreen() {
  const { params } = useRouter()
  const hallId = params.hallId ?? ''
  const clock = useClock()
  // a TV is a wide screen: the design's own sizes, not the phone layout scaled up
  useDeskLayout()
  const queue = useLive<HallQueueView>({
    load: () => queueApi.hall(hallId),
    stream: hallId ? queueApi.hallEvents(hallId) : null,
    auth: false,
    enabled: !!hallId,
  })
  const q = queue.data

  if (!hallId) {
    return (
      <AppPage className='screen screen--choose'>
        <HallChoice />
      </AppPage>
    )
  }
  return (
    <AppPage className='screen'>
      <PageState of={queue} loading={queue.loading} error={q ? null : queue.error} loadingText='正在连接大厅叫号系统…'>
        {(q) => (
          <View className='screen__board'>
            <View className='screen__head'>
              <Text className='screen__hall-name'>{q.hallName ?? '办事大厅'} · 叫号</Text>
              <Text className='screen__clock'>{clock}</Text>
            </View>
            <View className='screen__calling' role='region' aria-label='正在叫号' aria-live='polite'>
              {q.calling.length === 0 ? (
                <Text className='screen__idle'>暂无叫号，请留意屏幕</Text>
              ) : (
                q.calling.map((c, i) => (
                  <View key={`${c.number}-${c.window}`} className={`screen__call ${i === 0 ? 'screen__call--latest' : ''}`}>
                    <Text className='screen__call-number'>{c.number}</Text>
                    <Text className='screen__call-window'>请到 {windowLabel(c.window)}</Text>
                  </View>
                ))
              )}
            </View>
            <View className='screen__waiting' role='region' aria-label='等候人数'>
              {TICKET_LANES.map((lane) => (
                <View key={lane} className={`screen__lane screen__lane--${lane}`}>
                  <Text className='screen__lane-name'>{TICKET_LANE_LABELS[lane]}</Text>
                  <Text className='screen__lane-count'>{q.waiting[lane] ?? 0}</Text>
                  <Text className='screen__lane-unit'>人等候</Text>
                </View>
              ))}
            </View>
            <Text className='screen__foot'>
              平均办理约 {Math.max(1, Math.round(q.averageServiceMinutes))} 分钟 · 过号请到服务台 · 老弱病残孕可申请绿色通道
            </Text>
          </View>
        )}
      </PageState>
    </AppPage>
  )
}
