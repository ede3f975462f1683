import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AdminGuidanceTopic, GuidanceOutcomeRule } from '@gov/shared'
import Button from '@/components/AppButton'
import ButtonRow from '@/components/ButtonRow'
import FormError from '@/components/FormError'
import FormField from '@/components/FormField'
import PageState from '@/components/PageState'
import ServicePick from '@/components/ServicePick'
import StaffPage from '@/components/StaffPage'
import StatusTag from '@/components/StatusTag'
import { adminApi, type AdminServiceRow } from '@/api/admin'
import { errorMessage } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { useBusy } from '@/hooks/useBusy'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { useFormErrors } from '@/hooks/useFormErrors'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { toast } from '@/utils/nav'
import './index.scss'

/** A deep copy of plain JSON data (structuredClone is missing in some mini-program engines). */
const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** Which service slot of which outcome is being chosen (`index` = the outcome's list length: adding one). */
interface Picking {
  outcome: number
  index: number
}

/** "当 问题=选项 且 …", or 总是 */
function conditionText(topic: AdminGuidanceTopic, o: GuidanceOutcomeRule): string {
  const parts = Object.entries(o.when ?? {}).map(([qid, v]) => {
    const q = topic.questions.find((x) => x.id === qid)
    const label = (value: string) => q?.options.find((x) => x.value === value)?.label ?? value
    const values = typeof v === 'string' ? [v] : v
    return `“${q?.text ?? qid}”答 ${values.map(label).join(' 或 ')}`
  })
  return parts.length ? `当${parts.join('，且')}时` : '无论怎样回答'
}

/** One topic being edited: title, summary, question texts, option labels, and the services each outcome leads to. */
function TopicEditor({ topic, services, onDone }: { topic: AdminGuidanceTopic; services: AdminServiceRow[]; onDone: (saved: boolean) => void }) {
  const [draft, setDraft] = useState<AdminGuidanceTopic>(() => clone(topic))
  const [picking, setPicking] = useState<Picking | null>(null)
  const errors = useFormErrors()
  const [busy, whileBusy] = useBusy()
  const byCode = new Map(services.map((s) => [s.code, s]))
  const byId = new Map(services.map((s) => [s.id, s]))

  const change = (edit: (d: AdminGuidanceTopic) => void) => {
    const next = clone(draft)
    edit(next)
    setDraft(next)
    errors.changed()
  }
  const setService = (outcome: number, index: number, code: string | null) =>
    change((d) => {
      const codes = [...(d.outcomes[outcome].serviceCodes ?? [])]
      if (code === null) codes.splice(index, 1)
      else codes[index] = code
      d.outcomes[outcome].serviceCodes = codes
    })

  const save = () =>
    whileBusy(async () => {
      const { id, updatedAt: _updatedAt, ...body } = draft
      await adminApi.saveGuidanceTopic(id, body)
      errors.clear()
      toast('已保存', 'success')
      onDone(true)
    }, (e) => errors.failWith(e))

  return (
    <View>
      <View className='card'>
        <FormField label='主题名称' value={draft.title} maxlength={100} onChange={(v) => change((d) => (d.title = v))} />
        <FormField label='一句话说明' value={draft.summary} maxlength={200} onChange={(v) => change((d) => (d.summary = v))} />
      </View>
      <View className='section-title'>问题和选项</View>
      {draft.questions.map((q, i) => (
        <View key={q.id} className='card' role='group' aria-label={`第 ${i + 1} 题`}>
          <FormField label={`第 ${i + 1} 题`} value={q.text} maxlength={200} onChange={(v) => change((d) => (d.questions[i].text = v))} />
          {q.options.map((o, j) => (
            <FormField key={o.value} label={`选项 ${j + 1}`} value={o.label} maxlength={60} onChange={(v) => change((d) => (d.questions[i].options[j].label = v))} />
          ))}
        </View>
      ))}
      <View className='section-title'>回答对应的事项</View>
      {draft.outcomes.map((o, k) => (
        <View key={k} className='card guidance-admin__outcome' role='group' aria-label={`结果 ${k + 1}`}>
          <Text className='guidance-admin__when'>{conditionText(draft, o)}</Text>
          {(o.serviceCodes ?? []).map((code, i) => (
            <View key={`${code}-${i}`} className='guidance-admin__service'>
              <Text className='guidance-admin__service-name'>{byCode.get(code)?.name ?? `${code}（目录中没有）`}</Text>
              <ButtonRow>
                <Button size='small' fill='outline' type='primary' onClick={() => setPicking({ outcome: k, index: i })}>
                  更换
                </Button>
                <Button size='small' fill='outline' type='danger' onClick={() => setService(k, i, null)}>
                  移除
                </Button>
              </ButtonRow>
            </View>
          ))}
          {o.materials?.length ? <Text className='muted'>{`材料：${o.materials.map((m) => m.name).join('、')}`}</Text> : null}
          {picking?.outcome === k ? (
            <View className='guidance-admin__pick'>
              <ServicePick
                value={null}
                onChange={(s) => {
                  const row = s ? byId.get(s.id) : undefined
                  if (!row) return
                  setService(k, picking.index, row.code)
                  setPicking(null)
                }}
              />
              <Button size='small' fill='outline' type='default' onClick={() => setPicking(null)}>
                取消
              </Button>
            </View>
          ) : (
            <Button size='small' fill='outline' type='default' onClick={() => setPicking({ outcome: k, index: (o.serviceCodes ?? []).length })}>
              添加事项
            </Button>
          )}
        </View>
      ))}
      <FormError message={errors.form} />
      <ButtonRow className='guidance-admin__actions'>
        <Button type='primary' size='large' loading={busy} onClick={() => void save()}>
          保存
        </Button>
        <Button fill='outline' type='default' size='large' onClick={() => onDone(false)}>
          返回列表
        </Button>
      </ButtonRow>
    </View>
  )
}

/** Admin: the 智能导办 topics (data, not code): list, edit, 停用 / 启用. */
export default function GuidanceAdmin() {
  const { accessToken, enabled } = useDeskAccess(true)
  const list = useAsync(() => adminApi.guidanceTopics(), [accessToken], enabled)
  const services = useAsync(() => adminApi.services(), [accessToken], enabled)
  usePullRefresh(list.reload)
  const [editing, setEditing] = useState<AdminGuidanceTopic | null>(null)
  const topics = list.data ?? []

  const toggle = async (t: AdminGuidanceTopic) => {
    try {
      if (t.active) await adminApi.removeGuidanceTopic(t.id)
      else {
        const { id, updatedAt: _updatedAt, ...body } = t
        await adminApi.saveGuidanceTopic(id, { ...body, active: true })
      }
      toast(t.active ? '已停用' : '已启用', 'success')
      list.reload()
    } catch (e) {
      toast(errorMessage(e))
    }
  }

  return (
    <StaffPage title='智能导办主题' adminOnly onRefresh={list.reload}>
      {editing ? (
        <PageState of={services} onRetry={services.reload}>
          <TopicEditor
            key={editing.id}
            topic={editing}
            services={services.data ?? []}
            onDone={(saved) => {
              setEditing(null)
              if (saved) list.reload()
            }}
          />
        </PageState>
      ) : (
        <View className='card'>
          <Text className='st-line'>群众在“智能导办”中回答这些问题，得到要办的事项、办理大厅和材料清单。保存时会检查每种回答组合都指向申请人可以办理的事项。</Text>
          <PageState of={list} empty={topics.length === 0} emptyText='还没有导办主题'>
            {topics.map((t) => (
              <View key={t.id} className='guidance-admin__row' role='group' aria-label={t.title}>
                <View className='guidance-admin__head'>
                  <Text className='guidance-admin__title'>{t.title}</Text>
                  {t.active ? null : <StatusTag tone='muted'>已停用</StatusTag>}
                </View>
                <Text className='muted'>{t.summary}</Text>
                <Text className='muted'>{`${t.questions.length} 个问题 · ${t.outcomes.length} 条结果`}</Text>
                <ButtonRow>
                  <Button size='small' fill='outline' type='primary' onClick={() => setEditing(t)}>
                    编辑
                  </Button>
                  <Button size='small' fill='outline' type={t.active ? 'danger' : 'default'} onClick={() => void toggle(t)}>
                    {t.active ? '停用' : '启用'}
                  </Button>
                </ButtonRow>
              </View>
            ))}
          </PageState>
        </View>
      )}
    </StaffPage>
  )
}
