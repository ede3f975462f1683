import Code from '@/components/Code'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Tappable from '@/components/Tappable'
import type { StaffApplicationView } from '@/api/staff'
import { dateLabel, fullDateTime } from '@/utils/time'
import { FILING_STATUS } from '../labels'
import FilingTags from './FilingTags'

/** A filing in a staff list (办件, 查找): service, tags, number and applicant, deadlines, what a 容缺 still owes and the credit record; tap to review it. */
export default function FilingRow({ filing: f }: { filing: StaffApplicationView }) {
  return (
    <Tappable
      className='st-item st-filing'
      label={`${f.serviceName ?? ''}，${f.number}，${FILING_STATUS[f.status]}`}
      onTap={() => Taro.navigateTo({ url: `/subpackages/staff/pages/review/index?id=${f.id}` })}
    >
      <View className='st-item__head'>
        <Text className='st-item__title'>{f.serviceName ?? f.number}</Text>
        <FilingTags filing={f} />
      </View>
      <Text className='st-line'>
        <Code>{f.number}</Code> · 申请人 {f.applicant.name ?? '—'}
        {f.onBehalf ? '（代办）' : ''}
      </Text>
      {f.prereview ? (
        <Text className={`st-line ${f.prereview.daysLeft <= 1 ? 'field__error' : ''}`}>
          预审剩余 {f.prereview.daysLeft} 个工作日（{dateLabel(f.prereview.deadline)} 前，逾期视为受理）
        </Text>
      ) : null}
      {f.responsible ? <Text className='st-line'>首问负责人 {f.responsible.name}{f.responsible.hallName ? `（${f.responsible.hallName}）` : ''}</Text> : null}
      {f.acceptBy ? <Text className='st-line'>受理时限 {dateLabel(f.acceptBy)} 前受理或告知</Text> : null}
      {f.dueAt ? <Text className='st-line'>办结期限 {dateLabel(f.dueAt)}</Text> : null}
      {f.commitment?.owed.length ? (
        <Text className={`st-line ${f.commitment.status === 'breached' ? 'field__error' : ''}`}>
          容缺待补交 {f.commitment.owed.length} 项{f.commitment.dueAt ? `（${dateLabel(f.commitment.dueAt)} 前）` : ''}
        </Text>
      ) : null}
      {f.credit?.records.length ? <Text className='st-line field__error'>信用记录：有容缺承诺未履行</Text> : null}
      {f.submittedAt ? <Text className='st-line'>提交于 {fullDateTime(f.submittedAt)}</Text> : null}
    </Tappable>
  )
}
