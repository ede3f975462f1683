import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LINKS, type Slot } from '@gov/shared'
import FormError from '@/components/FormError'
import PageState from '@/components/PageState'
import { bookingApi, type RatedBookingView } from '@/api/booking'
import { useFormErrors } from '@/hooks/useFormErrors'
import { toast } from '@/utils/nav'
import { slotLabel } from '@/utils/time'
import { SlotRow } from './SlotChooser'

/**
 * A booking the centre cancelled (`cancelled_by_centre`): why, that it never counts as a no-show,
 * and the three free slots of the same service nearest to it (the server's `rebookSlots`), each
 * booked in one tap. `onStale`: a slot was taken meanwhile, ask for the booking (and its offers) again.
 */
export default function CentreCancelled({ booking: b, onStale }: { booking: RatedBookingView; onStale: () => void }) {
  const offers = b.rebookSlots ?? []
  const [busy, setBusy] = useState<string | null>(null)
  const errors = useFormErrors()

  const rebook = async (s: Slot) => {
    setBusy(s.id)
    errors.clear()
    try {
      const next = await bookingApi.book(s.id, b.serviceId)
      toast('预约成功', 'success')
      Taro.redirectTo({ url: `${LINKS.booking(next.id)}&fresh=1` })
    } catch (e) {
      errors.failWith(e)
      onStale()
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='card booking__centre'>
      <Text className='booking__centre-title'>服务中心已取消此预约</Text>
      <Text className='booking__centre-reason'>原因：{b.cancelReason || '大厅临时调整'}</Text>
      <Text className='muted'>此次取消不计入您的爽约次数。给您带来不便，敬请谅解。</Text>
      <View className='booking__centre-offers'>
        <Text className='booking__centre-sub'>为您找到的就近时段</Text>
        <PageState empty={offers.length === 0} emptyText='近期暂无可约时段' emptyHint='可稍后再看，或点“重新预约”选择其他大厅和日期'>
          {offers.map((s) => (
            <SlotRow key={s.id} slot={s} label={slotLabel(s.start, s.end)} actionText='预约此时段' busySlotId={busy} onPick={(slot) => void rebook(slot)} />
          ))}
        </PageState>
        <FormError message={errors.form} />
      </View>
    </View>
  )
}
