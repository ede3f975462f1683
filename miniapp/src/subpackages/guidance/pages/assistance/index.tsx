import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ASSISTANCE_KIND_LABELS, ASSISTANCE_STATUS_LABELS, type AssistanceKind } from '@gov/shared'
import SignedInPage from '@/components/SignedInPage'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import TextArea from '@/components/TextArea'
import RateEntry from '@/components/RateEntry'
import { assistanceApi, type AssistanceView, type RatedAssistanceView } from '@/api/guidance'
import { errorMessage } from '@/api/client'
import { useBusy } from '@/hooks/useBusy'
import { CITIZEN_ROUTES } from '@/routes.citizen'
import { toast } from '@/utils/nav'
import { dateTimeLabel } from '@/utils/time'
import AskForm from '@/subpackages/guidance/components/AskForm'
import { useCallerLoad } from '@/subpackages/guidance/components/useCallerLoad'
import '@/subpackages/guidance/components/guidance.scss'

const KIND_HINTS: Record<AssistanceKind, string> = {
  helper: '工作人员免费帮您准备材料、填表、跟进办理。',
  remote: '人在外地也能办：由大厅代为办理，受理后 7 个工作日内办结。',
  one_to_one: '重点项目，或老、病、残、孕等不便到场的群众，由专人一对一服务。',
}

/** The tag of a request: late ones (异地代办 past 7 working days) are with the supervisor until done. */
function stateTag(r: AssistanceView) {
  if (r.overdue && r.status !== 'done') return <StatusTag tone='danger'>已超时，已转督办</StatusTag>
  return <StatusTag tone={r.status === 'requested' ? 'warning' : 'success'}>{ASSISTANCE_STATUS_LABELS[r.status]}</StatusTag>
}

/** One request with its helper card (name, hall, the number to call), and once done, its rating. */
function Request({ r }: { r: RatedAssistanceView }) {
  return (
    <View className='card'>
      <View>
        {stateTag(r)}
        <Text>{` ${ASSISTANCE_KIND_LABELS[r.kind]} · ${r.serviceName}`}</Text>
      </View>
      {r.note ? <KeyValue label='需求说明'>{r.note}</KeyValue> : null}
      <KeyValue label='申请时间'>{dateTimeLabel(r.createdAt)}</KeyValue>
      {r.dueBy ? <KeyValue label='办结期限'>{`${dateTimeLabel(r.dueBy)} 前`}</KeyValue> : null}
      {r.doneAt ? <KeyValue label='办结时间'>{dateTimeLabel(r.doneAt)}</KeyValue> : null}
      {r.helper ? (
        <View className='info-box'>
          <KeyValue label='帮办专员'>{r.helper.name}</KeyValue>
          <KeyValue label='所在大厅'>{r.helper.hallName}</KeyValue>
          <KeyValue label='联系电话' phone={r.helper.phone}>{r.helper.phone}</KeyValue>
        </View>
      ) : (
        <Text className='muted'>大厅正在安排帮办专员，安排后会通过消息通知您。</Text>
      )}
      {r.status === 'assigned' ? <Text className='muted'>帮办专员将以您的名义代为申报、上传材料，每一步都会记在办件进度中。</Text> : null}
      {r.status === 'done' ? <RateEntry targetType='assistance' targetId={r.id} state={r} size='large' /> : null}
    </View>
  )
}

function Mine() {
  const list = useCallerLoad(() => assistanceApi.mine())
  return (
    <PageState of={list} empty={list.data?.length === 0} emptyText='您还没有申请过帮办代办' emptyHint='可在办事指南页点“免费帮办代办”申请' onRetry={list.reload}>
      {list.data?.map((r) => <Request key={r.id} r={r} />)}
    </PageState>
  )
}

/** The request form for a service: the kind of help and what is needed. */
function Ask({ serviceId }: { serviceId: string }) {
  const [kind, setKind] = useState<AssistanceKind>('helper')
  const [note, setNote] = useState('')
  const [busy, whileBusy] = useBusy()
  const submit = () =>
    whileBusy(async () => {
      await assistanceApi.ask({ serviceId, kind, note: note.trim() || undefined })
      toast('已提交，大厅将安排专人联系您', 'success')
      await Taro.redirectTo({ url: CITIZEN_ROUTES.assistance })
    }, (e) => toast(errorMessage(e)))
  return (
    <AskForm serviceId={serviceId} serviceLabel='办理事项' submitText='提交申请' busy={busy} onSubmit={() => void submit()}>
      <Text className='guidance__label'>帮办方式</Text>
      <Segmented label='帮办方式' value={kind} options={ASSISTANCE_KIND_LABELS} onChange={setKind} />
      <Text className='muted'>{KIND_HINTS[kind]}</Text>
      <Text className='guidance__label'>需求说明</Text>
      <TextArea label='需求说明' placeholder='如：老人行动不便，希望上门协助' value={note} onChange={setNote} />
      <Text className='muted'>帮办代办全程免费。</Text>
    </AskForm>
  )
}

/** 帮办代办: the request form (`serviceId`) or the caller's requests with their helpers. */
export default function Assistance() {
  const { params } = useRouter()
  return (
    <SignedInPage className='guidance' purpose='申请帮办代办' verified={!!params.serviceId}>
      {params.serviceId ? <Ask serviceId={params.serviceId} /> : <Mine />}
    </SignedInPage>
  )
}
