import { createElement, useState, type ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { TICKET_LANE_LABELS, TICKET_STATUS_LABELS, type StaffTicketView } from '@gov/shared'
import Button from '@/components/AppButton'
import ButtonRow from '@/components/ButtonRow'
import Code from '@/components/Code'
import FormError from '@/components/FormError'
import FormField from '@/components/FormField'
import PageState from '@/components/PageState'
import Segmented from '@/components/Segmented'
import ServicePick, { type PickedService } from '@/components/ServicePick'
import StaffPage from '@/components/StaffPage'
import StatusTag from '@/components/StatusTag'
import { isStaffUser } from '@/api/staff'
import { staffQueueApi, type TicketAction } from '@/api/queue'
import { useAsync } from '@/hooks/useAsync'
import { useFormErrors } from '@/hooks/useFormErrors'
import { useLive } from '@/hooks/useLive'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { isH5 } from '@/platform'
import { useSession } from '@/store/session'
import { readStorage, writeStorage } from '@/store/storage'
import { toast } from '@/utils/nav'
import { TICKET_TONE } from '@/utils/ticket-tone'
import { windowLabel } from '@/utils/queue-text'
import { dateLabel, shanghaiTime } from '@/utils/time'
import '@/subpackages/staff/staff.scss'
import './index.scss'

/** The window this desk calls for, remembered on the device. */
const WINDOW_KEY = 'gov.desk.window'

const DONE_TEXT: Record<TicketAction, string> = {
  recall: '已重呼',
  skip: '已过号',
  serve: '开始办理',
  finish: '已办结',
  requeue: '已重新排队',
  'confirm-green': '已确认绿色通道',
}

/** One ticket in the lists of the panel. */
function TicketLine({ t, children }: { t: StaffTicketView; children?: ReactNode }) {
  return (
    <View className='st-item st-ticket'>
      <View className='st-item__head'>
        <Text className='st-item__title'>
          <Text className='st-ticket__number'>{t.number}</Text> {t.serviceName ?? ''}
        </Text>
        <View className='st-tags'>
          <StatusTag tone={t.lane === 'green' ? 'success' : t.lane === 'appointment' ? 'info' : 'muted'}>{TICKET_LANE_LABELS[t.lane]}</StatusTag>
          <StatusTag tone={TICKET_TONE[t.status]}>{TICKET_STATUS_LABELS[t.status]}</StatusTag>
        </View>
      </View>
      <Text className='st-line'>
        {shanghaiTime(t.takenAt)} 取号{t.holderName ? ` · ${t.holderName}` : ''}
        {t.phone ? ` · ${t.phone}` : ''}
      </Text>
      {t.greenRequested && !t.greenConfirmed ? <Text className='st-note'>申请绿色通道：{t.greenReason ?? '（未说明原因）'}</Text> : null}
      {children ? <ButtonRow className='st-actions' align='end'>{children}</ButtonRow> : null}
    </View>
  )
}

/** 今日取号码: the QR poster of the day, to show on a screen or print (H5 prints the poster only). */
function HallCodePoster() {
  const code = useAsync(() => staffQueueApi.hallCode(), [])
  return (
    <View className='card st-poster'>
      <PageState of={code} loading={code.loading}>
        {(c) => (
          <View className='st-poster__body'>
            <Text className='st-poster__title'>扫码取号</Text>
            {isH5 ? createElement('img', { className: 'st-poster__qr', src: c.qrImage, alt: `取号二维码，取号码 ${c.hallCode}` }) : <Image className='st-poster__qr' src={c.qrImage} mode='aspectFit' />}
            <Text className='st-line'>取号码</Text>
            <Code className='st-poster__code'>{c.hallCode}</Code>
            <Text className='st-line'>仅限 {dateLabel(c.validOn)} 当天有效 · 打开“政务通”首页“到厅取号”扫码</Text>
            {isH5 ? (
              <ButtonRow className='st-poster__actions' align='center'>
                <Button type='primary' onClick={() => window.print()}>
                  打印海报
                </Button>
              </ButtonRow>
            ) : null}
          </View>
        )}
      </PageState>
    </View>
  )
}

/**
 * 现场发号: a ticket issued at the desk for someone without the app (the service, a phone for the
 * call notice, the green lane confirmed at once by the issuing staff).
 */
function IssueTicket({ onIssued }: { onIssued: () => void }) {
  const [service, setService] = useState<PickedService | null>(null)
  const [phone, setPhone] = useState('')
  const [green, setGreen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<StaffTicketView | null>(null)
  const errors = useFormErrors<'service' | 'phone' | 'reason'>()

  const issue = async () => {
    if (!service) return errors.set({ service: '请选择办理事项' })
    if (green && reason.trim().length < 1) return errors.set({ reason: '请写明绿色通道的原因' })
    setBusy(true)
    try {
      const t = await staffQueueApi.issue({ serviceId: service.id, ...(phone.trim() ? { phone: phone.trim() } : {}), ...(green ? { green: { reason: reason.trim() } } : {}) })
      errors.clear()
      setIssued(t)
      setService(null)
      setPhone('')
      setGreen(false)
      setReason('')
      onIssued()
    } catch (e) {
      errors.failWith(e, ['phone', 'reason'])
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card st-issue'>
      <Text className='st-item__title'>现场发号</Text>
      {issued ? (
        <View className='st-issue__done' role='status'>
          <Text className='st-text'>已发号</Text>
          <Text className='st-issue__number'>{issued.number}</Text>
          <Text className='st-line'>
            {issued.serviceName ?? ''} · {TICKET_LANE_LABELS[issued.lane]} · 前面 {issued.ahead} 人
          </Text>
        </View>
      ) : null}
      <ServicePick {...errors.field('service', service, setService)} />
      <FormField label='手机号（选填，用于叫号短信）' type='number' value={phone} maxlength={20} onChange={(v) => { setPhone(v); errors.changed('phone') }} error={errors.of('phone')} />
      <Segmented label='通道' value={green ? 'green' : 'normal'} options={[{ value: 'normal', label: '普通' }, { value: 'green', label: '绿色通道（老弱病残孕）' }]} onChange={(v) => setGreen(v === 'green')} />
      {green ? <FormField label='绿色通道原因' value={reason} maxlength={200} onChange={(v) => { setReason(v); errors.changed('reason') }} error={errors.of('reason')} /> : null}
      <FormError message={errors.form} />
      <Button block type='primary' loading={busy} onClick={() => void issue()}>
        发号
      </Button>
    </View>
  )
}

/**
 * 叫号: the desk's queue panel. The window this desk serves; its current ticket with 重呼, 过号,
 * 开始办理 and 办结; 叫下一位 by the call order (the server's); the tickets waiting, where a green-lane
 * request is confirmed; skipped tickets that may queue again once; and the day's QR poster.
 * The lists are asked for again every few seconds.
 */
export default function StaffQueue() {
  const { accessToken, user } = useSession()
  const enabled = !!accessToken && isStaffUser(user?.roles)
  const windows = useAsync(() => staffQueueApi.windows(), [accessToken], enabled)
  const tickets = useLive<StaffTicketView[]>({ load: () => staffQueueApi.tickets(), stream: null, auth: true, enabled })
  const [chosen, setChosen] = useState<string | null>(() => readStorage<string>(WINDOW_KEY))
  const [busy, setBusy] = useState<string | null>(null)
  const [showPoster, setShowPoster] = useState(false)
  const [showIssue, setShowIssue] = useState(false)
  const errors = useFormErrors()
  usePullRefresh(() => {
    windows.reload()
    tickets.reload()
  })

  const list = windows.data ?? []
  const windowId = list.some((w) => w.id === chosen) ? chosen : (list[0]?.id ?? null)
  const win = list.find((w) => w.id === windowId) ?? null
  const all = tickets.data ?? []
  const current = all.filter((t) => (t.status === 'called' || t.status === 'serving') && t.window?.id === windowId)
  const waiting = all.filter((t) => t.status === 'waiting')
  // the window calls only its own services (none listed: all of the hall's)
  const mine = waiting.filter((t) => !win || win.serviceIds.length === 0 || win.serviceIds.includes(t.serviceId))
  const skipped = all.filter((t) => t.status === 'skipped' && t.canRequeue)
  const elsewhere = all.filter((t) => (t.status === 'called' || t.status === 'serving') && t.window?.id !== windowId)

  const pick = (id: string) => {
    setChosen(id)
    writeStorage(WINDOW_KEY, id)
    errors.clear()
  }

  const run = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key)
    errors.clear()
    try {
      await fn()
      toast(done, 'success')
    } catch (e) {
      errors.failWith(e)
    } finally {
      setBusy(null)
      tickets.reload()
    }
  }

  const callNext = () =>
    windowId &&
    run(
      'next',
      async () => {
        const t = await staffQueueApi.callNext(windowId)
        if (!t) throw new Error('没有等候的号')
      },
      '已叫号',
    )
  const act = (t: StaffTicketView, action: TicketAction) => run(`${t.id}:${action}`, () => staffQueueApi.act(t.id, action), `${t.number} ${DONE_TEXT[action]}`)
  const btn = (t: StaffTicketView, action: TicketAction, label: string, kind: 'primary' | 'outline' | 'danger' = 'outline') => (
    <Button
      key={action}
      size='small'
      type={kind === 'danger' ? 'danger' : 'primary'}
      fill={kind === 'primary' ? 'solid' : 'outline'}
      loading={busy === `${t.id}:${action}`}
      disabled={!!busy}
      aria-label={`${label} ${t.number}`}
      onClick={() => void act(t, action)}
    >
      {label}
    </Button>
  )

  return (
    <StaffPage
      title='叫号'
      actions={
        <ButtonRow>
          <Button fill='outline' type='primary' onClick={() => setShowIssue((v) => !v)}>
            {showIssue ? '收起发号' : '现场发号'}
          </Button>
          <Button fill='outline' type='primary' onClick={() => setShowPoster((v) => !v)}>
            {showPoster ? '收起取号码' : '今日取号码'}
          </Button>
          <Button fill='outline' type='primary' onClick={tickets.reload}>
            刷新
          </Button>
        </ButtonRow>
      }
    >
      {showPoster ? <HallCodePoster /> : null}
      {showIssue ? <IssueTicket onIssued={tickets.reload} /> : null}
      <PageState loading={windows.loading} error={windows.error} onRetry={windows.reload} empty={list.length === 0} emptyText='本大厅还没有设置窗口' emptyHint='请管理员在后台添加窗口后再叫号'>
        <View className='card'>
          <Segmented label='本台窗口' value={windowId ?? ''} options={list.map((w) => ({ value: w.id, label: windowLabel(w.name) }))} onChange={pick} />
          <View className='st-desk'>
            <View className='st-desk__current' role='status' aria-live='polite'>
              {current.length === 0 ? (
                <Text className='st-text'>{win ? `${windowLabel(win.name)}空闲，可叫下一位` : '请选择窗口'}</Text>
              ) : (
                current.map((t) => (
                  <TicketLine key={t.id} t={t}>
                    {t.status === 'called' ? [btn(t, 'serve', '开始办理', 'primary'), btn(t, 'recall', '重呼'), btn(t, 'skip', '过号', 'danger')] : [btn(t, 'finish', '办结', 'primary')]}
                  </TicketLine>
                ))
              )}
            </View>
            <Button block type='primary' size='large' disabled={!windowId || !!busy || mine.length === 0 || current.length > 0} loading={busy === 'next'} onClick={() => void callNext()}>
              {current.length > 0 ? '办结或过号后可叫下一位' : mine.length === 0 ? '本窗口暂无等候' : `叫下一位（等候 ${mine.length} 人）`}
            </Button>
            <FormError message={errors.form} />
          </View>
        </View>
      </PageState>

      <View className='section-title'>等候中</View>
      <View className='card'>
        <PageState loading={tickets.loading} error={tickets.data ? null : tickets.error} onRetry={tickets.reload} empty={waiting.length === 0} emptyText='暂无等候的号'>
          <View className='st-grid'>
            {waiting.map((t) => (
              <TicketLine key={t.id} t={t}>
                {t.greenRequested && !t.greenConfirmed ? btn(t, 'confirm-green', '确认绿色通道') : null}
              </TicketLine>
            ))}
          </View>
        </PageState>
      </View>

      {skipped.length > 0 ? (
        <>
          <View className='section-title'>已过号（可重新排队一次）</View>
          <View className='card st-grid'>
            {skipped.map((t) => (
              <TicketLine key={t.id} t={t}>
                {btn(t, 'requeue', '重新排队')}
              </TicketLine>
            ))}
          </View>
        </>
      ) : null}

      {elsewhere.length > 0 ? (
        <>
          <View className='section-title'>其他窗口</View>
          <View className='card'>
            {elsewhere.map((t) => (
              <Text key={t.id} className='st-line'>
                {t.number} · {t.window ? windowLabel(t.window.name) : ''} · {TICKET_STATUS_LABELS[t.status]}
              </Text>
            ))}
          </View>
        </>
      ) : null}
    </StaffPage>
  )
}
