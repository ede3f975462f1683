import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import ButtonRow from '@/components/ButtonRow'
import Code from '@/components/Code'
import StatusTag from '@/components/StatusTag'
import { staffApi, type StaffBookingView } from '@/api/staff'
import { BOOKING_STATUS } from '../labels'
import ApplicantInfo from './ApplicantInfo'

interface Props {
  booking: StaffBookingView
  /** the head line: when and who or what */
  title: ReactNode
  /** tags before the status (e.g. 错时) */
  tags?: ReactNode
  /** lines between the head and the check-in code */
  lines?: ReactNode
}

/** A booking on the desk (预约签到, 查找): head with status, check-in code, the applicant, then the actions (children). */
export default function BookingItem({ booking: b, title, tags, lines, children }: PropsWithChildren<Props>) {
  const st = BOOKING_STATUS[b.status]
  return (
    <View className='st-item st-booking'>
      <View className='st-item__head'>
        <Text className='st-item__title'>{title}</Text>
        <View className='st-tags'>
          {tags}
          <StatusTag tone={st.tone}>{st.text}</StatusTag>
        </View>
      </View>
      {lines}
      <Text className='st-line'>
        签到码 <Code>{b.code}</Code>
        {b.onBehalf ? ' · 代办' : ''}
      </Text>
      <ApplicantInfo applicant={b.applicant} reveal={() => staffApi.revealBookingApplicant(b.id)} />
      <ButtonRow className='st-actions'>{children}</ButtonRow>
    </View>
  )
}
