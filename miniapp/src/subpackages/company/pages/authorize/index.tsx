import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { isValidPhone, type OnBehalfOf, type ServiceSummary } from '@gov/shared'
import AppPage from '../../../../components/AppPage'
import Button from '../../../../components/AppButton'
import FormField from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import SignInGate from '../../../../components/SignInGate'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { delegationApi } from '../../../../api/delegation'
import { enterprisesApi } from '../../../../api/enterprises'
import { useAsync } from '../../../../hooks/useAsync'
import { isH5 } from '../../../../platform'
import { useSession } from '../../../../store/session'
import { addDays, shanghaiDate } from '../../../../utils/time'
import { toast } from '../../../../utils/nav'
import '../../company.scss'
import './index.scss'

type Errors = Partial<Record<'agentPhone' | 'serviceIds' | 'validFrom' | 'validTo', string>>

function Choice({ on, label, onTap, check }: { on: boolean; label: string; onTap: () => void; check?: boolean }) {
  const a11y = isH5
    ? {
        role: check ? 'checkbox' : 'radio',
        tabIndex: 0,
        'aria-checked': on ? 'true' : 'false',
        'aria-label': label,
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            onTap()
          }
        },
      }
    : {}
  return (
    <View className={`co-choice ${on ? 'co-choice--on' : ''}`} onClick={onTap} {...(a11y as object)}>
      <View className={`co-choice__mark ${check ? 'co-choice__check' : ''}`} />
      <Text>{label}</Text>
    </View>
  )
}

