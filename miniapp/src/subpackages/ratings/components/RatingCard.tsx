import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import ReasonDialog from '@/components/ReasonDialog'
import ScorePicker from '@/components/ScorePicker'
import StatusTag from '@/components/StatusTag'
import { stars } from '@/components/RateEntry'
import { ratingsApi, type RatingView } from '@/api/ratings'
import { dateLabel, fullDateTime } from '@/utils/time'
import { toast } from '@/utils/nav'
import { RECTIFICATION_STATUS } from '@/utils/status-tones'

interface Props {
  rating: RatingView
  /** the heading: the service (我的评价) or the stage (the rating page, which names the service above) */
  title: string
  onRerated: () => void
}

/** One rating: score, tags, comment, the rectification's progress and answer, and the one re-rating after it. */
export default function RatingCard({ rating: r, title, onRerated }: Props) {
  const [open, setOpen] = useState(false)
  const [score, setScore] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  return (
    <View className='rt-item'>
      <View className='rt-item__head'>
        <Text className='rt-item__title'>{title}</Text>
        <StatusTag tone={r.score >= 3 ? 'success' : 'danger'}>{r.label}</StatusTag>
      </View>
      <Text className='rt-stars' aria-hidden>
        {stars(r.score)}
      </Text>
      <Text className='rt-line'>
        {r.targetType === 'booking' ? '预约' : '办件'} · {r.stageLabel} · 评价于 {fullDateTime(r.createdAt)}
        {r.reratedAt ? ` · 已于 ${fullDateTime(r.reratedAt)} 重新评价` : ''}
      </Text>
      {r.tags.length > 0 ? <Text className='rt-line'>标签：{r.tags.join('、')}</Text> : null}
      {r.comment ? <Text className='rt-line'>“{r.comment}”</Text> : null}
      {r.rectification && (
        <View className='rt-rect'>
          <View className='rt-item__head'>
            <Text className='rt-line'>整改进度</Text>
            <StatusTag tone={RECTIFICATION_STATUS[r.rectification.status].tone}>{RECTIFICATION_STATUS[r.rectification.status].text}</StatusTag>
          </View>
          <Text className='rt-line'>答复期限：{dateLabel(r.rectification.dueAt)}</Text>
          {r.rectification.answer ? (
            <>
              <Text className='rt-line'>部门答复{r.rectification.answeredAt ? `（${fullDateTime(r.rectification.answeredAt)}）` : ''}：</Text>
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
            setOpen(true)
          }}
        >
          重新评价
        </Button>
      )}
      <ReasonDialog
        visible={open}
        title='重新评价'
        description='看过整改答复后，您可以重新评价一次。'
        confirmText='提交'
        onConfirm={async () => {
          if (score === null) throw new Error('请选择满意程度')
          await ratingsApi.rerate(r.id, score, comment.trim())
          toast('已重新评价', 'success')
          onRerated()
        }}
        onClose={() => setOpen(false)}
      >
        <ScorePicker value={score} onChange={setScore} />
        <FormField label='重新评价内容' value={comment} onChange={setComment} multiline maxlength={500} placeholder='选填' />
      </ReasonDialog>
    </View>
  )
}
