import MyBookings from '@/subpackages/booking/components/MyBookings'
import '@/subpackages/booking/components/booking.scss'
import './index.scss'

/** Where a waitlist offer message leads: 我的预约 open on 候补. */
export default function Waitlist() {
  return <MyBookings initialTab='waitlist' />
}
