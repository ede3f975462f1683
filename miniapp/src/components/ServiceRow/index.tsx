import { Text, View } from '@tarojs/components'
import { AUDIENCE_LABELS, type ServiceSummary } from '@gov/shared'
import Tappable from '../Tappable'
import StatusTag from '../StatusTag'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { openPage } from '@/utils/nav'
import './index.scss'

/** One service in a list; opens its guide. */
export default function ServiceRow({ service: s }: { service: ServiceSummary }) {
  return (
    <Tappable className='service-row' onTap={() => openPage(withQuery(CITIZEN_ROUTES.guide, { id: s.id }))}>
      <Text className='service-row__name'>{s.name}</Text>
      <View className='service-row__meta'>
        <Text className='muted'>{s.departmentName}</Text>
        <Text className='muted'>
          {AUDIENCE_LABELS[s.audience] ?? ''} · 承诺{s.promisedDays}个工作日
        </Text>
      </View>
      {s.onlinePrereview ? (
        <View className='service-row__tags'>
          <StatusTag tone='success'>可网上预审</StatusTag>
        </View>
      ) : null}
    </Tappable>
  )
}