/** 新建授权: principal (本人 or a company I administer), agent phone, all or chosen services, validity. */
export default function Authorize() {
  const params = useRouter().params
  const { accessToken, user } = useSession()
  const companies = useAsync(() => enterprisesApi.list(), [accessToken], !!accessToken)
  const adminOf = (companies.data ?? []).filter((c) => c.role === 'admin')
  const [principalKey, setPrincipalKey] = useState<string>(params.enterpriseId ? `enterprise:${params.enterpriseId}` : 'person')
  const [agentPhone, setAgentPhone] = useState('')
  const [allServices, setAllServices] = useState(true)
  const [picked, setPicked] = useState<ServiceSummary[]>([])
  const [q, setQ] = useState('')
  const [results, setResults] = useState<ServiceSummary[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [searchError, setSearchError] = useState<unknown>(null)
  const today = shanghaiDate()
  const [validFrom, setValidFrom] = useState(today)
  const [validTo, setValidTo] = useState(addDays(today, 89))
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState('')
  const [busy, setBusy] = useState(false)

  const search = async () => {
    setSearching(true)
    setSearchError(null)
    try {
      const page = await api.searchServices({ q: q.trim() || undefined, page: 1, pageSize: 10 })
      setResults(page.items)
    } catch (e) {
      setSearchError(e)
    } finally {
      setSearching(false)
    }
  }

  const toggle = (s: ServiceSummary) =>
    setPicked((cur) => (cur.some((p) => p.id === s.id) ? cur.filter((p) => p.id !== s.id) : [...cur, s]))

  const submit = async () => {
    setFormError('')
    const next: Errors = {}
    if (!isValidPhone(agentPhone.trim())) next.agentPhone = '请输入代办人的 11 位手机号'
    if (!allServices && picked.length === 0) next.serviceIds = '请至少选择一个事项，或选择全部事项'
    if (validTo < validFrom) next.validTo = '结束日期不能早于开始日期'
    setErrors(next)
    if (Object.keys(next).length) return
    const principal: OnBehalfOf = principalKey.startsWith('enterprise:')
      ? { type: 'enterprise', id: principalKey.slice('enterprise:'.length) }
      : { type: 'person', id: user?.id ?? '' }
    setBusy(true)
    try {
      await delegationApi.create({
        principal,
        agentPhone: agentPhone.trim(),
        serviceIds: allServices ? null : picked.map((p) => p.id),
        validFrom,
        validTo,
      })
      toast('授权已生效', 'success')
      setTimeout(() => Taro.redirectTo({ url: '/subpackages/company/pages/authorizations/index?role=principal' }), 300)
    } catch (e) {
      if (isApiError(e)) {
        const f = e.fieldErrors
        if (f.agentPhone || f.serviceIds || f.validFrom || f.validTo) {
          setErrors({ agentPhone: f.agentPhone, serviceIds: f.serviceIds, validFrom: f.validFrom, validTo: f.validTo })
          return
        }
      }
      setFormError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AppPage className='authorize'>
      <SignInGate purpose='授权他人代办'>
        <View className='section-title'>委托人</View>
        <View className='card' role='radiogroup' aria-label='委托人'>
          <Choice on={principalKey === 'person'} label={`本人${user?.realName ? `（${user.realName}）` : ''}`} onTap={() => setPrincipalKey('person')} />
          {adminOf.map((c) => (
            <Choice key={c.id} on={principalKey === `enterprise:${c.id}`} label={`${c.name}（企业）`} onTap={() => setPrincipalKey(`enterprise:${c.id}`)} />
          ))}
          <Text className='muted'>只有企业管理员可以企业名义授权。</Text>
        </View>

        <View className='section-title'>代办人</View>
        <View className='card'>
          <FormField label='代办人手机号' value={agentPhone} onChange={setAgentPhone} type='number' maxlength={11} placeholder='代办人登录政务通所用手机号' error={errors.agentPhone} />
        </View>

        <View className='section-title'>授权范围</View>
        <View className='card' role='radiogroup' aria-label='授权范围'>
          <Choice on={allServices} label='全部事项' onTap={() => setAllServices(true)} />
          <Choice on={!allServices} label='指定事项' onTap={() => setAllServices(false)} />
          {!allServices && (
            <View>
              <View className='authorize__search'>
                <FormField label='搜索事项' value={q} onChange={setQ} placeholder='事项名称或拼音首字母' onConfirm={search} />
                <Button type='primary' loading={searching} onClick={search}>
                  搜索
                </Button>
              </View>
              {picked.length > 0 && (
                <View className='authorize__picked' aria-label='已选事项'>
                  {picked.map((p) => (
                    <Text key={p.id} className='authorize__chip'>
                      {p.name}
                    </Text>
                  ))}
                </View>
              )}
              {errors.serviceIds ? <Text className='field__error'>{errors.serviceIds}</Text> : null}
              {(results !== null || !!searchError) && (
                <PageState error={searchError} empty={results?.length === 0} emptyText='没有找到相关事项' onRetry={search}>
                  {results?.map((s) => (
                    <Choice key={s.id} check on={picked.some((p) => p.id === s.id)} label={s.name} onTap={() => toggle(s)} />
                  ))}
                </PageState>
              )}
            </View>
          )}
        </View>

        <View className='section-title'>有效期</View>
        <View className='card'>
          <View className='authorize__dates'>
            <View className='field'>
              <Text className='field__label'>开始日期</Text>
              <Picker mode='date' value={validFrom} start={today} onChange={(e) => setValidFrom(String(e.detail.value))}>
                <View className='co-date' aria-label={`开始日期 ${validFrom}`}>
                  <Text>{validFrom}</Text>
                  <Text className='muted'>更改</Text>
                </View>
              </Picker>
            </View>
            <View className='field'>
              <Text className='field__label'>结束日期</Text>
              <Picker mode='date' value={validTo} start={validFrom} onChange={(e) => setValidTo(String(e.detail.value))}>
                <View className='co-date' aria-label={`结束日期 ${validTo}`}>
                  <Text>{validTo}</Text>
                  <Text className='muted'>更改</Text>
                </View>
              </Picker>
              {errors.validTo ? <Text className='field__error'>{errors.validTo}</Text> : null}
            </View>
          </View>
          {formError ? (
            <View className='form-error' role='alert'>
              {formError}
            </View>
          ) : null}
          <Button className='btn-block' block type='primary' size='large' loading={busy} onClick={submit}>
            确认授权
          </Button>
          <Text className='muted'>代办人的每次办理都会记录代办人和委托人；您可以随时撤销授权。</Text>
        </View>
      </SignInGate>
    </AppPage>
  )
}
