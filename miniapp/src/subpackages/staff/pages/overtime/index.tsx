import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StatusTag from '@/components/StatusTag'
import { staffQueueApi } from '@/api/queue'
import { shanghaiDate, shanghaiTime } from '@/utils/time'
import DayPicker, { dayParam } from '@/subpackages/staff/components/DayPicker'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { onePage, useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'

/**
 * 延时服务登记 (罗山 延时办): the services a window finished after the hall's closing time on a day —
 * the number, the matter, the window and who served, how long past closing — for the supervisor's
 * follow-up calls. GET /staff/overtime-services?date=.
 */
export default function StaffOvertime() {
  const [date, setDate] = useState(dayParam(useRouter().params.date))
  const { list, items } = useStaffList(() => staffQueueApi.overtime(date).then(onePage), [date])
  const longest = items.reduce((m, o) => Math.max(m, o.minutesPastClosing), 0)

  return (
    <StaffListPage
      title='延时服务登记'
      list={list}
      emptyText={date === shanghaiDate() ? '今天还没有闭厅后办理的业务' : '这一天没有闭厅后办理的业务'}
      head={
        <>
          <View className='card'>
            <Text className='st-text'>闭厅前取号的群众当天办结，闭厅后办理的每一件都登记在此，供督办回访。</Text>
          </View>
          <DayPicker date={date} onChange={setDate} />
        </>
      }
      footer={items.length > 0 ? <Text className='st-line'>共 {items.length} 件 · 最晚超出闭厅 {longest} 分钟</Text> : null}
      renderItem={(o) => (
        <View key={o.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>
              {o.number} {o.serviceName}
            </Text>
            <StatusTag tone={o.minutesPastClosing > 30 ? 'danger' : 'warning'}>{`超出 ${o.minutesPastClosing} 分钟`}</StatusTag>
          </View>
          <Text className='st-line'>
            {o.window.name || '窗口'} · {o.staffName ?? '工作人员'}
          </Text>
          <Text className='st-line'>
            {shanghaiTime(o.finishedAt)} 办结（{o.closingTime} 闭厅）
          </Text>
        </View>
      )}
    />
  )
}
