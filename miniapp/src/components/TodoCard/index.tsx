import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { TodoSummary } from '@gov/shared'
import Tappable from '../Tappable'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { openPage } from '@/utils/nav'
import { dateTimeLabel, shanghaiTime, weekdayLabel, shanghaiDate } from '@/utils/time'
import './index.scss'

/** Filings shown one by one; more are summed up in one row to 我的办件. */
const SHOWN_FILINGS = 3

export const hasTodo = (t: TodoSummary | undefined): t is TodoSummary => !!t && (!!t.nextBooking || t.filings.length > 0 || t.unreadMessages > 0)

function Row({ tag, tone, title, sub, url }: { tag: string; tone: 'booking' | 'action' | 'message'; title: string; sub?: string; url: string }): ReactNode {
  return (
    <Tappable className='todo-card__row' onTap={() => openPage(url)} label={`${tag}：${title}${sub ? `，${sub}` : ''}`}>
      <Text className={`todo-card__tag todo-card__tag--${tone}`}>{tag}</Text>
      <View className='todo-card__text'>
        <Text className='todo-card__title'>{title}</Text>
        {sub ? <Text className='todo-card__sub'>{sub}</Text> : null}
      </View>
      <Text className='todo-card__chevron' aria-hidden>
        ›
      </Text>
    </Tappable>
  )
}

/**
 * The home page's one compact to-do card (GET /me/todo): the next booking, filings that wait for
 * the applicant (a correction, or a 容缺 material owed), unread messages. Renders nothing when there
 * is nothing to do.
 */
export default function TodoCard({ todo }: { todo: TodoSummary | undefined }) {
  if (!hasTodo(todo)) return null
  const b = todo.nextBooking
  const more = todo.filings.length - SHOWN_FILINGS
  return (
    <View className='card todo-card' role='region' aria-label='待办事项'>
      <Text className='todo-card__head'>待办事项</Text>
      {b ? (
        <Row
          tag='预约'
          tone='booking'
          title={`${dateTimeLabel(b.start)}–${shanghaiTime(b.end)}（${weekdayLabel(shanghaiDate(b.start))}）`}
          sub={`${b.hallName} · ${b.serviceName}`}
          url={withQuery(CITIZEN_ROUTES.booking, { id: b.id })}
        />
      ) : null}
      {todo.filings.slice(0, SHOWN_FILINGS).map((f) => (
        <Row
          key={f.id}
          tag={f.action === 'correction' ? '补正' : '补交'}
          tone='action'
          title={f.action === 'correction' ? `需补正材料：${f.serviceName}` : `容缺材料待补交：${f.serviceName}`}
          sub={f.number}
          url={withQuery(CITIZEN_ROUTES.filing, { id: f.id })}
        />
      ))}
      {more > 0 ? <Row tag='办件' tone='action' title={`还有 ${more} 件办件等您处理`} url={CITIZEN_ROUTES.myFilings} /> : null}
      {todo.unreadMessages > 0 ? <Row tag='消息' tone='message' title={`${todo.unreadMessages > 99 ? '99+' : todo.unreadMessages} 条未读消息`} url={CITIZEN_ROUTES.messages} /> : null}
    </View>
  )
}
