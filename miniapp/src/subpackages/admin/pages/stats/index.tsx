import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { RATING_LABELS } from '@gov/shared'
import BarChart, { type Bar } from '@/components/BarChart'
import ExportButton from '@/components/ExportButton'
import PageState from '@/components/PageState'
import StaffPage from '@/components/StaffPage'
import { adminApi, type SatisfactionRow } from '@/api/admin'
import { staffApi } from '@/api/staff'
import type { SatisfactionStats } from '@/api/ratings'
import { useAsync } from '@/hooks/useAsync'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { addDays, shanghaiDate } from '@/utils/time'
import DateRange from '@/subpackages/admin/components/DateRange'
import './index.scss'

const pct = (r: number | null) => (r === null ? '暂无评价' : `${(r * 100).toFixed(1)}%`)
const tone = (r: number | null): Bar['tone'] => (r === null ? 'muted' : r >= 0.9 ? 'success' : r >= 0.7 ? 'warning' : 'danger')

function rateBars(rows: SatisfactionRow[]): Bar[] {
  return [...rows]
    .sort((a, b) => (b.stats.satisfactionRate ?? -1) - (a.stats.satisfactionRate ?? -1) || b.stats.count - a.stats.count)
    .map((r) => ({
      label: r.name,
      value: r.stats.satisfactionRate ?? 0,
      text: pct(r.stats.satisfactionRate),
      note: `共 ${r.stats.count} 条评价`,
      tone: tone(r.stats.satisfactionRate),
    }))
}

function scoreBars(s: SatisfactionStats): Bar[] {
  return ([5, 4, 3, 2, 1] as const).map((k) => ({
    label: RATING_LABELS[k],
    value: s.byScore[String(k) as '1'] ?? 0,
    text: `${s.byScore[String(k) as '1'] ?? 0} 条`,
    tone: k >= 4 ? 'success' : k === 3 ? 'primary' : 'danger',
  }))
}

/** Admin: satisfaction (基本满意 or better) overall, per hall and per department, with plain-View bar charts. */
export default function Stats() {
  const { accessToken, enabled } = useDeskAccess(true)
  const today = shanghaiDate()
  const [from, setFrom] = useState(addDays(today, -89))
  const [to, setTo] = useState(today)
  const data = useAsync(
    async () => {
      const range = { from, to }
      const [overall, halls, departments] = await Promise.all([adminApi.overall(range), adminApi.byHall(range), adminApi.byDepartment(range)])
      return { overall, halls, departments }
    },
    [from, to, accessToken],
    enabled,
  )
  usePullRefresh(data.reload)
  const d = data.data
  const deptRated = d ? d.departments.filter((r) => r.stats.count > 0) : []

  return (
    <StaffPage
      title='满意度统计'
      adminOnly
      onRefresh={data.reload}
    >
      <View className='stats__toolbar'>
        <DateRange from={from} to={to} onFrom={setFrom} onTo={setTo} itemClassName='stats__date' />
        <ExportButton path={staffApi.exports.satisfaction(from, to)} fileName={`好差评-${from}-${to}.xlsx`} label='导出好差评（含延时、回访）' />
      </View>
      <PageState of={data}>
        {d && (
          <>
            <View className='card'>
              <View className='stats__summary'>
                <View className='stats__figure'>
                  <Text className='stats__num'>{pct(d.overall.satisfactionRate)}</Text>
                  <Text className='stats__label'>总体满意率（基本满意及以上）</Text>
                </View>
                <View className='stats__figure'>
                  <Text className='stats__num'>{d.overall.count}</Text>
                  <Text className='stats__label'>评价总数</Text>
                </View>
                <View className='stats__figure'>
                  <Text className='stats__num'>{(d.overall.byScore['1'] ?? 0) + (d.overall.byScore['2'] ?? 0)}</Text>
                  <Text className='stats__label'>差评（转整改）</Text>
                </View>
              </View>
              <Text className='stats__chart-title'>评价分布</Text>
              <BarChart title='评价分布' bars={scoreBars(d.overall)} />
            </View>
            <View className='stats__grid'>
              <View className='card'>
                <Text className='stats__chart-title'>各大厅满意率</Text>
                <BarChart title='各大厅满意率' bars={rateBars(d.halls)} max={1} />
              </View>
              <View className='card'>
                <Text className='stats__chart-title'>各部门满意率</Text>
                {deptRated.length ? (
                  <BarChart title='各部门满意率' bars={rateBars(deptRated)} max={1} />
                ) : (
                  <Text className='muted'>所选时间内各部门暂无评价</Text>
                )}
                {d.departments.length > deptRated.length && deptRated.length > 0 ? (
                  <Text className='muted'>另有 {d.departments.length - deptRated.length} 个部门暂无评价</Text>
                ) : null}
              </View>
            </View>
          </>
        )}
      </PageState>
    </StaffPage>
  )
}
