import { Text, View } from '@tarojs/components'
import SignedInPage from '@/components/SignedInPage'
import PageState from '@/components/PageState'
import Button from '@/components/AppButton'
import { ratingsApi } from '@/api/ratings'
import { useMine } from '@/hooks/useMine'
import { CITIZEN_ROUTES } from '@/routes.citizen'
import { openPage } from '@/utils/nav'
import RatingCard from '@/subpackages/ratings/components/RatingCard'
import '@/subpackages/ratings/ratings.scss'

/** 我的评价: each rating, the progress of its rectification ticket and the answer; one re-rate after the answer. */
export default function MyRatings() {
  const list = useMine(() => ratingsApi.mine())
  const items = list.data ?? []

  return (
    <SignedInPage className='my-ratings' purpose='查看我的评价'>
      <View className='card'>
        <PageState
          of={list}
          empty={items.length === 0}
          emptyText='您还没有评价过'
          emptyHint={
            <>
              <Text>预约签到办理后，或办件受理、不予受理、作出决定、送达后，打开“我的预约”或“我的办件”中的那一项，点“评价”即可。</Text>
              <View className='rt-links'>
                <Button size='small' type='primary' fill='outline' onClick={() => openPage(CITIZEN_ROUTES.myBookings)}>
                  我的预约
                </Button>
                <Button size='small' type='primary' fill='outline' onClick={() => openPage(CITIZEN_ROUTES.myFilings)}>
                  我的办件
                </Button>
              </View>
            </>
          }
        >
          {items.map((r) => (
            <RatingCard key={r.id} rating={r} title={r.serviceName ?? (r.targetType === 'booking' ? '窗口预约服务' : '办件服务')} onRerated={list.reload} />
          ))}
        </PageState>
      </View>
    </SignedInPage>
  )
}
