import { OFFHOURS_STATUS_LABELS } from '@gov/shared'
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import SignedInPage from '@/components/SignedInPage'
import Section from '@/components/Section'
import RateEntry from '@/components/RateEntry'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { bookingApi } from '@/api/booking'
import { errorMessage } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { useSession } from '@/store/session'
import { openPage, toast } from '@/utils/nav'
import { dateTimeLabel, slotLabel } from '@/utils/time'
import { bookingTag, OFFHOURS_TONE } from './tones'
import ButtonRow from '@/components/ButtonRow'
import { confirmDestructive } from '@/utils/confirm'

export type MineTab = 'bookings' | 'waitlist' | 'offhours'

const TABS: Array<{ value: MineTab; label: string }> = [
  { value: 'bookings', label: '预约' },
  { value: 'waitlist', label: '候补' },
  { value: 'offhours', label: '错时申请' },
]

/** 我的预约: bookings, waitlist places (with offers to accept) and off-hours requests. */
export default function MyBookings({ initialTab = 'bookings' }: { initialTab?: MineTab }) {
  const { accessToken } = useSession()
  const [tab, setTab] = useState<MineTab>(initialTab)
  const [busyId, setBusyId] = useState<string | null>(null)
  const bookings = useAsync(() => bookingApi.list(), [accessToken], !!accessToken && tab === 'bookings')
  const waitlist = useAsync(() => bookingApi.waitlist(), [accessToken], !!accessToken && tab === 'waitlist')
  const offhours = useAsync(() => bookingApi.offhoursList(), [accessToken], !!accessToken && tab === 'offhours')

  const reload = () => {
    if (!accessToken) return
    if (tab === 'bookings') bookings.reload()
    else if (tab === 'waitlist') waitlist.reload()
    else offhours.reload()
  }
  usePullRefresh(reload)
  useDidShow(() => {
    if (bookings.data || waitlist.data || offhours.data) reload()
  })

  const accept = async (entryId: string) => {
    setBusyId(entryId)
    try {
      const b = await bookingApi.acceptOffer(entryId)
      toast('候补成功，已为您预约', 'success')
      openPage(withQuery(CITIZEN_ROUTES.booking, { id: b.id }))
    } catch (e) {
      Taro.showModal({ title: '未能预约', content: errorMessage(e), showCancel: false })
      waitlist.reload()
    } finally {
      setBusyId(null)
    }
  }

  const leave = async (slotId: string) => {
    if (!(await confirmDestructive({ title: '退出候补', content: '退出后不再为您候补这个时段。确定退出吗？', confirmText: '退出候补', cancelText: '继续候补' }))) return
    setBusyId(slotId)
    try {
      await bookingApi.leaveWaitlist(slotId)
      toast('已退出候补')
      waitlist.reload()
    } catch (e) {
      toast(errorMessage(e))
    } finally {
      setBusyId(null)
    }
  }

  const sorted = [...(bookings.data ?? [])].sort((a, b) => {
    const rank = (s: string) => (s === 'booked' ? 0 : 1)
    return rank(a.status) - rank(b.status) || (a.status === 'booked' ? a.start.localeCompare(b.start) : b.start.localeCompare(a.start))
  })

  return (
    <SignedInPage className='mine' purpose='查看我的预约'>
      <Segmented label='预约类别' value={tab} options={TABS} onChange={setTab} />
      {tab === 'bookings' ? (
        <Section
          of={bookings}
          empty={sorted.length === 0}
          emptyText='还没有预约'
          emptyHint='在办事指南中点“预约办理”即可预约窗口时段'
        >
          {sorted.map((b) => (
            <View key={b.id} className='list-item'>
              <Tappable onTap={() => openPage(withQuery(CITIZEN_ROUTES.booking, { id: b.id }))}>
                <View className='list-item__head'>
                  <Text className='list-item__title'>{b.serviceName}</Text>
                  <StatusTag tone={bookingTag(b).tone}>{bookingTag(b).text}</StatusTag>
                </View>
                <Text className='list-item__line'>{slotLabel(b.start, b.end)}</Text>
                <Text className='list-item__line'>
                  {b.hallName}
                  {b.kind === 'offhours' ? ' · 错时办理' : ''}
                  {b.onBehalf ? ' · 代办' : ''}
                </Text>
              </Tappable>
              <RateEntry targetType='booking' targetId={b.id} state={b} />
            </View>
          ))}
        </Section>
      ) : null}

      {tab === 'waitlist' ? (
        <Section
          of={waitlist}
          empty={(waitlist.data ?? []).length === 0}
          emptyText='没有候补'
          emptyHint='时段约满时可在预约页点“候补”，有人取消时按顺序通知'
        >
          {(waitlist.data ?? []).map((w) => (
            <View key={w.id} className='list-item'>
              <View className='list-item__head'>
                <Text className='list-item__title'>
                  {w.slot ? slotLabel(w.slot.start, w.slot.end) : '候补时段'}
                </Text>
                {w.offer ? <StatusTag tone='success'>有空位</StatusTag> : <StatusTag tone='info'>{`第 ${w.position} 位`}</StatusTag>}
              </View>
              {w.offer ? (
                <Text className='list-item__line'>有人取消了预约，请在 {dateTimeLabel(w.offer.expiresAt)} 前确认，逾期将顺延给下一位。</Text>
              ) : (
                <Text className='list-item__line'>排队中，有空位时会通知您</Text>
              )}
              <ButtonRow className='list-item__actions'>
                {w.offer ? (
                  <Button size='small' type='primary' loading={busyId === w.id} onClick={() => void accept(w.id)}>
                    确认预约
                  </Button>
                ) : null}
                <Button size='small' fill='outline' type='primary' loading={busyId === w.slotId} onClick={() => void leave(w.slotId)}>
                  退出候补
                </Button>
              </ButtonRow>
            </View>
          ))}
        </Section>
      ) : null}

      {tab === 'offhours' ? (
        <Section
          of={offhours}
          empty={(offhours.data ?? []).length === 0}
          emptyText='没有错时/预约办申请'
          emptyHint='工作时间来不了，可在预约页申请错时办理'
        >
          {(offhours.data ?? []).map((r) => (
            <Tappable key={r.id} className='list-item' onTap={() => openPage(withQuery(CITIZEN_ROUTES.offhours, { id: r.id }))}>
              <View className='list-item__head'>
                <Text className='list-item__title'>{slotLabel(r.preferredStart, r.preferredEnd)}</Text>
                <StatusTag tone={OFFHOURS_TONE[r.status] ?? 'info'}>{OFFHOURS_STATUS_LABELS[r.status]}</StatusTag>
              </View>
              {r.note ? <Text className='list-item__line'>备注：{r.note}</Text> : null}
              {r.status === 'pending' && r.replyBy ? <Text className='list-item__line'>大厅答复期限：{dateTimeLabel(r.replyBy)}</Text> : null}
            </Tappable>
          ))}
        </Section>
      ) : null}

      <Tappable className='eligibility__link mine__no-shows' onTap={() => openPage(CITIZEN_ROUTES.noShows)}>
        <Text>查看我的爽约记录</Text>
      </Tappable>
    </SignedInPage>
  )
}
