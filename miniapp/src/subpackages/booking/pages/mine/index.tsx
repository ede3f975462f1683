import { useRouter } from '@tarojs/taro'
import MyBookings, { type MineTab } from '@/subpackages/booking/components/MyBookings'
import '@/subpackages/booking/components/booking.scss'
import './index.scss'

export default function Mine() {
  const { params } = useRouter()
  const tab = (['bookings', 'waitlist', 'offhours'] as const).includes(params.tab as MineTab) ? (params.tab as MineTab) : 'bookings'
  return <MyBookings initialTab={tab} />
}
