import FormError from '@/components/FormError'
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { SlotTemplate } from '@gov/shared'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import PageState from '@/components/PageState'
import ReasonDialog from '@/components/ReasonDialog'
import Segmented from '@/components/Segmented'
import { adminApi } from '@/api/admin'
import { errorMessage, isApiError } from '@/api/client'
import type { AsyncState } from '@/hooks/useAsync'
import { toast } from '@/utils/nav'

export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

export interface HallService {
  id: string
  name: string
}

interface Props {
  hallId: string
  templates: AsyncState<SlotTemplate[]>
  services: HallService[]
}

/** 排班模板 of a hall, one weekday at a time (each removable), and a form that adds one to that weekday. */
export default function TemplateEditor({ hallId, templates, services }: Props) {
  const [weekday, setWeekday] = useState(1)
  const [start, setStart] = useState('09:00')
  const [end, setEnd] = useState('09:30')
  const [capacity, setCapacity] = useState('4')
  const [serviceIndex, setServiceIndex] = useState(0) // 0: 全部事项
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)
  const [removing, setRemoving] = useState<SlotTemplate | null>(null)

  const serviceName = (sid: string | null) => (sid ? (services.find((s) => s.id === sid)?.name ?? '（已下架事项）') : '全部事项')
  const serviceChoices = ['全部事项', ...services.map((s) => s.name)]
  const ofDay = (templates.data ?? []).filter((t) => t.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start))

  const add = async () => {
    const e: Record<string, string> = {}
    if (!HHMM.test(start)) e.start = '请按 09:00 的格式填写'
    if (!HHMM.test(end)) e.end = '请按 09:30 的格式填写'
    else if (HHMM.test(start) && end <= start) e.end = '结束时间须晚于开始时间'
    const cap = Number(capacity)
    if (!Number.isInteger(cap) || cap < 1 || cap > 500) e.capacity = '名额为 1–500 的整数'
    setErrors(e)
    setFormError('')
    if (Object.keys(e).length) return
    setBusy(true)
    try {
      const serviceId = serviceIndex > 0 ? services[serviceIndex - 1]?.id : undefined
      await adminApi.addTemplate({ hallId, weekday, start, end, capacity: cap, ...(serviceId ? { serviceId } : {}) })
      toast('已添加排班模板', 'success')
      templates.reload()
    } catch (err) {
      if (isApiError(err) && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors)
      else setFormError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card sch-templates'>
      <Text className='sch-card-title'>排班模板</Text>
      <Text className='sch-line'>按模板在工作日生成时段（法定节假日不生成，调休上班日按周一排班）；系统每天自动生成未来两周的时段。</Text>
      <Segmented label='星期' value={String(weekday)} options={[1, 2, 3, 4, 5, 6, 7].map((wd) => ({ value: String(wd), label: WEEKDAY_NAMES[wd] }))} onChange={(v) => setWeekday(Number(v))} />
      <PageState of={templates}>
        <View className='sch-weekday' role='group' aria-label={`${WEEKDAY_NAMES[weekday]}的排班模板`}>
          <Text className='sch-weekday__summary'>
            {ofDay.length
              ? `${WEEKDAY_NAMES[weekday]}共 ${ofDay.length} 个时段，${ofDay.reduce((n, t) => n + t.capacity, 0)} 个号${ofDay.every((t) => !t.serviceId) ? '，均可办理全部事项' : ''}`
              : templates.data?.length
                ? `${WEEKDAY_NAMES[weekday]}没有排班模板（不开放预约）`
                : '该大厅还没有排班模板，请在下方添加'}
          </Text>
          <View className='sch-weekday__items'>
            {ofDay.map((t) => (
              <View key={t.id} className='sch-template'>
                <Text className='sch-template__time'>
                  {t.start}–{t.end}
                </Text>
                <Text className='sch-template__meta'>
                  {t.capacity} 个号{t.serviceId ? ` · ${serviceName(t.serviceId)}` : ''}
                </Text>
                <Button size='small' fill='none' type='danger' aria-label={`删除 ${WEEKDAY_NAMES[t.weekday]} ${t.start}–${t.end}`} onClick={() => setRemoving(t)}>
                  删除
                </Button>
              </View>
            ))}
          </View>
        </View>
      </PageState>

      <View className='sch-form' role='group' aria-label='添加排班模板'>
        <Text className='sch-form__title'>添加{WEEKDAY_NAMES[weekday]}的排班模板</Text>
        <View className='sch-form__row'>
          <FormField label='开始时间' value={start} onChange={setStart} placeholder='09:00' maxlength={5} error={errors.start} />
          <FormField label='结束时间' value={end} onChange={setEnd} placeholder='09:30' maxlength={5} error={errors.end} />
          <FormField label='名额' type='number' value={capacity} onChange={setCapacity} placeholder='4' maxlength={3} error={errors.capacity} />
        </View>
        <Picker mode='selector' range={serviceChoices} value={serviceIndex} onChange={(e) => setServiceIndex(Number(e.detail.value))}>
          <View className='sch-picker sch-form__service' aria-label={`办理事项：${serviceChoices[serviceIndex]}，点击更改`}>
            <Text>办理事项：{serviceChoices[serviceIndex]}</Text>
            <Text className='muted'>更改</Text>
          </View>
        </Picker>
        <FormError message={errors.serviceId || errors.weekday || errors.hallId} />
        <FormError message={formError} />
        <Button type='primary' loading={busy} onClick={() => void add()}>
          添加模板
        </Button>
      </View>

      <ReasonDialog
        visible={!!removing}
        title='删除排班模板'
        description={
          removing ? `删除 ${WEEKDAY_NAMES[removing.weekday]} ${removing.start}–${removing.end} 的模板后，不再按它生成新的时段；已生成的时段和预约不受影响，如需停办请在“时段一览”中关闭。` : ''
        }
        confirmText='删除'
        danger
        onConfirm={async () => {
          if (!removing) return
          await adminApi.removeTemplate(removing.id)
          toast('已删除模板', 'success')
          templates.reload()
        }}
        onClose={() => setRemoving(null)}
      />
    </View>
  )
}
