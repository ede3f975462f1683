import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { maskPhone, normalizePhone, PHONE_INPUT_MAX_LENGTH, type OnBehalfOf, type ServiceSummary } from '@gov/shared'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import ReasonDialog from '@/components/ReasonDialog'
import { api } from '@/api/client'
import { delegationApi } from '@/api/delegation'
import { enterprisesApi } from '@/api/enterprises'
import { useAsync } from '@/hooks/useAsync'
import { useSession } from '@/store/session'
import { addDays, shanghaiDate } from '@/utils/time'
import { toast } from '@/utils/nav'
import { optionA11y } from '@/utils/a11y'
import '@/subpackages/company/company.scss'
import './index.scss'

type Errors = Partial<Record<'agentPhone' | 'serviceIds' | 'validFrom' | 'validTo', string>>
type Scope = 'all' | 'some' | null

/** The suggested validity: one month from today (shown, and changed with the date pickers). */
const SUGGESTED_DAYS = 30

function Choice({ on, label, onTap, check }: { on: boolean; label: string; onTap: () => void; check?: boolean }) {
  const a11y = optionA11y(check ? 'checkbox' : 'radio', on, onTap, label)
  return (
    <View className={`co-choice ${on ? 'co-choice--on' : ''}`} onClick={onTap} {...(a11y as object)}>
      <View className={`co-choice__mark ${check ? 'co-choice__check' : ''}`} />
      <Text>{label}</Text>
    </View>
  )
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

interface DateFieldProps {
  label: string
  /** YYYY-MM-DD */
  value: string
  /** the earliest date offered */
  start: string
  error?: string
  onChange: (date: string) => void
}

/** A labelled date with 更改: the platform's date picker. */
function DateField({ label, value, start, error, onChange }: DateFieldProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Picker mode='date' value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='co-date' aria-label={`${label} ${value}`}>
          <Text>{value}</Text>
          <Text className='muted'>更改</Text>
        </View>
      </Picker>
      {error ? <Text className='field__error'>{error}</Text> : null}
    </View>
  )
}

/**
 * 新建授权: principal (本人 or a verified company I administer), agent phone, the scope chosen
 * explicitly (全部事项 or a list of services — nothing is preselected), the validity dates, then a
 * confirmation of all four before anything is sent. The authorisation waits for the agent to accept.
 */
