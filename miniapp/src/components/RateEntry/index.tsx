import { Text, View } from '@tarojs/components'
import { RATING_LABELS } from '@gov/shared'
import Button from '../AppButton'
import Tappable from '../Tappable'
import type { RatingState, RatingTargetType } from '@/api/ratings'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { openPage } from '@/utils/nav'
import './index.scss'

interface Props {
  targetType: RatingTargetType
  targetId: string
  state: Partial<RatingState>
  /** small in lists, a full-width button on a detail page */
  size?: 'small' | 'large'
}

export const stars = (score: number) => '★'.repeat(score)

/**
 * 好差评 where the service ends: 评价 while the stage the booking or filing stands at is not rated,
 * "已评价 ★★★★" (opening the rating) once it is; nothing before there is anything to rate.
 */
export default function RateEntry({ targetType, targetId, state, size = 'small' }: Props) {
  const url = withQuery(CITIZEN_ROUTES.rate, { targetType, targetId })
  if (state.rating) {
    const { score, stageLabel } = state.rating
    return (
      <Tappable className={`rate-entry rate-entry--${size}`} onTap={() => openPage(url)} label={`已评价${stageLabel}：${RATING_LABELS[score as 1 | 2 | 3 | 4 | 5]}，查看评价`}>
        <Text className='rate-entry__done'>已评价</Text>
        <Text className='rate-entry__stars' aria-hidden>
          {stars(score)}
        </Text>
        <Text className='rate-entry__link'>查看 ›</Text>
      </Tappable>
    )
  }
  if (!state.rateable || !state.ratingStage) return null
  return (
    <View className={`rate-entry rate-entry--${size}`}>
      {size === 'large' ? <Text className='rate-entry__hint'>{state.ratingStage.label}已完成，欢迎评价本次服务</Text> : null}
      <Button type='primary' size={size === 'large' ? 'large' : 'small'} block={size === 'large'} onClick={() => openPage(url)}>
        评价
      </Button>
    </View>
  )
}
