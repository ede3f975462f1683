import { APPLICATION_STATUS_LABELS, SLA_LABELS } from '@gov/shared'
import FormSubmit from '@/components/FormSubmit'
import { useBusy } from '@/hooks/useBusy'
import { useFormErrors } from '@/hooks/useFormErrors'
import Code from '@/components/Code'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import FormField from '@/components/FormField'
import AppPage from '@/components/AppPage'
import StatusTag from '@/components/StatusTag'
import Timeline, { filingTimeline } from '@/components/Timeline'
import { filingsApi, type LookupView } from '@/api/filings'
import { dateLabel, shanghaiDate } from '@/utils/time'
import { FILING_TONE, SLA_TONE } from '@/subpackages/applications/components/tones'
import '@/subpackages/applications/components/filing.scss'

/** Public progress lookup: filing number + the last 4 digits of the applicant's phone, no sign-in. */
export default function Lookup() {
  const { params } = useRouter()
  const [number, setNumber] = useState(params.number ? decodeURIComponent(params.number) : '')
  const [tail, setTail] = useState('')
  const errors = useFormErrors<'number' | 'tail'>()
  const [busy, whileSearching] = useBusy()
  const [result, setResult] = useState<LookupView | null>(null)

  const search = async () => {
    const n = number.trim().toUpperCase()
    const t = tail.trim()
    const next: { number?: string; tail?: string } = {}
    if (!/^ZW\d{8}-\d{6}$/.test(n)) next.number = '办件编号格式应为 ZW20261201-000123'
    if (!/^\d{4}$/.test(t)) next.tail = '请输入申请人手机号后四位'
    errors.set(next)
    if (next.number || next.tail) return
    setResult(null)
    await whileSearching(async () => {
      setResult(await filingsApi.lookup(n, t))
      errors.clear()
    }, (e) => errors.failWith(e, ['number', 'tail']))
  }

  return (
    <AppPage className='lookup'>
      <View className='card'>
        <Text className='muted'>无需登录，凭办件编号和申请人手机号后四位查询办理进度。</Text>
        <FormField
          label='办件编号'
          placeholder='如 ZW20261201-000123'
          maxlength={17}
          {...errors.field('number', number, setNumber)}
        />
        <FormField
          label='手机号后四位'
          type='number'
          maxlength={4}
          placeholder='申请人手机号后四位'
          {...errors.field('tail', tail, setTail)}
          onConfirm={search}
        />
        <FormSubmit error={errors.form} loading={busy} onSubmit={search}>
          查询
        </FormSubmit>
      </View>

      {result ? (
        <View className='card' role='region' aria-label='查询结果'>
          <Text className='filing__name'>{result.serviceName}</Text>
          <Text className='filing__number'>办件编号：<Code>{result.number}</Code></Text>
          <View className='filing__tags'>
            <StatusTag tone={FILING_TONE[result.status] ?? 'info'}>{APPLICATION_STATUS_LABELS[result.status]}</StatusTag>
            {result.sla ? <StatusTag tone={SLA_TONE[result.sla]}>{SLA_LABELS[result.sla]}</StatusTag> : null}
          </View>
          {result.dueAt ? <Text className='filing__number'>承诺办结期限：{dateLabel(shanghaiDate(result.dueAt))} 前</Text> : null}
          <View className='section-title'>办理进度</View>
          <Timeline items={filingTimeline(result.timeline)} />
        </View>
      ) : null}
    </AppPage>
  )
}
