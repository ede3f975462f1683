import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import ActingBar, { useActingWho } from '@/components/ActingBar'
import AppPage from '@/components/AppPage'
import Button from '@/components/AppButton'
import ButtonRow from '@/components/ButtonRow'
import FormError from '@/components/FormError'
import PageState from '@/components/PageState'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { bundlesApi } from '@/api/bundles'
import { filingsApi } from '@/api/filings'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useStartFiling } from '@/hooks/useStartFiling'
import { ROUTES } from '@/routes'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { useActingFor } from '@/store/acting'
import { session } from '@/store/session'
import { openPage } from '@/utils/nav'
import '@/subpackages/bundles/components/bundle.scss'

/**
 * 一件事: one bundle (`id`) — the services it joins and their departments, the merged materials
 * checklist (a material several services ask for is listed once) and 申请: one filing for the
 * whole bundle, opened on the filing page.
 */
export default function BundleDetail() {
  const { params } = useRouter()
  const bundleId = params.id ?? ''
  const bundle = useAsync(() => bundlesApi.get(bundleId), [bundleId], !!bundleId)
  usePullRefresh(bundle.reload)
  const onBehalfOf = useActingFor()
  const who = useActingWho()
  const { busy, errors, start } = useStartFiling()

  const b = bundle.data
  useEffect(() => {
    if (b) Taro.setNavigationBarTitle({ title: b.name })
  }, [b])

  const apply = async () => {
    if (!b) return
    if (!session.isSignedIn()) {
      Taro.navigateTo({ url: ROUTES.login })
      return
    }
    await start(() => filingsApi.createBundle(b.id, params.hallId || undefined, onBehalfOf))
  }

  const required = b ? b.materials.filter((m) => m.required) : []
  return (
    <AppPage className='bundle'>
      <PageState of={bundle} notFound={!bundleId} notFoundText='没有找到这个一件事'>
        {(b) => (
          <View>
            <View className='card bundle__head'>
              <Text className='bundle__name'>{b.name}</Text>
              {b.summary ? <Text className='muted'>{b.summary}</Text> : null}
              <Text className='muted'>{`一次申请办理 ${b.services.length} 个事项，涉及 ${b.departments.length} 个部门，各部门并联审批`}</Text>
              <Text className='muted'>{`承诺 ${b.promisedDays} 个工作日内全部办结（以最慢的事项为准）`}</Text>
            </View>

            <View className='section-title'>{`包含事项（${b.services.length} 项）`}</View>
            <View className='card'>
              {b.services.map((s, i) => (
                <Tappable
                  key={s.id}
                  className='bundle__row'
                  onTap={() => openPage(withQuery(CITIZEN_ROUTES.guide, { id: s.id }))}
                >
                  <Text className='bundle__row-title'>{`${i + 1}. ${s.name}`}</Text>
                  <Text className='muted'>{`${s.departmentName} · 承诺${s.promisedDays}个工作日 · 办事指南 ›`}</Text>
                  {s.certificateType ? <Text className='muted'>{`办结后发放电子证照《${s.certificateType}》`}</Text> : null}
                </Tappable>
              ))}
            </View>

            <View className='section-title'>涉及部门</View>
            <View className='card bundle__departments'>
              {b.departments.map((d) => (
                <StatusTag key={d.id} tone='info'>
                  {d.name}
                </StatusTag>
              ))}
            </View>

            <View className='section-title'>{`合并材料清单（${b.materials.length} 项，共用材料只交一次）`}</View>
            <View className='card'>
              <PageState empty={b.materials.length === 0} emptyText='无需提交材料'>
                {b.materials.map((m) => {
                  const shared = m.serviceIds.length > 1
                  return (
                    <View key={m.materialId} className='bundle__row' role='group' aria-label={m.name}>
                      <Text className='bundle__row-title'>{m.name}</Text>
                      <View className='bundle__tags'>
                        {m.required ? <StatusTag tone='danger'>必需</StatusTag> : <StatusTag tone='muted'>非必需</StatusTag>}
                        {m.tolerable ? <StatusTag tone='warning'>容缺</StatusTag> : null}
                        {shared ? <StatusTag tone='success'>{`${m.serviceIds.length} 个事项共用`}</StatusTag> : null}
                      </View>
                      {m.note ? <Text className='muted'>{m.note}</Text> : null}
                    </View>
                  )
                })}
              </PageState>
            </View>

            <ActingBar />
            <FormError banner message={errors.form} />
            <ButtonRow className='bundle__actions'>
              <View className='bundle__confirm button-row__line'>
                <Text className='bundle__who'>{`将为 ${who} 申请`}</Text>
                <Text className='muted'>{`上传必需材料 ${required.length} 项后一次提交，各部门同时审查`}</Text>
              </View>
              <Button block type='primary' size='large' loading={busy} onClick={apply}>
                申请
              </Button>
            </ButtonRow>
          </View>
        )}
      </PageState>
    </AppPage>
  )
}
