import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import ActingBar from '../../../../components/ActingBar'
import AppPage from '../../../../components/AppPage'
import AudienceNotice, { useAudienceBlock } from '../../../../components/AudienceNotice'
import Button from '../../../../components/AppButton'
import PageState from '../../../../components/PageState'
import SignInGate from '../../../../components/SignInGate'
import { catalogApi } from '../../../../api/catalog'
import { errorMessage, isApiError } from '../../../../api/client'
import { filingsApi } from '../../../../api/filings'
import { useAsync } from '../../../../hooks/useAsync'
import { ROUTES } from '../../../../routes'
import { CITIZEN_ROUTES, withQuery } from '../../../../routes.citizen'
import { useActingChoice, useActingFor } from '../../../../store/acting'
import { toast } from '../../../../utils/nav'
import '../../components/filing.scss'
import './index.scss'

/**
 * 在线申报: before a draft filing is made, say for whom (为谁办理: oneself, a company, a principal)
 * and what will be needed; 开始申报 creates it with that `onBehalfOf` and opens it.
 */
export default function NewFiling() {
  const { params } = useRouter()
  const serviceId = params.serviceId ?? ''
  const guide = useAsync(() => catalogApi.guide(serviceId), [serviceId], !!serviceId)
  const onBehalfOf = useActingFor()
  const choice = useActingChoice()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  // a person-only service is not filed for a company, nor a company-only one for a person: say why
  const blocked = !!useAudienceBlock(guide.data?.audience)

  const start = async () => {
    setBusy(true)
    setError('')
    try {
      const filing = await filingsApi.create(serviceId, undefined, onBehalfOf)
      Taro.redirectTo({ url: withQuery(CITIZEN_ROUTES.filing, { id: filing.id }) })
    } catch (e) {
      if (isApiError(e) && e.code === 'REAL_NAME_REQUIRED') {
        toast(e.message)
        Taro.navigateTo({ url: ROUTES.verify })
      } else {
        setError(errorMessage(e))
      }
    } finally {
      setBusy(false)
    }
  }

  const g = guide.data
  const required = g ? g.materials.filter((m) => m.required) : []
  return (
    <AppPage className='new-filing'>
      <SignInGate purpose='在线申报'>
        <PageState loading={guide.loading} error={!serviceId ? new Error('缺少事项编号') : guide.error} onRetry={guide.reload}>
          {g ? (
            <View>
              <ActingBar />
              <AudienceNotice audience={g.audience} />
              <View className='card'>
                <Text className='new-filing__name'>{g.name}</Text>
                <Text className='muted'>
                  {choice ? `将以“${choice.name}”（${choice.type === 'enterprise' ? '企业' : '委托人'}）的名义申报，可点上方“切换”更改。` : '将以本人名义申报；为企业或委托人办理请点上方“切换”。'}
                </Text>
                <Text className='muted'>{`需上传必需材料 ${required.length} 项；标“容缺”的可签署信用承诺先行受理。`}</Text>
              </View>
              {error ? (
                <View className='banner banner--danger' role='alert'>
                  <Text>{error}</Text>
                </View>
              ) : null}
              <View className='filing__actions'>
                <Button block type='primary' size='large' disabled={blocked} loading={busy} onClick={start}>
                  开始申报
                </Button>
              </View>
            </View>
          ) : null}
        </PageState>
      </SignInGate>
    </AppPage>
  )
}