export default function Authorize() {
  const params = useRouter().params
  const { accessToken, user } = useSession()
  const companies = useAsync(() => enterprisesApi.list(), [accessToken], !!accessToken)
  const adminOf = (companies.data ?? []).filter((c) => c.role === 'admin')
  const usable = adminOf.filter((c) => c.status === 'verified')
  const waiting = adminOf.filter((c) => c.status !== 'verified')
  const [principalKey, setPrincipalKey] = useState<string>(params.enterpriseId ? `enterprise:${params.enterpriseId}` : 'person')
  const [agentPhone, setAgentPhone] = useState('')
  const [scope, setScope] = useState<Scope>(null)
  const [picked, setPicked] = useState<ServiceSummary[]>([])
  const [q, setQ] = useState('')
  const [results, setResults] = useState<ServiceSummary[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [searchError, setSearchError] = useState<unknown>(null)
  const today = shanghaiDate()
  const [validFrom, setValidFrom] = useState(today)
  const [validTo, setValidTo] = useState(addDays(today, SUGGESTED_DAYS - 1))
  const [errors, setErrors] = useState<Errors>({})
  const [confirming, setConfirming] = useState(false)

  // a company that is not (or no longer) usable falls back to 本人
  const company = principalKey.startsWith('enterprise:') ? usable.find((c) => `enterprise:${c.id}` === principalKey) : undefined
  const principalKeyNow = company ? principalKey : 'person'
  const principalLabel = company ? `${company.name}（企业）` : `本人${user?.realName ? `（${user.realName}）` : ''}`
  const scopeLabel = scope === 'all' ? '全部事项' : picked.map((p) => p.name).join('、')

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

  // a field's error clears as soon as the user changes that field
  const clear = (field: keyof Errors) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  const chooseScope = (v: Exclude<Scope, null>) => {
    setScope(v)
    clear('serviceIds')
  }
  const toggle = (s: ServiceSummary) => {
    setPicked((cur) => (cur.some((p) => p.id === s.id) ? cur.filter((p) => p.id !== s.id) : [...cur, s]))
    clear('serviceIds')
  }

  const review = () => {
    const next: Errors = {}
    if (!normalizePhone(agentPhone)) next.agentPhone = '请输入代办人的 11 位手机号'
    if (scope === null) next.serviceIds = '请选择授权范围：全部事项，或指定事项'
    else if (scope === 'some' && picked.length === 0) next.serviceIds = '请至少选择一个事项，或选择全部事项'
    if (validTo < validFrom) next.validTo = '结束日期不能早于开始日期'
    setErrors(next)
    if (Object.keys(next).length === 0) setConfirming(true)
  }

  const send = async () => {
    const principal: OnBehalfOf = company ? { type: 'enterprise', id: company.id } : { type: 'person', id: user?.id ?? '' }
    await delegationApi.create({
      principal,
      agentPhone: normalizePhone(agentPhone) ?? agentPhone.trim(),
      serviceIds: scope === 'all' ? null : picked.map((p) => p.id),
      validFrom,
      validTo,
    })
    toast('已发送，待对方确认', 'success')
    setTimeout(() => Taro.redirectTo({ url: '/subpackages/company/pages/authorizations/index?role=principal' }), 300)
  }

  return (
    <SignedInPage className='authorize' purpose='授权他人代办'>
      <View className='section-title'>委托人</View>
      <View className='card' role='radiogroup' aria-label='委托人'>
        <Choice on={principalKeyNow === 'person'} label={`本人${user?.realName ? `（${user.realName}）` : ''}`} onTap={() => setPrincipalKey('person')} />
        {usable.map((c) => (
          <Choice key={c.id} on={principalKeyNow === `enterprise:${c.id}`} label={`${c.name}（企业）`} onTap={() => setPrincipalKey(`enterprise:${c.id}`)} />
        ))}
        <Text className='muted'>只有企业管理员可以企业名义授权。</Text>
        {waiting.length > 0 ? (
          <Text className='muted'>{waiting.map((c) => `“${c.name}”`).join('、')}尚未通过大厅核验，核验通过后才能以企业名义授权。</Text>
        ) : null}
      </View>

      <View className='section-title'>代办人</View>
      <View className='card'>
        <FormField
          label='代办人手机号'
          value={agentPhone}
          onChange={(v) => {
            setAgentPhone(v)
            clear('agentPhone')
          }}
          maxlength={PHONE_INPUT_MAX_LENGTH}
          placeholder='代办人登录政务通所用手机号'
          error={errors.agentPhone}
        />
        <Text className='muted'>代办人用这个手机号登录后确认接受，授权才生效。</Text>
      </View>

      <View className='section-title'>授权范围</View>
      <View className='card' role='radiogroup' aria-label='授权范围'>
        <Choice on={scope === 'some'} label='指定事项' onTap={() => chooseScope('some')} />
        <Choice on={scope === 'all'} label='全部事项' onTap={() => chooseScope('all')} />
        {scope === 'all' ? <Text className='co-status co-status--warning'>代办人可以您的名义办理所有事项，请确认您信任对方。</Text> : null}
        {scope === null && !errors.serviceIds ? <Text className='muted'>请选择：只授权指定的事项，或授权全部事项。</Text> : null}
        {errors.serviceIds ? <Text className='field__error'>{errors.serviceIds}</Text> : null}
        {scope === 'some' && (
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
          <DateField label='开始日期' value={validFrom} start={today} onChange={(d) => {
              setValidFrom(d)
              clear('validTo')
            }} />
          <DateField label='结束日期' value={validTo} start={validFrom} error={errors.validTo} onChange={(d) => {
              setValidTo(d)
              clear('validTo')
            }} />
        </View>
        {validTo >= validFrom ? <Text className='muted'>共 {days(validFrom, validTo)} 天（建议期限为一个月，可按需更改）。</Text> : null}
        <Button className='btn-block' block type='primary' size='large' onClick={review}>
          下一步：核对授权
        </Button>
        <Text className='muted'>代办人的每次办理都会记录代办人和委托人；您可以随时撤销授权。</Text>
      </View>

      <ReasonDialog
        visible={confirming}
        title='核对授权委托'
        description='请核对以下内容。发送后，代办人确认接受前授权不生效。'
        confirmText='确认授权'
        onConfirm={send}
        onClose={() => setConfirming(false)}
      >
        <View className='authorize__summary'>
          <KeyValue label='委托人'>{principalLabel}</KeyValue>
          <KeyValue label='代办人手机号'>{maskPhone(normalizePhone(agentPhone) ?? agentPhone.trim())}</KeyValue>
          <KeyValue label='授权范围'>{scopeLabel}</KeyValue>
          <KeyValue label='有效期'>
            {validFrom} 至 {validTo}
          </KeyValue>
        </View>
      </ReasonDialog>
    </SignedInPage>
  )
}
