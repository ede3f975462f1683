import { DESK_SEARCH_KEY_LABELS } from '@gov/shared'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import PageState from '@/components/PageState'
import StaffPage from '@/components/StaffPage'
import { errorMessage } from '@/api/client'
import { staffApi } from '@/api/staff'
import { useAsync } from '@/hooks/useAsync'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { toast } from '@/utils/nav'
import { dateTimeLabel, shanghaiDate } from '@/utils/time'
import BookingItem from '@/subpackages/staff/components/BookingItem'
import FilingRow from '@/subpackages/staff/components/FilingRow'
import '@/subpackages/staff/staff.scss'
import './index.scss'

/** 查找: the hall's bookings and filings by filing number, booking code, applicant name or phone tail (the search box of the desk navigation). */
export default function StaffSearch() {
  const q = decodeURIComponent(useRouter().params.q ?? '').trim()
  const desk = useDeskAccess()
  const accessToken = desk.accessToken
  const enabled = desk.enabled && !!q
  const result = useAsync(() => staffApi.search(q), [q, accessToken], enabled)
  usePullRefresh(result.reload)
  const r = result.data

  const checkIn = async (code: string) => {
    try {
      await staffApi.checkIn(code)
      toast('签到成功', 'success')
      result.reload()
    } catch (e) {
      toast(errorMessage(e))
    }
  }

  const empty = !!r && r.bookings.length === 0 && r.applications.length === 0
  return (
    <StaffPage title='查找'>
      {!q ? (
        <View className='card'>
          <Text className='st-line'>在左侧搜索框输入办件编号、预约签到码、申请人姓名或手机号后四位。</Text>
        </View>
      ) : (
        <PageState
          of={result}
          empty={empty}
          emptyText={r && r.keys.length === 0 ? `“${q}”不像办件编号、签到码、姓名或手机尾号，请核对后重试` : `本大厅没有与“${q}”相符的预约或办件`}
        >
          {r && (
            <>
              <View className='st-search__summary' role='status'>
                <Text className='st-line'>
                  按{r.keys.map((k) => DESK_SEARCH_KEY_LABELS[k]).join('、')}查找“{q}”：预约 {r.bookings.length} 条，办件 {r.applications.length} 件
                </Text>
              </View>
              {r.bookings.length > 0 && (
                <>
                  <View className='section-title'>预约（{r.bookings.length}）</View>
                  <View className='card'>
                    <View className='st-grid'>
                      {r.bookings.map((b) => {
                        const start = b.start ?? b.slot.start
                        return (
                          <BookingItem key={b.id} booking={b} title={`${dateTimeLabel(start)} ${b.serviceName ?? ''}`}>
                            {b.status === 'booked' && shanghaiDate(start) === shanghaiDate() && (
                              <Button size='small' type='primary' onClick={() => void checkIn(b.code)}>
                                签到
                              </Button>
                            )}
                            <Button
                              size='small'
                              fill='outline'
                              type='primary'
                              onClick={() => Taro.navigateTo({ url: `/subpackages/staff/pages/bookings/index?date=${shanghaiDate(start)}` })}
                            >
                              当天预约
                            </Button>
                          </BookingItem>
                        )
                      })}
                    </View>
                  </View>
                </>
              )}
              {r.applications.length > 0 && (
                <>
                  <View className='section-title'>办件（{r.applications.length}）</View>
                  <View className='card'>
                    <View className='st-grid'>
                      {r.applications.map((f) => (
                        <FilingRow key={f.id} filing={f} />
                      ))}
                    </View>
                  </View>
                </>
              )}
            </>
          )}
        </PageState>
      )}
    </StaffPage>
  )
}
