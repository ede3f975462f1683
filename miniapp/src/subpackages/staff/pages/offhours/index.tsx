import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '../../../../components/AppButton'
import FormField from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import ReasonDialog from '../../../../components/ReasonDialog'
import Segmented from '../../../../components/Segmented'
import StaffPage from '../../../../components/StaffPage'
import StatusTag, { type Tone } from '../../../../components/StatusTag'
import { request } from '../../../../api/client'
import { isStaffUser, staffApi, type StaffOffhours } from '../../../../api/staff'
import { useAsync } from '../../../../hooks/useAsync'
import { usePullRefresh } from '../../../../hooks/usePullRefresh'
import { useSession } from '../../../../store/session'
import { dateLabel, fullDateTime, isoAt, shanghaiDate, shanghaiTime } from '../../../../utils/time'
import { toast } from '../../../../utils/nav'
import '../../staff.scss'
import './index.scss'

type Filter = 'pending' | 'confirmed' | 'refused' | 'all'

const STATUS: Record<StaffOffhours['status'], { text: string; tone: Tone }> = {
  pending: { text: '待确认', tone: 'warning' },
  confirmed: { text: '已确认', tone: 'success' },
  refused: { text: '已拒绝', tone: 'danger' },
  cancelled: { text: '已取消', tone: 'muted' },
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

/** Off-hours requests of the hall: confirm with a time and a staff member, or refuse with a reason. */
export default function StaffOffhours() {
  const { accessToken, user } = useSession()
  const enabled = !!accessToken && isStaffUser(user?.roles)
  const [filter, setFilter] = useState<Filter>('pending')
  const list = useAsync(
    async () => {
      const rows = await staffApi.offhours(filter === 'all' ? undefined : filter)
      // the list carries service ids: name them from the public guides
      const ids = [...new Set(rows.map((r) => r.serviceId))]
      const names = new Map<string, string>()
      await Promise.all(
        ids.map((id) =>
          request<{ name: string }>('GET', `/api/services/${encodeURIComponent(id)}`, { auth: false })
            .then((g) => names.set(id, g.name))
            .catch(() => undefined),
        ),
      )
      return rows.map((r) => ({ ...r, serviceName: r.serviceName ?? names.get(r.serviceId) ?? null }))
    },
    [filter, accessToken],
    enabled,
  )
  usePullRefresh(list.reload)
  const [confirming, setConfirming] = useState<StaffOffhours | null>(null)
  const [refusing, setRefusing] = useState<StaffOffhours | null>(null)
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [staffName, setStaffName] = useState('')

  const openConfirm = (r: StaffOffhours) => {
    setStart(shanghaiTime(r.preferredStart))
    setEnd(shanghaiTime(r.preferredEnd))
    setStaffName(user?.name ?? '')
    setConfirming(r)
  }

  const items = list.data ?? []
  return (
    <StaffPage
      title='错时预约'
      actions={
        <Button fill='outline' type='primary' onClick={list.reload}>
          刷新
        </Button>
      }
    >
      <Segmented
        label='申请状态'
        value={filter}
        options={[
          { value: 'pending', label: '待确认' },
          { value: 'confirmed', label: '已确认' },
          { value: 'refused', label: '已拒绝' },
          { value: 'all', label: '全部' },
        ]}
        onChange={setFilter}
      />
      <View className='card'>
        <PageState loading={list.loading && !list.data} error={list.error} empty={items.length === 0} emptyText='没有符合条件的错时预约申请' onRetry={list.reload}>
          <View className='st-grid'>
            {items.map((r) => (
              <View key={r.id} className='st-item'>
                <View className='st-item__head'>
                  <Text className='st-item__title'>
                    {dateLabel(shanghaiDate(r.preferredStart))} {shanghaiTime(r.preferredStart)}–{shanghaiTime(r.preferredEnd)}
                  </Text>
                  <StatusTag tone={STATUS[r.status].tone}>{STATUS[r.status].text}</StatusTag>
                </View>
                <Text className='st-line'>
                  申请人 {r.applicantName ?? '—'}
                  {r.serviceName ? ` · ${r.serviceName}` : ''} · 提交于 {fullDateTime(r.createdAt)}
                </Text>
                {r.note ? <Text className='st-text'>说明：{r.note}</Text> : null}
                {r.staffName ? <Text className='st-line'>接待人员：{r.staffName}</Text> : null}
                {r.refuseReason ? <Text className='st-line'>拒绝原因：{r.refuseReason}</Text> : null}
                {r.status === 'pending' && (
                  <View className='st-actions'>
                    <Button size='small' type='primary' onClick={() => openConfirm(r)}>
                      确认
                    </Button>
                    <Button size='small' type='danger' fill='outline' onClick={() => setRefusing(r)}>
                      拒绝
                    </Button>
                  </View>
                )}
              </View>
            ))}
          </View>
        </PageState>
      </View>

      <ReasonDialog
        visible={!!confirming}
        title='确认错时预约'
        description={confirming ? `${dateLabel(shanghaiDate(confirming.preferredStart))}，确认后生成预约并通知申请人。` : ''}
        confirmText='确认'
        onConfirm={async () => {
          if (!confirming) return
          if (!HHMM.test(start) || !HHMM.test(end)) throw new Error('时间格式为 HH:mm，例如 18:30')
          if (end <= start) throw new Error('结束时间应晚于开始时间')
          if (!staffName.trim()) throw new Error('请填写接待人员姓名')
          const day = shanghaiDate(confirming.preferredStart)
          await staffApi.confirmOffhours(confirming.id, { start: isoAt(day, start), end: isoAt(day, end), staffName: staffName.trim() })
          toast('已确认', 'success')
          list.reload()
        }}
        onClose={() => setConfirming(null)}
      >
        <FormField label='开始时间' value={start} onChange={setStart} placeholder='HH:mm' maxlength={5} />
        <FormField label='结束时间' value={end} onChange={setEnd} placeholder='HH:mm' maxlength={5} />
        <FormField label='接待人员' value={staffName} onChange={setStaffName} placeholder='姓名' maxlength={64} />
      </ReasonDialog>
      <ReasonDialog
        visible={!!refusing}
        title='拒绝错时预约'
        label='拒绝原因'
        description='不能仅因非工作日而拒绝。申请人会收到拒绝原因。'
        confirmText='拒绝'
        danger
        onConfirm={async (reason) => {
          if (!refusing) return
          await staffApi.refuseOffhours(refusing.id, reason)
          toast('已拒绝')
          list.reload()
        }}
        onClose={() => setRefusing(null)}
      />
    </StaffPage>
  )
}
