import FormError from '@/components/FormError'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { isValidCreditCode, sameLegalName } from '@gov/shared'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import { errorMessage, isApiError } from '@/api/client'
import { enterprisesApi } from '@/api/enterprises'
import { useSession } from '@/store/session'
import { toast } from '@/utils/nav'
import { useBusy } from '@/hooks/useBusy'
import '@/subpackages/company/company.scss'

type Errors = Partial<Record<'name' | 'creditCode' | 'legalRepName', string>>

/**
 * 创建企业: name, 统一社会信用代码 (check character verified here before sending), legal representative.
 * Says beforehand whether the company takes effect at once (the user is its legal representative)
 * or waits for the hall's check.
 */
export default function CreateCompany() {
  const { user } = useSession()
  const [name, setName] = useState('')
  const [creditCode, setCreditCode] = useState('')
  const [legalRepName, setLegalRepName] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState('')
  const [busy, whileBusy] = useBusy()

  const submit = async () => {
    setFormError('')
    const code = creditCode.trim().toUpperCase()
    const next: Errors = {}
    if (name.trim().length < 2) next.name = '请填写企业名称'
    if (code.length !== 18) next.creditCode = '统一社会信用代码为 18 位'
    else if (!isValidCreditCode(code)) next.creditCode = '统一社会信用代码校验不通过，请核对'
    if (legalRepName.trim().length < 2) next.legalRepName = '请填写法定代表人姓名'
    setErrors(next)
    if (Object.keys(next).length) return
    await whileBusy(async () => {
      const created = await enterprisesApi.create({ name: name.trim(), creditCode: code, legalRepName: legalRepName.trim() })
      toast(created.status === 'verified' ? '企业已创建' : '已登记，待大厅核验', created.status === 'verified' ? 'success' : 'none')
      Taro.redirectTo({ url: `/subpackages/company/pages/detail/index?id=${created.id}` })
    }, (e) => {
      if (isApiError(e)) {
        const f = e.fieldErrors
        if (e.code === 'INVALID_CREDIT_CODE') f.creditCode = e.message
        if (f.name || f.creditCode || f.legalRepName) {
          setErrors({ name: f.name, creditCode: f.creditCode, legalRepName: f.legalRepName })
          return
        }
      }
      setFormError(errorMessage(e))
    })
  }

  return (
    <SignedInPage className='company-create' purpose='创建企业'>
      <View className='card'>
        <FormField label='企业名称' value={name} onChange={setName} placeholder='与营业执照一致' error={errors.name} maxlength={100} />
        <FormField
          label='统一社会信用代码'
          value={creditCode}
          onChange={(v) => setCreditCode(v.toUpperCase())}
          placeholder='18 位，见营业执照'
          error={errors.creditCode}
          maxlength={18}
        />
        <FormField label='法定代表人' value={legalRepName} onChange={setLegalRepName} placeholder='姓名' error={errors.legalRepName} maxlength={64} />
        {legalRepName.trim().length >= 2 ? (
          sameLegalName(user?.realName, legalRepName) ? (
            <Text className='co-status co-status--success'>法定代表人与您的实名一致，创建后立即生效。</Text>
          ) : (
            <Text className='co-status co-status--warning'>
              法定代表人不是您本人：创建后企业为“待核验”，需携营业执照原件到政务服务中心窗口核验，核验通过前不能以企业名义办理。
            </Text>
          )
        ) : null}
        <FormError message={formError} />
        <Button className='btn-block' block type='primary' size='large' loading={busy} onClick={submit}>
          创建
        </Button>
        <Text className='muted'>创建后您是企业管理员，可添加经办人；企业核验通过后，成员可以企业名义办理，您也可以企业名义授权代办。</Text>
      </View>
    </SignedInPage>
  )
}
