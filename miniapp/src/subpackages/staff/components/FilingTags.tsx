import { View } from '@tarojs/components'
import StatusTag from '@/components/StatusTag'
import type { StaffApplicationView } from '@/api/staff'
import { FILING_STATUS, SLA } from '../labels'

/** A filing's tags on the desk: 重点项目, its deadline state and its status. */
export default function FilingTags({ filing: f }: { filing: Pick<StaffApplicationView, 'keyProject' | 'sla' | 'status'> }) {
  return (
    <View className='st-tags'>
      {f.keyProject ? <StatusTag tone='danger'>重点项目</StatusTag> : null}
      {f.sla && SLA[f.sla] ? <StatusTag tone={SLA[f.sla].tone}>{SLA[f.sla].text}</StatusTag> : null}
      <StatusTag tone='info'>{FILING_STATUS[f.status]}</StatusTag>
    </View>
  )
}
