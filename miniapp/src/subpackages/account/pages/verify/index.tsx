import FormSubmit from '@/components/FormSubmit'
import { useFormErrors } from '@/hooks/useFormErrors'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import {
  DEFAULT_ERROR_MESSAGES,
  ID_FORMAT_MESSAGES,
  ID_TYPE_LABELS,
  idDocumentProblem,
  idTypeAllowsLatinName,
  LATIN_REAL_NAME_MESSAGE,
  normalizeIdDocumentNumber,
  normalizeRealName,
  REAL_NAME_MESSAGE,
  type IdType,
} from '@gov/shared'
import { api, isApiError } from '@/api/client'
import AppPage from '@/components/AppPage'
import PageState from '@/components/PageState'
import Segmented from '@/components/Segmented'
import { ROUTES } from '@/routes'
import { session, useSession } from '@/store/session'
import { goBackOr, toast } from '@/utils/nav'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import { useBusy } from '@/hooks/useBusy'

interface Errors {
  realName?: string
  idNumber?: string
}

/** The documents people verify with, short labels for the picker (the full name is shown below it). */
const ID_TYPE_OPTIONS: Array<{ value: IdType; label: string }> = [
  { value: 'resident', label: '身份证' },
  { value: 'hk_macao_permit', label: '港澳通行证' },
  { value: 'taiwan_permit', label: '台湾通行证' },
  { value: 'foreign_permanent', label: '永居证' },
  { value: 'passport', label: '护照' },
]

const NUMBER_PLACEHOLDERS: Record<IdType, string> = {
  resident: '18 位居民身份证号',
  hk_macao_permit: 'H 或 M 开头，如 H12345678',
  taiwan_permit: '8 位数字',
  foreign_permanent: '18 位，或 3 位字母加 12 位数字',
  passport: '护照号码',
}

export default function Verify() {
  const { accessToken, user } = useSession()
  const [idType, setIdType] = useState<IdType>('resident')
  const [realName, setRealName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const errors = useFormErrors<keyof Errors>()
  const [submitting, whileSubmitting] = useBusy()

  const submit = async () => {
    const latin = idTypeAllowsLatinName(idType)
    const name = normalizeRealName(realName, latin)
    const id = normalizeIdDocumentNumber(idNumber)
    const problem = id ? idDocumentProblem(idType, id) : 'format'
    const next: Errors = {}
    if (name === null) next.realName = latin ? LATIN_REAL_NAME_MESSAGE : REAL_NAME_MESSAGE
    if (!id) next.idNumber = '请输入证件号码'
    else if (problem === 'format') next.idNumber = ID_FORMAT_MESSAGES[idType]
    else if (problem === 'check') next.idNumber = DEFAULT_ERROR_MESSAGES.INVALID_ID_NUMBER
    errors.set(next)
    if (name === null || next.idNumber) return
    await whileSubmitting(async () => {
      const me = await api.verify({ realName: name, idNumber: id, idType })
      errors.clear()
      session.setUser(me)
      toast('实名认证成功', 'success')
      setTimeout(() => goBackOr(ROUTES.me), 600)
    }, (e) => {
      if (isApiError(e) && e.code === 'INVALID_ID_NUMBER') errors.set({ idNumber: e.message })
      else errors.failWith(e, ['realName', 'idNumber'])
    })
  }

  const numberLabel = idType === 'resident' ? '身份证号' : '证件号码'

  if (!accessToken) {
    return (
      <AppPage>
        <PageState empty emptyText='请先登录后再进行实名认证'>
          {null}
        </PageState>
        <ButtonRow className='verify__actions'>
          <Button block type='primary' size='large' onClick={() => Taro.redirectTo({ url: ROUTES.login })}>
            登录
          </Button>
        </ButtonRow>
      </AppPage>
    )
  }

  if (user?.verified) {
    return (
      <AppPage>
        <View className='card'>
          <Text className='verify__done'>已实名</Text>
          <Text className='muted'>
            {user.realName} {ID_TYPE_LABELS[user.idType ?? 'resident']} {user.idNumber}
          </Text>
        </View>
      </AppPage>
    )
  }

  return (
    <AppPage className='verify'>
      <View className='verify__notice'>
        <Text>根据政务服务实名要求，预约和办件前需核验身份。信息加密保存，仅用于身份核验。</Text>
      </View>
      <View className='card'>
        <View className='field'>
          <Text className='field__label'>证件类型</Text>
          <Segmented
            label='证件类型'
            value={idType}
            options={ID_TYPE_OPTIONS}
            onChange={(t) => {
              setIdType(t)
              errors.clear()
            }}
          />
          <Text className='muted'>{ID_TYPE_LABELS[idType]}</Text>
        </View>
        <FormField
          label='姓名'
          placeholder={idTypeAllowsLatinName(idType) ? '与证件一致，中文或英文姓名' : '与证件一致'}
          maxlength={64}
          {...errors.field('realName', realName, setRealName)}
        />
        <FormField
          label={numberLabel}
          type={idType === 'resident' ? 'idcard' : 'text'}
          placeholder={NUMBER_PLACEHOLDERS[idType]}
          maxlength={24}
          {...errors.field('idNumber', idNumber, setIdNumber)}
          onConfirm={submit}
        />
        <FormSubmit error={errors.form} loading={submitting} onSubmit={submit}>
          提交
        </FormSubmit>
      </View>
    </AppPage>
  )
}
