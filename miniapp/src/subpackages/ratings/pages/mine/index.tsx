import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import AppPage from '../../../../components/AppPage'
import Button from '../../../../components/AppButton'
import FormField from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import ReasonDialog from '../../../../components/ReasonDialog'
import ScorePicker from '../../../../components/ScorePicker'
import SignInGate from '../../../../components/SignInGate'
import StatusTag, { type Tone } from '../../../../components/StatusTag'
import { ratingsApi, type Rating, type RectificationStatus } from '../../../../api/ratings'
import { useAsync } from '../../../../hooks/useAsync'
import { usePullRefresh } from '../../../../hooks/usePullRefresh'
import { useReloadOnShow } from '../../../../hooks/useReloadOnShow'
import { useSession } from '../../../../store/session'
import { fullDateTime, shanghaiDate } from '../../../../utils/time'
import { toast } from '../../../../utils/nav'
import '../../ratings.scss'
import './index.scss'

const RECT: Record<RectificationStatus, { text: string; tone: Tone }> = {
  open: { text: '整改中', tone: 'warning' },
  answered: { text: '已答复', tone: 'success' },
  overdue: { text: '整改已超期', tone: 'danger' },
}

/** 我的评价: each rating, the progress of its rectification ticket and the answer; one re-rate after the answer. */
export default function MyRatings() {
  const { accessToken } = useSession()
  const list = useAsync(() => ratingsApi.mine(), [accessToken], !!accessToken)
  usePullRefresh(list.reload)
  useReloadOnShow(list.reload, !!accessToken)
  const [rerating, setRerating] = useState<Rating | null>(null)
  const [score, setScore] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const items = list.data ?? []

  return (
    <AppPage className='my-ratings'>
      <SignInGate purpose='查看我的评价'>
        <View className='card'>
          <PageState
            loading={list.loading && !list.data}
            error={list.error}
            empty={items.length === 0}
            emptyText='您还没有评价过'
            emptyHint='办理完成后可在消息中心或预约、办件页面评价'
            onRetry={list.reload}
          >
            {items.map((r) => (
              <View key={r.id} className='rt-item'>
                <View className='rt-item__head'>
                  <Text className='rt-item__title'>{r.serviceName ?? (r.targetType === 'booking' ? '窗口预约服务' : '办件服务')}</Text>
                  <StatusTag tone={r.score >= 3 ? 'success' : 'danger'}>{r.label}</StatusTag>
                </View>
                <Text className='rt-line'>
                  {r.targetType === 'booking' ? '预约' : '办件'} · 评价于 {fullDateTime(r.createdAt)}
                  {r.reratedAt ? ` · 已于 ${fullDateTime(r.reratedAt)} 重新评价` : ''}
                </Text>
                {r.tags.length > 0 ? <Text className='rt-line'>标签：{r.tags.join('、')}</Text> : null}
                {r.comment ? <Text className='rt-line'>“{r.comment}”</Text> : null}
                {r.rectification && (
                  <View className='rt-rect'>
                    <View className='rt-item__head'>
                      <Text className='rt-line'>整改进度</Text>
                      <StatusTag tone={RECT[r.rectification.status].tone}>{RECT[r.rectification.status].text}</StatusTag>
                    </View>
                    <Text className='rt-line'>答复期限：{shanghaiDate(r.rectification.dueAt)}</Text>
                    {r.rectification.answer ? (
                      <>
                        <Text className='rt-line'>
                          部门答复{r.rectification.answeredAt ? `（${fullDateTime(r.rectification.answeredAt)}）` : ''}：
                        </Text>
                        <Text className='rt-answer'>{r.rectification.answer}</Text>
                      </>
                    ) : (
                      <Text className='rt-line'>责任部门正在核实整改，答复后会通知您。</Text>
                    )}
                  </View>
                )}
                {r.canRerate && (
                  <Button
                    className='btn-block'
                    type='primary'
                    fill='outline'
                    onClick={() => {
                      setScore(null)
                      setComment('')
                      setRerating(r)
                    }}
                  >
                    重新评价
                  </Button>
                )}
              </View>
            ))}
          </PageState>
        </View>

        <ReasonDialog
          visible={!!rerating}
          title='重新评价'
          description='看过整改答复后，您可以重新评价一次。'
          confirmText='提交'
          onConfirm={async () => {
            if (!rerating) return
            if (score === null) throw new Error('请选择满意程度')
            await ratingsApi.rerate(rerating.id, score, comment.trim())
            toast('已重新评价', 'success')
            list.reload()
          }}
          onClose={() => setRerating(null)}
        >
          <ScorePicker value={score} onChange={setScore} />
          <FormField label='重新评价内容' value={comment} onChange={setComment} multiline maxlength={500} placeholder='选填' />
        </ReasonDialog>
      </SignInGate>
    </AppPage>
  )
}
