import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ASSISTANCE_KIND_LABELS, SLA_LABELS } from '@gov/shared'
import PageState from '@/components/PageState'
import StaffPage from '@/components/StaffPage'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { staffApi } from '@/api/staff'
import { useAsync } from '@/hooks/useAsync'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { RECTIFICATION_STATUS } from '@/utils/status-tones'
import { dateLabel, fullDateTime } from '@/utils/time'
import FilingRow from '@/subpackages/staff/components/FilingRow'
import { holds } from '@/utils/duties'
import '@/subpackages/staff/staff.scss'

const P = (name: string) => `/subpackages/staff/pages/${name}/index`

/**
 * 督办 (supervisors): what of the hall is late — filings overdue or due soon and filings not accepted
 * by their acceptance day (受理超时; tap one to see its review), off-hours requests past their reply time, rectification tickets past due, 咨询 unanswered
 * past their working day, 异地代办 past their 7 working days; the late filings also by 首问负责人. The
 * department's reviewers and the hall's supervisors get a message when each becomes late.
 */
export default function Supervision() {
  const desk = useDeskAccess()
  const allowed = holds(desk.user?.roles, 'supervisor')
  const board = useAsync(() => staffApi.supervision(), [desk.accessToken], desk.enabled && allowed)
  usePullRefresh(board.reload)
  useReloadOnShow(board.reload, desk.enabled && allowed)
  const b = board.data
  const overdue = b?.filings.filter((f) => f.sla === 'overdue').length ?? 0
  const numberOf = new Map([...(b?.filings ?? []), ...(b?.lateAcceptances ?? [])].map((f) => [f.id, f.number]))

  return (
    <StaffPage title='督办' onRefresh={board.reload}>
      {!allowed && desk.enabled ? (
        <View className='card'>
          <Text className='st-line'>督办页面仅对大厅督办人员开放。</Text>
        </View>
      ) : (
        <PageState
          of={board}
          empty={!!b && b.filings.length + b.lateAcceptances.length + b.offhoursRequests.length + b.rectifications.length + b.consultations.length + b.assistance.length + (b.lateTransfers?.length ?? 0) === 0}
          emptyText='本大厅暂无超期或临期事项'
        >
          {b && (
            <>
              <View className='section-title'>
                办件（超期 {overdue} · {SLA_LABELS.due_soon} {b.filings.length - overdue}）
              </View>
              <View className='card' role='list' aria-label='超期和临期办件'>
                {b.filings.length === 0 ? <Text className='st-line'>没有超期或临期的办件</Text> : b.filings.map((f) => <FilingRow key={f.id} filing={f} />)}
              </View>

              {b.byResponsible.length > 0 ? (
                <>
                  <View className='section-title'>按首问负责人</View>
                  <View className='card' role='list' aria-label='按首问负责人分组的超期、临期和受理超时办件'>
                    {b.byResponsible.map((g) => (
                      <View key={g.responsible ? `${g.responsible.hallName}/${g.responsible.name}` : '-'} className='st-item' role='listitem'>
                        <View className='st-item__head'>
                          <Text className='st-item__title'>{g.responsible ? `${g.responsible.name}（${g.responsible.hallName}）` : '尚无人受理'}</Text>
                          {g.overdue > 0 ? <StatusTag tone='danger'>{`超期 ${g.overdue}`}</StatusTag> : null}
                        </View>
                        <Text className='st-line'>{`共 ${g.applicationIds.length} 件：${g.applicationIds.map((id) => numberOf.get(id) ?? '').filter(Boolean).join('、')}`}</Text>
                      </View>
                    ))}
                  </View>
                </>
              ) : null}

              <View className='section-title'>受理超时（{b.lateAcceptances.length}）</View>
              <View className='card' role='list' aria-label='超过受理时限仍未受理的办件'>
                {b.lateAcceptances.length === 0 ? (
                  <Text className='st-line'>没有超过受理时限的办件</Text>
                ) : (
                  <>
                    <Text className='st-line field__error'>以下办件已过受理时限（提交后一个工作日内受理或告知）仍未受理，请督促窗口处理。</Text>
                    {b.lateAcceptances.map((f) => (
                      <FilingRow key={f.id} filing={f} />
                    ))}
                  </>
                )}
              </View>

              <View className='section-title'>转办超时未接收（{b.lateTransfers?.length ?? 0}）</View>
              <View className='card' role='list' aria-label='转办超时未接收的办件'>
                {!b.lateTransfers?.length ? (
                  <Text className='st-line'>没有超时未接收的转办件</Text>
                ) : (
                  <>
                    <Text className='st-line field__error'>以下同城通办件在途已超过接收时限（发出后一个工作日内接收），请督促接收大厅办理。</Text>
                    {b.lateTransfers.map((f) => (
                      <View key={f.id}>
                        <FilingRow filing={f} />
                        {f.transfer ? (
                          <Text className='st-line'>
                            {f.status === 'returning' ? `${f.transfer.competentHallName} → ${f.transfer.filedHallName}（结果回传）` : `${f.transfer.filedHallName} → ${f.transfer.competentHallName}（转办）`}
                            {f.transfer.receiveBy ? `，应于 ${dateLabel(f.transfer.receiveBy)} 前接收` : ''}
                          </Text>
                        ) : null}
                      </View>
                    ))}
                  </>
                )}
              </View>

              <View className='section-title'>错时预约申请超时未答复（{b.offhoursRequests.length}）</View>
              <View className='card' role='list' aria-label='超时未答复的错时预约申请'>
                {b.offhoursRequests.length === 0 ? (
                  <Text className='st-line'>没有超时未答复的申请</Text>
                ) : (
                  b.offhoursRequests.map((r) => (
                    <Tappable key={r.id} className='st-item' label={`${r.serviceName ?? ''}，${r.applicantName ?? ''}，已超时`} onTap={() => Taro.navigateTo({ url: P('offhours') })}>
                      <View className='st-item__head'>
                        <Text className='st-item__title'>{r.serviceName ?? '错时预约'}</Text>
                        <StatusTag tone='danger'>已超时未答复</StatusTag>
                      </View>
                      <Text className='st-line'>
                        申请人 {r.applicantName ?? '—'} · 希望 {fullDateTime(r.preferredStart)} · 应于 {r.replyBy ? fullDateTime(r.replyBy) : '—'} 前答复
                      </Text>
                    </Tappable>
                  ))
                )}
              </View>

              <View className='section-title'>咨询超时未答复（{b.consultations.length}）</View>
              <View className='card' role='list' aria-label='超时未答复的咨询'>
                {b.consultations.length === 0 ? (
                  <Text className='st-line'>没有超时未答复的咨询</Text>
                ) : (
                  b.consultations.map((c) => (
                    <Tappable key={c.id} className='st-item' label={`${c.serviceName ?? '咨询'}，已超时未答复`} onTap={() => Taro.navigateTo({ url: P('consultations') })}>
                      <View className='st-item__head'>
                        <Text className='st-item__title'>{c.serviceName ?? '咨询'}</Text>
                        <StatusTag tone='danger'>已超时未答复</StatusTag>
                      </View>
                      <Text className='st-line'>
                        {c.question} · 应于 {fullDateTime(c.answerBy)} 前答复
                      </Text>
                    </Tappable>
                  ))
                )}
              </View>

              <View className='section-title'>异地代办超期未办结（{b.assistance.length}）</View>
              <View className='card' role='list' aria-label='超过 7 个工作日未办结的异地代办'>
                {b.assistance.length === 0 ? (
                  <Text className='st-line'>没有超期的异地代办</Text>
                ) : (
                  b.assistance.map((r) => (
                    <Tappable key={r.id} className='st-item' label={`${r.serviceName}异地代办，已超期`} onTap={() => Taro.navigateTo({ url: P('assistance') })}>
                      <View className='st-item__head'>
                        <Text className='st-item__title'>{`${ASSISTANCE_KIND_LABELS[r.kind]} · ${r.serviceName}`}</Text>
                        <StatusTag tone='danger'>已超期</StatusTag>
                      </View>
                      <Text className='st-line'>
                        申请人 {r.applicantName ?? '—'} · 帮办专员 {r.helper?.name ?? '—'} · 应于 {r.dueBy ? fullDateTime(r.dueBy) : '—'} 前办结
                      </Text>
                    </Tappable>
                  ))
                )}
              </View>

              <View className='section-title'>差评整改超期（{b.rectifications.length}）</View>
              <View className='card' role='list' aria-label='超期的整改工单'>
                {b.rectifications.length === 0 ? (
                  <Text className='st-line'>没有超期的整改工单</Text>
                ) : (
                  b.rectifications.map((t) => (
                    <Tappable key={t.id} className='st-item' label={`${t.serviceName ?? '服务评价'}，${t.label}，整改已超期`} onTap={() => Taro.navigateTo({ url: P('rectifications') })}>
                      <View className='st-item__head'>
                        <Text className='st-item__title'>{t.serviceName ?? '服务评价'}</Text>
                        <StatusTag tone={RECTIFICATION_STATUS[t.status].tone}>{RECTIFICATION_STATUS[t.status].text}</StatusTag>
                      </View>
                      <Text className='st-line'>
                        {t.stageLabel} · {t.label} · 答复期限 {dateLabel(t.dueAt)}
                      </Text>
                    </Tappable>
                  ))
                )}
              </View>
            </>
          )}
        </PageState>
      )}
    </StaffPage>
  )
}
