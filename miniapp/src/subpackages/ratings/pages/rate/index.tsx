import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RATING_LABELS } from '@gov/shared'
import AppPage from '../../../../components/AppPage'
import Button from '../../../../components/AppButton'
import FormField from '../../../../components/FormField'
import ScorePicker from '../../../../components/ScorePicker'
import SignInGate from '../../../../components/SignInGate'
import { errorMessage, isApiError } from '../../../../api/client'
import { ratingsApi, type RatingTargetType } from '../../../../api/ratings'
import { isH5 } from '../../../../platform'
import { shanghaiDate } from '../../../../utils/time'
import '../../ratings.scss'
import './index.scss'

const GOOD_TAGS = ['一次办好', '态度热情', '效率高', '指引清楚', '环境整洁']
const BAD_TAGS = ['等候太久', '多次跑腿', '态度不好', '告知不清', '材料要求不一致']

const MINE = '/subpackages/ratings/pages/mine/index'

/** 服务评价 (好差评) of a finished booking or a delivered filing: five levels, tags, comment. */
export default function Rate() {
  const params = useRouter().params
  const targetType = (params.targetType === 'application' ? 'application' : params.targetType === 'booking' ? 'booking' : null) as RatingTargetType | null
  const targetId = params.targetId ?? ''
  const [score, setScore] = useState<number | null>(null)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<null | { score: number; dueAt: string | null }>(null)
  const [already, setAlready] = useState(false)

  const choices = score === null ? [] : score >= 3 ? GOOD_TAGS : BAD_TAGS
  const pickScore = (s: number) => {
    if (score === null || (s >= 3) !== (score >= 3)) setTags([])
    setScore(s)
    setError('')
  }
  const toggleTag = (t: string) => setTags((cur) => (cur.includes(t) ? cur.filter((x) => x !== t) : [...cur, t]))

  const submit = async () => {
    if (!targetType || !targetId) return
    if (score === null) {
      setError('请选择满意程度')
      return
    }
    if (score <= 2 && comment.trim().length === 0 && tags.length === 0) {
      setError('请选择或写下不满意的原因，便于整改')
      return
    }
    setError('')
    setBusy(true)
    try {
      const r = await ratingsApi.rate({ targetType, targetId, score, tags, comment: comment.trim() })
      setDone({ score: r.score, dueAt: r.rectification?.dueAt ?? null })
    } catch (e) {
      if (isApiError(e) && e.code === 'ALREADY_RATED') setAlready(true)
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (!targetType || !targetId) {
    return (
      <AppPage className='rate'>
        <View className='card'>
          <Text className='form-error'>评价链接不完整，请从消息中心或预约、办件页面进入。</Text>
        </View>
      </AppPage>
    )
  }

  return (
    <AppPage className='rate'>
      <SignInGate purpose='评价服务'>
        {done ? (
          <View className='card rt-done' role='status'>
            <Text className='rt-done__title'>感谢您的评价</Text>
            <Text className='rt-line'>您的评价：{RATING_LABELS[done.score as 1 | 2 | 3 | 4 | 5]}</Text>
            {done.dueAt ? (
              <Text className='rt-line'>
                我们已转交责任部门整改，将于 {shanghaiDate(done.dueAt)} 前答复您；答复后您可以重新评价一次。
              </Text>
            ) : null}
            <Button className='btn-block' block type='primary' size='large' onClick={() => Taro.redirectTo({ url: MINE })}>
              查看我的评价
            </Button>
          </View>
        ) : (
          <View className='card'>
            <Text className='field__label'>您对本次{targetType === 'booking' ? '窗口服务' : '办件服务'}满意吗？</Text>
            <ScorePicker value={score} onChange={pickScore} />
            {choices.length > 0 && (
              <>
                <Text className='field__label' style={{ marginTop: '12px' }}>
                  {score !== null && score >= 3 ? '满意在哪里（可多选）' : '哪里不满意（可多选）'}
                </Text>
                <View className='rt-tags' role='group' aria-label='评价标签'>
                  {choices.map((t) => {
                    const on = tags.includes(t)
                    const a11y = isH5 ? { role: 'checkbox', tabIndex: 0, 'aria-checked': on ? 'true' : 'false' } : {}
                    return (
                      <Text key={t} className={`rt-tag ${on ? 'rt-tag--on' : ''}`} onClick={() => toggleTag(t)} {...(a11y as object)}>
                        {t}
                      </Text>
                    )
                  })}
                </View>
              </>
            )}
            <FormField label='评价内容' value={comment} onChange={setComment} multiline maxlength={500} placeholder='说说您的办事体验（选填）' />
            {error ? (
              <View className='form-error' role='alert'>
                {error}
              </View>
            ) : null}
            {already ? (
              <Button className='btn-block' block type='primary' fill='outline' onClick={() => Taro.redirectTo({ url: MINE })}>
                查看我的评价
              </Button>
            ) : (
              <Button className='btn-block' block type='primary' size='large' loading={busy} onClick={submit}>
                提交评价
              </Button>
            )}
            <Text className='muted'>“不满意”“非常不满意”的评价将转交责任部门限期整改并答复您。</Text>
          </View>
        )}
      </SignInGate>
    </AppPage>
  )
}
