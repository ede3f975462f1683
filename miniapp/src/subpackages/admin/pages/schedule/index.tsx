import FormError from '@/components/FormError'
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import PageState from '@/components/PageState'
import Segmented from '@/components/Segmented'
import StaffPage from '@/components/StaffPage'
import { adminApi } from '@/api/admin'
import { errorMessage } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { toast } from '@/utils/nav'
import { addDays, shanghaiDate } from '@/utils/time'
import DateRange from '@/subpackages/admin/components/DateRange'
import TemplateEditor from '@/subpackages/admin/components/TemplateEditor'
import WeekSlots from '@/subpackages/admin/components/WeekSlots'
import './index.scss'

/** Admin 排班: a hall's weekly templates, slot generation for a date range, and the week's slots with 关闭. */
export default function Schedule() {
  const { accessToken, enabled } = useDeskAccess(true)
  const halls = useAsync(() => adminApi.halls(), [accessToken], enabled)
  const [hallId, setHallId] = useState('')
  useEffect(() => {
    if (!hallId && halls.data?.length) setHallId(halls.data[0].id)
  }, [halls.data, hallId])

  const templates = useAsync(() => adminApi.templates(hallId), [hallId], enabled && !!hallId)
  const services = useAsync(() => adminApi.hallServices(hallId), [hallId], enabled && !!hallId)
  const [version, setVersion] = useState(0)

  const today = shanghaiDate()
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(addDays(today, 13))
  const [generating, setGenerating] = useState(false)
  const [generated, setGenerated] = useState('')
  const [generateError, setGenerateError] = useState('')

  const reload = () => {
    halls.reload()
    if (hallId) {
      templates.reload()
      services.reload()
      setVersion((v) => v + 1)
    }
  }
  usePullRefresh(reload)

  const generate = async () => {
    setGenerating(true)
    setGenerated('')
    setGenerateError('')
    try {
      const r = await adminApi.generate(hallId, from, to)
      setGenerated(`已生成 ${r.created} 个新时段${r.existing ? `，另有 ${r.existing} 个此前已生成` : ''}。`)
      toast('时段已生成', 'success')
      setVersion((v) => v + 1)
    } catch (e) {
      setGenerateError(errorMessage(e))
    } finally {
      setGenerating(false)
    }
  }

  const hall = halls.data?.find((h) => h.id === hallId)
  return (
    <StaffPage
      title='排班管理'
      adminOnly
      onRefresh={reload}
    >
      <PageState of={halls} empty={!!halls.data && halls.data.length === 0} emptyText='还没有大厅'>
        {halls.data && hallId ? (
          <>
            <View className='sch-halls'>
              <Segmented label='选择大厅' value={hallId} options={halls.data.map((h) => ({ value: h.id, label: h.name }))} onChange={setHallId} />
              {hall ? <Text className='sch-line sch-halls__hours'>办公时间：{hall.hours}</Text> : null}
            </View>
            <View className='sch-grid'>
              <TemplateEditor key={hallId} hallId={hallId} templates={templates} services={services.data ?? []} />
              <View className='card sch-generate' role='group' aria-label='生成时段'>
                <Text className='sch-card-title'>生成时段</Text>
                <Text className='sch-line'>按该大厅的模板为所选日期内的工作日生成时段；已生成的不会重复。</Text>
                <View className='sch-generate__dates'>
                  <DateRange from={from} to={to} onFrom={setFrom} onTo={setTo} itemClassName='sch-picker' />
                </View>
                <FormError message={generateError} />
                {generated ? (
                  <View className='sch-result' role='status'>
                    {generated}
                  </View>
                ) : null}
                <Button type='primary' loading={generating} onClick={() => void generate()}>
                  生成时段
                </Button>
              </View>
            </View>
            <WeekSlots hallId={hallId} version={version} />
          </>
        ) : null}
      </PageState>
    </StaffPage>
  )
}
