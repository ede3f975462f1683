import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import AppPage from '@/components/AppPage'
import ButtonRow from '@/components/ButtonRow'
import PageState from '@/components/PageState'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { guidanceApi, type GuidanceResult, type GuidanceTopicView } from '@/api/guidance'
import { errorMessage } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { useBusy } from '@/hooks/useBusy'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { openPage, toast } from '@/utils/nav'
import '@/subpackages/guidance/components/guidance.scss'

/** The plan: the services to apply for (each opens its guide) and the personal checklist. */
function Plan({ result, onRestart }: { result: GuidanceResult; onRestart: () => void }) {
  return (
    <View>
      <View className='section-title'>您需要办理的事项</View>
      <View className='card'>
        {result.services.length === 0 ? <Text className='muted'>没有找到对应的事项，请咨询大厅工作人员。</Text> : null}
        {result.services.map((s, i) => (
          <Tappable key={s.id} className='guidance__row' onTap={() => openPage(withQuery(CITIZEN_ROUTES.guide, { id: s.id }))}>
            <Text>{`${i + 1}. ${s.name}`}</Text>
            <Text className='muted'>查看办事指南 ›</Text>
          </Tappable>
        ))}
      </View>
      {result.bundleId ? (
        <Tappable className='card guidance__row' onTap={() => openPage(withQuery(CITIZEN_ROUTES.bundle, { id: result.bundleId }))}>
          <Text className='guidance__topic-title'>一件事一次办 ›</Text>
          <Text className='muted'>以上事项一次申请，材料只交一次，各部门并联审批</Text>
        </Tappable>
      ) : null}
      {result.hall ? (
        <>
          <View className='section-title'>办理大厅</View>
          <View className='card'>
            <Text>{result.hall.name}</Text>
            <Text className='muted'>{result.hall.address}</Text>
          </View>
        </>
      ) : null}
      <View className='section-title'>{`您的材料清单（${result.applicant === 'enterprise' ? '以企业名义申请' : '以个人名义申请'}）`}</View>
      <View className='card'>
        {result.materials.map((m) => (
          <View key={m.name} className='guidance__row'>
            <View>
              <Text>{m.name} </Text>
              {m.coveredBy ? (
                <StatusTag tone='success'>免提交</StatusTag>
              ) : (
                <StatusTag tone={m.required ? 'warning' : 'muted'}>{m.required ? '必需' : '视情况'}</StatusTag>
              )}
            </View>
            {m.coveredBy ? <Text className='muted'>{`证照夹中的${m.coveredBy.type}（${m.coveredBy.number}）可直接使用`}</Text> : null}
            {m.note ? <Text className='muted'>{m.note}</Text> : null}
          </View>
        ))}
      </View>
      <ButtonRow className='guidance__actions'>
        <Button block fill='outline' type='primary' size='large' onClick={onRestart}>
          重新回答
        </Button>
      </ButtonRow>
    </View>
  )
}

/** One question at a time; after the last, the plan. */
function Questions({ topic }: { topic: GuidanceTopicView }) {
  const [step, setStep] = useState(0)
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [result, setResult] = useState<GuidanceResult | null>(null)
  const [busy, whileBusy] = useBusy()
  const q = topic.questions[step]

  const pick = async (value: string) => {
    const next = { ...answers, [q.id]: value }
    setAnswers(next)
    if (step + 1 < topic.questions.length) {
      setStep(step + 1)
      return
    }
    await whileBusy(async () => setResult(await guidanceApi.answer(topic.id, next)), (e) => toast(errorMessage(e)))
  }

  if (result) {
    return (
      <Plan
        result={result}
        onRestart={() => {
          setResult(null)
          setAnswers({})
          setStep(0)
        }}
      />
    )
  }
  if (!q) return <PageState empty emptyText='这个主题还没有问题' />
  return (
    <View className='card'>
      <Text className='guidance__step'>{`${topic.title} · 第 ${step + 1}/${topic.questions.length} 题`}</Text>
      <Text className='guidance__question'>{q.text}</Text>
      {q.options.map((o) => (
        <Tappable
          key={o.value}
          className={`guidance__option ${answers[q.id] === o.value ? 'guidance__option--on' : ''}`}
          pressed={answers[q.id] === o.value}
          label={o.label}
          onTap={() => void pick(o.value)}
        >
          <Text>{o.label}</Text>
        </Tappable>
      ))}
      {busy ? <Text className='muted'>正在生成您的清单…</Text> : null}
      {step > 0 ? (
        <Button fill='outline' type='primary' onClick={() => setStep(step - 1)}>
          上一题
        </Button>
      ) : null}
    </View>
  )
}

/** 智能导办: one topic (`id`) asked one question at a time, then what to apply for and the checklist. */
export default function GuidanceTopic() {
  const { params } = useRouter()
  const topicId = params.id ?? ''
  const topic = useAsync(() => guidanceApi.topic(topicId), [topicId], !!topicId)
  return (
    <AppPage className='guidance'>
      <PageState of={topic} notFound={!topicId} notFoundText='没有找到这个导办主题' onRetry={topic.reload}>
        {topic.data ? <Questions key={topic.data.id} topic={topic.data} /> : null}
      </PageState>
    </AppPage>
  )
}
