import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import PageState from '@/components/PageState'
import Section from '@/components/Section'
import StaffPage from '@/components/StaffPage'
import { staffLogout } from '@/components/StaffPage/nav'
import Tappable from '@/components/Tappable'
import { messagesApi } from '@/api/messages'
import { staffQueueApi } from '@/api/queue'
import { consultationsApi, staffAssistanceApi } from '@/api/guidance'
import { isStaffUser, staffApi } from '@/api/staff'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { useSession } from '@/store/session'
import { shanghaiDate } from '@/utils/time'
import type { StaffRole } from '@gov/shared'
import { dutyLine, forDuties, holds } from '@/utils/duties'
import '@/subpackages/staff/staff.scss'
import './index.scss'

const P = (name: string) => `/subpackages/staff/pages/${name}/index`

const ONE = { page: 1, pageSize: 1 }
/** How many: one item asked for, the total read (null when the call failed). */
const count = (p: Promise<{ total: number } | unknown[]>): Promise<number | null> => p.then((r) => (Array.isArray(r) ? r.length : r.total)).catch(() => null)

/** 工作台: what waits for the hall today, and the way to each task. */
export default function StaffHome() {
  const { accessToken, user } = useSession()
  const enabled = !!accessToken && isStaffUser(user?.roles)
  const isAdmin = !!user?.roles.includes('admin')
  const stats = useAsync(
    async () => {
      const today = shanghaiDate()
      const supervising = holds(user?.roles, 'supervisor')
      // a reviewer without window duties counts their own department's filings
      const departmentId = !holds(user?.roles, 'window') && holds(user?.roles, 'reviewer') ? (user?.departmentId ?? undefined) : undefined
      const [bookings, offhours, prereview, accept, appeals, rectOpen, rectOverdue, companies, waiting, late, registered, overtime, toReview, inReview, board, unread, consultations, assistance] = await Promise.all([
        count(staffApi.bookings({ status: 'booked' }, ONE)),
        count(staffApi.offhours('pending')),
        count(staffApi.filings({ status: 'submitted' }, ONE)),
        count(staffApi.filings({ status: 'prereview_passed' }, ONE)),
        count(staffApi.appeals('open', ONE)),
        count(staffApi.rectifications('open', ONE)),
        count(staffApi.rectifications('overdue', ONE)),
        count(staffApi.enterprises('pending')),
        count(staffQueueApi.tickets('waiting')),
        count(staffApi.lateBookings(ONE)),
        count(staffApi.registeredBookings(today, ONE)),
        count(staffQueueApi.overtime(today)),
        count(staffApi.filings({ status: 'accepted', departmentId }, ONE)),
        count(staffApi.filings({ status: 'under_review', departmentId }, ONE)),
        supervising ? staffApi.supervision().catch(() => null) : Promise.resolve(null),
        messagesApi.unreadCount().then((r) => r.count).catch(() => null),
        count(consultationsApi.staffList('open')),
        count(staffAssistanceApi.list('requested')),
      ])
      if ([bookings, offhours, prereview, accept, appeals, rectOpen, rectOverdue, companies].every((n) => n === null)) {
        // every call failed: show the error with 重试
        await staffApi.bookings({ status: 'booked' }, ONE)
      }
      const lateItems = board ? board.filings.length + board.lateAcceptances.length + (board.lateTransfers?.length ?? 0) + board.offhoursRequests.length + board.rectifications.length + board.consultations.length : null
      return { bookings, offhours, prereview, accept, appeals, rectOpen, rectOverdue, companies, waiting, late, registered, overtime, toReview, inReview, supervision: lateItems, unread, consultations, assistance }
    },
    [accessToken],
    enabled,
  )
  // the supervisor's figure of the queue: this hall's today (every hall for an admin)
  const queues = useAsync(() => staffQueueApi.queueFigures(), [accessToken], enabled)
  usePullRefresh(() => {
    stats.reload()
    queues.reload()
  })
  useReloadOnShow(stats.reload, enabled)
  useReloadOnShow(queues.reload, enabled)

  const s = stats.data
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v))
  // 受审分离: each duty's tiles (an admin sees all); those without a duty are everyone's
  const tiles = forDuties<{ key: string; label: string; num: number | null | undefined; sub: string; url: string; alert?: boolean; duty?: StaffRole }>([
    // 督办 and other notices for staff (a late filing of their department, an overdue ticket)
    { key: 'messages', label: '消息', num: s?.unread, sub: '未读', url: '/subpackages/messages/pages/index/index', alert: !!s?.unread },
    { key: 'supervision', label: '督办', num: s?.supervision, sub: '超期和临期事项', url: P('supervision'), alert: !!s?.supervision, duty: 'supervisor' },
    { key: 'review', label: '部门审查', num: s?.toReview, sub: `待审查 · 审查中 ${n(s?.inReview)}`, url: `${P('filings')}?status=accepted`, duty: 'reviewer' },
    { key: 'bookings', label: '今日预约', num: s?.bookings, sub: '待签到', url: P('bookings'), duty: 'window' },
    { key: 'queue', label: '叫号', num: s?.waiting, sub: '等候中', url: P('queue'), duty: 'window' },
    { key: 'late', label: '迟到电话', num: s?.late, sub: '过时未签到', url: P('late'), alert: !!s?.late, duty: 'window' },
    { key: 'registered', label: '窗口登记', num: s?.registered, sub: '今日电话/现场登记', url: P('registered'), duty: 'window' },
    { key: 'overtime', label: '延时服务', num: s?.overtime, sub: '今日闭厅后办理', url: P('overtime'), duty: 'window' },
    { key: 'offhours', label: '错时预约', num: s?.offhours, sub: '待确认', url: P('offhours'), duty: 'window' },
    { key: 'filings', label: '办件预审', num: s?.prereview, sub: `待预审 · 待受理 ${n(s?.accept)}`, url: P('filings'), duty: 'window' },
    { key: 'appeals', label: '爽约申诉', num: s?.appeals, sub: '待处理', url: P('appeals') },
    { key: 'consultations', label: '在线咨询', num: s?.consultations, sub: '待答复（一个工作日内）', url: P('consultations') },
    { key: 'assistance', label: '帮办代办', num: s?.assistance, sub: '待安排帮办专员', url: P('assistance') },
    { key: 'rect', label: '差评整改', num: s ? (s.rectOpen ?? 0) + (s.rectOverdue ?? 0) : undefined, sub: `其中超期 ${n(s?.rectOverdue)}`, url: P('rectifications'), alert: !!s?.rectOverdue },
    { key: 'follow-ups', label: '办件回访', num: undefined, sub: '本月抽样', url: P('follow-ups') },
    { key: 'enterprises', label: '企业核验', num: s?.companies, sub: '待核验', url: P('enterprises'), duty: 'window' },
  ], user?.roles)

  return (
    <StaffPage
      title='工作台'
      actions={
        <Button fill='outline' type='primary' onClick={stats.reload}>
          刷新
        </Button>
      }
    >
      <View className='card'>
        <Text className='st-text'>
          {user?.name ?? user?.realName ?? '工作人员'}，您好
        </Text>
        <Text className='st-line'>{isAdmin ? '管理员 · 可查看全部大厅' : `${dutyLine(user?.roles)} · 本大厅业务`}</Text>
      </View>
      <PageState loading={stats.loading && !s} error={stats.error} onRetry={stats.reload}>
        <View className='st-tiles'>
          {tiles.map((t) => (
            <Tappable key={t.key} className='st-tile' onTap={() => Taro.navigateTo({ url: t.url })} label={`${t.label}，${t.num ?? ''} ${t.sub}`}>
              <Text className='st-tile__label'>{t.label}</Text>
              {t.num !== undefined ? <Text className={`st-tile__num ${t.alert ? 'st-tile__num--alert' : ''}`}>{n(t.num)}</Text> : null}
              <Text className='st-tile__sub'>{t.sub}</Text>
            </Tappable>
          ))}
          {isAdmin && (
            <Tappable className='st-tile' onTap={() => Taro.navigateTo({ url: '/subpackages/admin/pages/schedule/index' })} label='排班管理'>
              <Text className='st-tile__label'>排班管理</Text>
              <Text className='st-tile__sub'>模板、生成时段、关闭时段</Text>
            </Tappable>
          )}
          {isAdmin && (
            <Tappable className='st-tile' onTap={() => Taro.navigateTo({ url: '/subpackages/admin/pages/stats/index' })} label='满意度统计'>
              <Text className='st-tile__label'>满意度统计</Text>
              <Text className='st-tile__sub'>按大厅、按部门</Text>
            </Tappable>
          )}
          {isAdmin && (
            <Tappable className='st-tile' onTap={() => Taro.navigateTo({ url: '/subpackages/admin/pages/phrases/index' })} label='常用补正语'>
              <Text className='st-tile__label'>常用补正语</Text>
              <Text className='st-tile__sub'>预审时点选的补正原因</Text>
            </Tappable>
          )}
          {isAdmin && (
            <Tappable className='st-tile' onTap={() => Taro.navigateTo({ url: '/subpackages/admin/pages/guidance/index' })} label='智能导办主题'>
              <Text className='st-tile__label'>智能导办</Text>
              <Text className='st-tile__sub'>导办主题的问题、选项和对应事项</Text>
            </Tappable>
          )}
        </View>
      </PageState>
      <Section title={isAdmin ? '各大厅排队' : '本大厅排队'} of={queues} empty={!!queues.data && queues.data.length === 0} emptyText='没有大厅'>
        {(queues.data ?? []).map((h) => (
          <View key={h.hallId} className='st-queue-figure' role='group' aria-label={`${h.hallName} 排队`}>
            <Text className='st-item__title'>{h.hallName}</Text>
            <Text className={`st-queue-figure__num ${h.longestWaitMinutes >= 30 ? 'st-tile__num--alert' : ''}`}>{`等候 ${h.waiting} 人`}</Text>
            <Text className='st-line'>{`窗口办理中 ${h.atWindow} · 今日已办结 ${h.done}${h.waiting ? ` · 最长已等 ${h.longestWaitMinutes} 分钟` : ''}`}</Text>
          </View>
        ))}
      </Section>
      <View style={{ margin: '24px 12px' }}>
        <Button block fill='outline' type='danger' onClick={() => void staffLogout()}>
          退出登录
        </Button>
      </View>
    </StaffPage>
  )
}
