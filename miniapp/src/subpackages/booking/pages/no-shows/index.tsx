import { APPEAL_STATUS_LABELS } from '@gov/shared'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import TextArea from '@/components/TextArea'
import FormError from '@/components/FormError'
import { useFormErrors } from '@/hooks/useFormErrors'
import Button from '@/components/AppButton'
import SignedInPage from '@/components/SignedInPage'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import { toned } from '@/utils/status-tones'
import Tappable from '@/components/Tappable'
import { bookingApi, type NoShowRecordItem } from '@/api/booking'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useActingChoice } from '@/store/acting'
import { useSession } from '@/store/session'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { toast } from '@/utils/nav'
import { dateLabel } from '@/utils/time'
import EligibilityBanner from '@/subpackages/booking/components/EligibilityBanner'
import '@/subpackages/booking/components/booking.scss'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import { useBusy } from '@/hooks/useBusy'

const APPEAL_LABEL = toned(APPEAL_STATUS_LABELS, { open: 'warning', waived: 'success', rejected: 'danger' })

function Item({ item, onChanged }: { item: NoShowRecordItem; onChanged: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const errors = useFormErrors()
  const [busy, whileBusy] = useBusy()

  const submit = async () => {
    if (reason.trim().length < 2) {
      errors.fail('请写明申诉理由（至少 2 个字）')
      return
    }
    await whileBusy(async () => {
      await bookingApi.appeal(item.bookingId, reason.trim())
      errors.clear()
      toast('申诉已提交', 'success')
      setOpen(false)
      onChanged()
    }, (e) => errors.failWith(e))
  }

  const a = item.appeal
  return (
    <View className='list-item'>
      <View className='list-item__head'>
        <Text className='list-item__title'>{dateLabel(item.date)}</Text>
        {item.counts ? <StatusTag tone='danger'>计入爽约</StatusTag> : <StatusTag tone='muted'>不再计入</StatusTag>}
      </View>
      <Text className='list-item__line'>{item.serviceName}</Text>
      <Text className='list-item__line'>{item.hallName}</Text>
      {item.reason ? <Text className='list-item__line'>说明：{item.reason}</Text> : null}
      {a ? (
        <View className='no-shows__appeal'>
          <StatusTag tone={APPEAL_LABEL[a.status]?.tone ?? 'info'}>{APPEAL_LABEL[a.status]?.text ?? a.status}</StatusTag>
          <Text className='list-item__line'>我的申诉：{a.reason}</Text>
          {a.answer ? <Text className='list-item__line'>大厅答复：{a.answer}</Text> : null}
        </View>
      ) : item.counts ? (
        open ? (
          <View className='no-shows__appeal'>
            <TextArea label='申诉理由' placeholder='如：当天突发急病住院，可提供医院证明' value={reason} onChange={(v) => { setReason(v); errors.changed() }} />
            <FormError message={errors.form} />
            <ButtonRow className='list-item__actions'>
              <Button size='small' type='primary' loading={busy} onClick={submit}>
                提交申诉
              </Button>
              <Button size='small' fill='outline' type='primary' onClick={() => setOpen(false)}>
                取消
              </Button>
            </ButtonRow>
            <Text className='muted'>每条爽约记录只能申诉一次，请如实填写。</Text>
          </View>
        ) : (
          <ButtonRow className='list-item__actions'>
            <Button size='small' fill='outline' type='primary' onClick={() => setOpen(true)}>
              申诉
            </Button>
          </ButtonRow>
        )
      ) : null}
    </View>
  )
}

function decoded(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

/**
 * The no-show record: every no-show, whether it counts and why, and an appeal once per no-show.
 * An agent can open a principal's record (?principalId=&name=, from 为谁办理 or from here): what an
 * agent booked for a principal counts on the principal's record, and that record is the one that counts.
 */
export default function NoShows() {
  const { accessToken } = useSession()
  const { params } = useRouter()
  const choice = useActingChoice()
  const principalId = params.principalId || null
  const principalName = decoded(params.name) || '委托人'
  const eligibility = useAsync(() => bookingApi.eligibility(), [accessToken], !!accessToken)
  const record = useAsync(() => bookingApi.noShows(principalId), [accessToken, principalId], !!accessToken)
  const reload = () => {
    eligibility.reload()
    record.reload()
  }
  usePullRefresh(reload)
  const e = eligibility.data
  const counted = (record.data ?? []).filter((r) => r.counts).length
  const threshold = e?.threshold ?? 3
  const actingPrincipal = !principalId && choice?.type === 'person' ? choice : null

  return (
    <SignedInPage className='no-shows' purpose='查看爽约记录'>
      {principalId ? (
        <View className='card'>
          <Text className='no-shows__whose'>{`委托人 ${principalName} 的爽约记录`}</Text>
          <View className='no-shows__summary'>
            <Text className='no-shows__count'>{`${counted} / ${threshold}`}</Text>
            <Text className='muted'>计入的爽约次数 / 暂停预约的上限</Text>
          </View>
          <Text className='muted'>您代委托人预约的，爽约记在委托人本人的记录上：以委托人的记录为准，委托人的预约资格也按这份记录判断。</Text>
          <Tappable className='no-shows__link' onTap={() => Taro.redirectTo({ url: CITIZEN_ROUTES.noShows })}>
            <Text>查看我本人的爽约记录</Text>
          </Tappable>
        </View>
      ) : null}
      {!principalId && e ? (
        <View className='card'>
          <View className='no-shows__summary'>
            <Text className='no-shows__count'>{`${e.noShows} / ${e.threshold}`}</Text>
            <Text className='muted'>计入的爽约次数 / 暂停预约的上限</Text>
          </View>
          {!e.forfeited && e.noShows === 0 ? <Text className='no-shows__ok'>预约资格正常</Text> : null}
        </View>
      ) : null}
      {!principalId && e ? <EligibilityBanner e={e} showLink={false} /> : null}
      {actingPrincipal ? (
        <Tappable
          className='card no-shows__link'
          onTap={() => Taro.redirectTo({ url: withQuery(CITIZEN_ROUTES.noShows, { principalId: actingPrincipal.id, name: actingPrincipal.name }) })}
        >
          <Text>{`查看委托人 ${actingPrincipal.name} 的爽约记录（以委托人的记录为准）`}</Text>
        </Tappable>
      ) : null}

      <View className='info-box'>
        <Text>
          预约后未取消、也未在开始后的宽限时间（一般为 30 分钟）内签到，记为一次爽约；累计 {threshold} 次将暂停预约资格。取消的预约不计入。由代办人代为预约的，爽约记入被代办人（委托人）本人的记录，以委托人的记录为准。对记录有异议，可对每条爽约申诉一次。
        </Text>
      </View>

      <Section
        title='爽约明细'
        loading={record.loading}
        error={record.error}
        empty={(record.data ?? []).length === 0}
        emptyText='没有爽约记录'
        emptyHint={principalId ? '委托人目前没有爽约记录' : '请继续按时办理或提前取消预约'}
        onRetry={reload}
      >
        {(record.data ?? []).map((it) => (
          <Item key={it.bookingId} item={it} onChanged={reload} />
        ))}
      </Section>
    </SignedInPage>
  )
}
