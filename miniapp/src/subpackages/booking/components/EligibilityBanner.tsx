import { Text, View } from '@tarojs/components'
import type { EligibilityView } from '@/api/booking'
import Tappable from '@/components/Tappable'
import { CITIZEN_ROUTES } from '@/routes.citizen'
import { openPage } from '@/utils/nav'
import { dateLabel, shanghaiDate } from '@/utils/time'

/** The no-show standing before booking: a warning after the first no-show, the forfeiture and how to be reinstated. */
export default function EligibilityBanner({ e, showLink = true }: { e: EligibilityView; showLink?: boolean }) {
  if (!e.forfeited && e.noShows === 0) return null
  const left = Math.max(0, e.threshold - e.noShows)
  const text = e.message || (e.forfeited ? `您已爽约 ${e.noShows} 次，暂停预约资格` : `已爽约 ${e.noShows} 次，再爽约 ${left} 次将暂停预约`)
  return (
    <View className={`eligibility ${e.forfeited ? 'eligibility--forfeited' : 'eligibility--warning'}`} role='alert'>
      <Text className='eligibility__title'>{e.forfeited ? '预约资格已暂停' : '爽约提醒'}</Text>
      <Text className='eligibility__text'>{text}</Text>
      {e.forfeited && e.until ? <Text className='eligibility__text'>自动恢复日期：{dateLabel(shanghaiDate(e.until))}</Text> : null}
      {showLink ? (
        <Tappable className='eligibility__link' onTap={() => openPage(CITIZEN_ROUTES.noShows)}>
          <Text>查看爽约记录 / 申诉</Text>
        </Tappable>
      ) : null}
    </View>
  )
}
