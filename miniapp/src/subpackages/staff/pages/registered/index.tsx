import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import PrivacySheet from '@/components/PrivacySheet'
import { staffApi } from '@/api/staff'
import { shanghaiDate, shanghaiTime } from '@/utils/time'
import BookingItem from '@/subpackages/staff/components/BookingItem'
import DayPicker, { dayParam } from '@/subpackages/staff/components/DayPicker'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { useStaffList } from '@/subpackages/staff/components/useStaffList'
import RegisterForm from './RegisterForm'
import '@/subpackages/staff/staff.scss'

/**
 * 窗口登记的预约: register a booking for someone without the app (RegisterForm), and the bookings the
 * hall's desk registered on a day (a phone call or a walk-in; kind `registered`), latest first,
 * whatever day each is for — to read a check-in code out again, or find it on its day's 预约签到 list.
 */
export default function StaffRegisteredBookings() {
  const [date, setDate] = useState(dayParam(useRouter().params.date))
  const { list, user } = useStaffList((p) => staffApi.registeredBookings(date, p), [date])
  const today = date === shanghaiDate()

  return (
    <StaffListPage
      title='窗口登记的预约'
      list={list}
      emptyText={today ? '今天还没有登记电话或现场预约' : '这一天没有登记电话或现场预约'}
      head={
        <>
          {user?.hallId ? <RegisterForm hallId={user.hallId} onRegistered={() => (today ? list.reload() : setDate(shanghaiDate()))} /> : null}
          <View className='card'>
            <Text className='st-text'>为没有使用手机办理的群众（电话预约、现场登记）登记的预约，按登记时间从新到旧。申请人凭短信中的签到码到窗口签到。</Text>
          </View>
          <DayPicker label='登记日期' date={date} onChange={setDate} />
        </>
      }
      footer={list.data && list.data.total > 0 ? <Text className='st-line'>共登记 {list.data.total} 个预约</Text> : null}
      renderItem={(b) => {
        const day = shanghaiDate(b.start)
        return (
          <BookingItem
            key={b.id}
            booking={b}
            title={`${day === shanghaiDate() ? '今天' : day} ${shanghaiTime(b.start)} ${b.applicant.name ?? '申请人'}`}
            lines={
              <>
                <Text className='st-line'>{b.serviceName}</Text>
                <Text className='st-line'>登记于 {shanghaiDate(b.createdAt)} {shanghaiTime(b.createdAt)}</Text>
              </>
            }
          >
            <Button size='small' type='primary' fill='outline' aria-label={`查看 ${day} 的预约签到`} onClick={() => void Taro.navigateTo({ url: `/subpackages/staff/pages/bookings/index?date=${day}` })}>
              到当天签到列表
            </Button>
          </BookingItem>
        )
      }}
    >
      <PrivacySheet />
    </StaffListPage>
  )
}
