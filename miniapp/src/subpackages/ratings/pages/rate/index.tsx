import FormError from '@/components/FormError'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ASSISTANCE_KIND_LABELS, RATING_LABELS, RATING_TARGET_TYPES } from '@gov/shared'
import AppPage from '@/components/AppPage'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import PageState from '@/components/PageState'
import ScorePicker from '@/components/ScorePicker'
import StatusTag from '@/components/StatusTag'
import { bookingApi } from '@/api/booking'
import { errorMessage, isApiError } from '@/api/client'
import { filingsApi } from '@/api/filings'
import { assistanceApi } from '@/api/guidance'
import { ratingsApi, type RatingState, type RatingTargetType } from '@/api/ratings'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { isH5 } from '@/platform'
import { CITIZEN_ROUTES } from '@/routes.citizen'
import { useSession } from '@/store/session'
import { dateLabel, shanghaiDate, shanghaiTime } from '@/utils/time'
import RatingCard from '@/subpackages/ratings/components/RatingCard'
import { useBusy } from '@/hooks/useBusy'
import '@/subpackages/ratings/ratings.scss'

const GOOD_TAGS = ['一次办好', '态度热情', '效率高', '指引清楚', '环境整洁']
const BAD_TAGS = ['等候太久', '多次跑腿', '态度不好', '告知不清', '材料要求不一致']

const NOT_YET: Record<RatingTargetType, string> = {
  booking: '这次预约还没有办理完成，签到办理后即可评价。',
  application: '办件受理、不予受理、作出审批决定或送达结果后，即可评价该环节。',
  assistance: '帮办代办办结后，即可评价本次帮办服务。',
}

const WHAT: Record<RatingTargetType, string> = { booking: '窗口服务', application: '办件服务', assistance: '帮办' }

/** What is rated, in the applicant's words: the service, the hall, when (or the filing number), and its rating state. */
interface Subject extends Partial<RatingState> {
  serviceName: string
  hallName: string
  when: string
}

async function loadSubject(type: RatingTargetType, id: string): Promise<Subject> {
  if (type === 'booking') {
    const b = await bookingApi.get(id)
    return { ...b, when: `${dateLabel(shanghaiDate(b.start))} ${shanghaiTime(b.start)}–${shanghaiTime(b.end)}` }
  }
  if (type === 'assistance') {
    // the applicant's own requests: a request of someone else's is simply not among them
    const r = (await assistanceApi.mine()).find((x) => x.id === id)
    if (!r) throw new Error('没有找到这次帮办代办申请')
    return { ...r, when: `${ASSISTANCE_KIND_LABELS[r.kind]}${r.helper ? ` · 帮办专员 ${r.helper.name}` : ''}` }
  }
  const f = await filingsApi.get(id)
  return { ...f, when: `办件编号 ${f.number}` }
}

/**
 * 服务评价 (好差评) of a booking or a filing at the stage it stands at: names what is rated, and once
 * that stage is rated shows the rating (its rectification and the one re-rating) instead of the form.
 */
export default function Rate() {
  const params = useRouter().params
  const targetType = (RATING_TARGET_TYPES as readonly string[]).includes(params.targetType ?? '') ? (params.targetType as RatingTargetType) : null
  const targetId = params.targetId ?? ''
  const { accessToken } = useSession()
  const ready = !!targetType && !!targetId && !!accessToken
  const subject = useAsync(() => loadSubject(targetType!, targetId), [targetType, targetId, accessToken], ready)
  const ratings = useAsync(() => ratingsApi.of(targetType!, targetId), [targetType, targetId, accessToken], ready)
  const [score, setScore] = useState<number | null>(null)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const [busy, whileBusy] = useBusy()
  const [done, setDone] = useState<null | { score: number; dueAt: string | null }>(null)
  const reload = () => {
    subject.reload()
    ratings.reload()
  }
  usePullRefresh(reload)

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
    await whileBusy(async () => {
      const r = await ratingsApi.rate({ targetType, targetId, score, tags, comment: comment.trim() })
      setDone({ score: r.score, dueAt: r.rectification?.dueAt ?? null })
      reload()
    }, (e) => {
      // rated meanwhile (another device, an agent): show that rating instead of the form
      if (isApiError(e) && e.code === 'ALREADY_RATED') reload()
      else setError(errorMessage(e))
    })
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

  const s = subject.data
  const stage = s?.ratingStage ?? null
  const all = ratings.data ?? []
  const current = stage ? (all.find((r) => r.stage === stage.stage) ?? null) : null
  const earlier = all.filter((r) => r !== current)
  const what = WHAT[targetType]

  return (
    <SignedInPage className='rate' purpose='评价服务'>
      <PageState loading={(subject.loading && !s) || (ratings.loading && !ratings.data)} error={subject.error ?? ratings.error} onRetry={reload}>
        {s ? (
          <View>
            <View className='card' role='group' aria-label='评价对象'>
              <Text className='rt-subject__label'>评价对象</Text>
              <Text className='rt-subject__title'>{s.serviceName}</Text>
              <Text className='rt-line'>{s.hallName}</Text>
              <Text className='rt-line'>{s.when}</Text>
              {stage ? <StatusTag tone='info'>{stage.label}</StatusTag> : null}
            </View>

            {done ? (
              <View className='card rt-done' role='status'>
                <Text className='rt-done__title'>感谢您的评价</Text>
                <Text className='rt-line'>您的评价：{RATING_LABELS[done.score as 1 | 2 | 3 | 4 | 5]}</Text>
                {done.dueAt ? (
                  <Text className='rt-line'>我们已转交责任部门整改，将于 {dateLabel(done.dueAt)} 前答复您；答复后您可以重新评价一次。</Text>
                ) : null}
                <Button className='btn-block' block type='primary' size='large' onClick={() => Taro.redirectTo({ url: CITIZEN_ROUTES.myRatings })}>
                  查看我的评价
                </Button>
              </View>
            ) : s.rateable ? (
              <View className='card'>
                <Text className='field__label'>您对本次{stage ? `${what}（${stage.label}）` : what}满意吗？</Text>
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
                <FormError message={error} />
                <Button className='btn-block' block type='primary' size='large' loading={busy} onClick={submit}>
                  提交评价
                </Button>
                <Text className='muted'>“不满意”“非常不满意”的评价将转交责任部门限期整改并答复您。</Text>
              </View>
            ) : current ? null : (
              <View className='card' role='status'>
                <Text className='rt-line'>
                  {s.rating ? `该环节已评价（${RATING_LABELS[s.rating.score as 1 | 2 | 3 | 4 | 5]}），每个环节只能评价一次。` : NOT_YET[targetType]}
                </Text>
              </View>
            )}

            {current ? (
              <View className='card'>
                <Text className='rt-section'>您的评价</Text>
                <RatingCard rating={current} title={current.stageLabel} onRerated={reload} />
              </View>
            ) : null}

            {earlier.length > 0 ? (
              <View className='card'>
                <Text className='rt-section'>此前各环节的评价</Text>
                {earlier.map((r) => (
                  <RatingCard key={r.id} rating={r} title={r.stageLabel} onRerated={reload} />
                ))}
              </View>
            ) : null}
          </View>
        ) : null}
      </PageState>
    </SignedInPage>
  )
}
