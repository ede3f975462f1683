import FormError from '@/components/FormError'
import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import ActingBar, { useActingWho } from '@/components/ActingBar'
import SignedInPage from '@/components/SignedInPage'
import AudienceNotice, { useAudienceBlock } from '@/components/AudienceNotice'
import Button from '@/components/AppButton'
import HallPicker, { initialHallId } from '@/components/HallPicker'
import PageState from '@/components/PageState'
import { catalogApi } from '@/api/catalog'
import { filingsApi } from '@/api/filings'
import { useAsync } from '@/hooks/useAsync'
import { useActingFor } from '@/store/acting'
import '@/subpackages/applications/components/filing.scss'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import { useStartFiling } from '@/hooks/useStartFiling'

/**
 * 在线申报: before a draft filing is made, say for whom (为谁办理: oneself, a company, a
 * principal), at which hall (chosen by the user when the service is offered at several; a
 * `hallId` in the link pre-selects it) and what will be needed; 开始申报 creates it and opens it.
 */
export default function NewFiling() {
  const { params } = useRouter()
  const serviceId = params.serviceId ?? ''
  const guide = useAsync(() => catalogApi.guide(serviceId), [serviceId], !!serviceId)
  const onBehalfOf = useActingFor()
  const who = useActingWho()
  const [hallId, setHallId] = useState<string | null>(null)
  // a refusal goes when the hall changes or the filing is made
  const { busy, errors, start: startFiling } = useStartFiling()
  useEffect(() => errors.changed(), [hallId])
  // a person-only service is not filed for a company, nor a company-only one for a person: say why
  const blocked = !!useAudienceBlock(guide.data?.audience)

  useEffect(() => {
    if (guide.data && !hallId) setHallId(initialHallId(guide.data.halls, params.hallId))
  }, [guide.data])

  const start = async () => {
    if (!hallId) return
    await startFiling(() => filingsApi.create(serviceId, hallId, onBehalfOf))
  }

  const g = guide.data
  const required = g ? g.materials.filter((m) => m.required) : []
  const hall = g?.halls.find((h) => h.id === hallId) ?? null
  return (
    <SignedInPage className='new-filing' purpose='在线申报'>
      <PageState of={guide} loading={guide.loading} notFound={!serviceId} notFoundText='缺少事项编号'>
        {(g) => (
          <View>
            <ActingBar />
            <AudienceNotice audience={g.audience} />
            <View className='card'>
              <Text className='new-filing__name'>{g.name}</Text>
              <Text className='muted'>{`需上传必需材料 ${required.length} 项；标“容缺”的可签署信用承诺先行受理。`}</Text>
            </View>
            <View className='section-title'>办理大厅</View>
            <View className='card'>
              <HallPicker halls={g.halls} value={hallId} onChange={setHallId} />
            </View>
            <FormError banner message={errors.form} />
            <ButtonRow className='filing__actions'>
              <View className='new-filing__confirm button-row__line'>
                <Text className='new-filing__who'>{`将为 ${who} 办理`}</Text>
                <Text className='muted'>{hall ? `办理大厅：${hall.name}` : '请先选择办理大厅'}</Text>
              </View>
              <Button block type='primary' size='large' loading={busy} disabled={blocked || !hall} onClick={start}>
                开始申报
              </Button>
            </ButtonRow>
          </View>
        )}
      </PageState>
    </SignedInPage>
  )
}
