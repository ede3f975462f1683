import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CONSULTATION_STATUS_LABELS } from '@gov/shared'
import Button from '@/components/AppButton'
import SignedInPage from '@/components/SignedInPage'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import TextArea from '@/components/TextArea'
import { consultationsApi, type ConsultationView } from '@/api/guidance'
import { errorMessage } from '@/api/client'
import { useBusy } from '@/hooks/useBusy'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { openPage, toast } from '@/utils/nav'
import { dateTimeLabel } from '@/utils/time'
import AskForm from '@/subpackages/guidance/components/AskForm'
import { useCallerLoad } from '@/subpackages/guidance/components/useCallerLoad'
import '@/subpackages/guidance/components/guidance.scss'

const tone = (c: ConsultationView) => (c.status === 'answered' ? 'success' : c.overdue ? 'danger' : 'warning')

/** A question with its deadline, and the answer with who gave it (首问负责). */
function Consultation({ c }: { c: ConsultationView }) {
  return (
    <View className='card'>
      <KeyValue label='状态' block>
        <StatusTag tone={tone(c)}>{c.overdue ? '已超时，已转督办' : CONSULTATION_STATUS_LABELS[c.status]}</StatusTag>
      </KeyValue>
      {c.serviceName ? <KeyValue label='咨询事项'>{c.serviceName}</KeyValue> : null}
      <KeyValue label='咨询大厅'>{c.hallName}</KeyValue>
      <KeyValue label='问题'>{c.question}</KeyValue>
      <KeyValue label='提问时间'>{dateTimeLabel(c.createdAt)}</KeyValue>
      {c.status === 'open' ? <KeyValue label='答复期限'>{`${dateTimeLabel(c.answerBy)} 前`}</KeyValue> : null}
      {c.answer ? <KeyValue label='答复'>{c.answer}</KeyValue> : null}
      {c.answeredBy ? <KeyValue label='首问负责人'>{c.answeredBy}</KeyValue> : null}
      {c.answeredAt ? <KeyValue label='答复时间'>{dateTimeLabel(c.answeredAt)}</KeyValue> : null}
      {c.guide ? (
        <Button fill='outline' type='primary' onClick={() => openPage(withQuery(CITIZEN_ROUTES.guide, { id: c.guide!.serviceId }))}>
          {c.guide.serviceId === c.serviceId ? '查看办事指南' : `查看办事指南：${c.guide.serviceName}`}
        </Button>
      ) : c.serviceId ? (
        <Button fill='outline' type='primary' onClick={() => openPage(withQuery(CITIZEN_ROUTES.guide, { id: c.serviceId! }))}>
          查看办事指南
        </Button>
      ) : null}
    </View>
  )
}

function One({ id }: { id: string }) {
  const c = useCallerLoad(() => consultationsApi.get(id), [id])
  return (
    <PageState of={c} notFoundText='没有找到这条咨询' onRetry={c.reload}>
      {c.data ? <Consultation c={c.data} /> : null}
    </PageState>
  )
}

function Mine() {
  const list = useCallerLoad(() => consultationsApi.mine())
  return (
    <PageState of={list} empty={list.data?.length === 0} emptyText='您还没有咨询过' emptyHint='可在办事指南页点“在线咨询”提问' onRetry={list.reload}>
      {list.data?.map((c) => (
        <Tappable key={c.id} className='card guidance__topic' onTap={() => openPage(withQuery(CITIZEN_ROUTES.consultations, { id: c.id }))}>
          <View>
            <StatusTag tone={tone(c)}>{CONSULTATION_STATUS_LABELS[c.status]}</StatusTag>
            <Text className='muted'>{` ${c.serviceName ?? c.hallName}`}</Text>
          </View>
          <Text>{c.question}</Text>
          {c.answer ? <Text className='muted'>{`答复：${c.answer}`}</Text> : <Text className='muted'>{`${dateTimeLabel(c.answerBy)} 前答复`}</Text>}
        </Tappable>
      ))}
    </PageState>
  )
}

/** The ask form for a service (`serviceId`): the question goes to the hall, answered within one working day. */
function Ask({ serviceId }: { serviceId: string }) {
  const [question, setQuestion] = useState('')
  const [busy, whileBusy] = useBusy()
  const submit = async () => {
    if (!question.trim()) {
      toast('请填写您要咨询的问题')
      return
    }
    await whileBusy(async () => {
      const c = await consultationsApi.ask({ serviceId, question: question.trim() })
      toast('已提交，将在一个工作日内答复', 'success')
      await Taro.redirectTo({ url: withQuery(CITIZEN_ROUTES.consultations, { id: c.id }) })
    }, (e) => toast(errorMessage(e)))
  }
  return (
    <AskForm serviceId={serviceId} serviceLabel='咨询事项' submitText='提交咨询' busy={busy} onSubmit={() => void submit()}>
      <Text className='guidance__label'>您的问题</Text>
      <TextArea label='您的问题' placeholder='如：可以用租来的房子做经营场所吗？' maxlength={1000} value={question} onChange={setQuestion} />
      <Text className='muted'>大厅工作人员将在一个工作日内答复，答复会通过消息通知您。</Text>
    </AskForm>
  )
}

/** 咨询: one question (`id`), the ask form (`serviceId`), or the caller's questions. */
export default function Consultations() {
  const { params } = useRouter()
  return (
    <SignedInPage className='guidance' purpose={params.serviceId ? '在线咨询' : '查看我的咨询'}>
      {params.id ? <One id={params.id} /> : params.serviceId ? <Ask serviceId={params.serviceId} /> : <Mine />}
    </SignedInPage>
  )
}
