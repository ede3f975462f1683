import FormError from '../../../../components/FormError'
import { useFormErrors } from '../../../../hooks/useFormErrors'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import Button from '../../../../components/AppButton'
import { DEFAULT_ERROR_MESSAGES, isValidIdNumber, normalizeIdNumber } from '@gov/shared'
import { api, isApiError } from '../../../../api/client'
import AppPage from '../../../../components/AppPage'
import PageState from '../../../../components/PageState'
import { ROUTES } from '../../../../routes'
import { session, useSession } from '../../../../store/session'
import { goBackOr, toast } from '../../../../utils/nav'
import './index.scss'
import ButtonRow from '../../../../components/ButtonRow'

interface Errors {
  realName?: string
  idNumber?: string
}

export default function Verify() {
  const { accessToken, user } = useSession()
  const [realName, setRealName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const errors = useFormErrors<keyof Errors>()
  const [submitting, setSubmitting] = useState(false)

  const submit = async () => {
    const name = realName.trim()
    const id = normalizeIdNumber(idNumber)
    const next: Errors = {}
    if (!/^[\u4e00-\u9fa5·•.A-Za-z ]{2,30}$/.test(name)) next.realName = '请输入身份证上的姓名'
    // an empty field asks for the number; only a number that was typed can fail the check
    if (!id) next.idNumber = '请输入身份证号'
    else if (!isValidIdNumber(id)) next.idNumber = DEFAULT_ERROR_MESSAGES.INVALID_ID_NUMBER
    errors.set(next)
    if (next.realName || next.idNumber) return
    setSubmitting(true)
    try {
      const me = await api.verify({ realName: name, idNumber: id })
      errors.clear()
      session.setUser(me)
      toast('实名认证成功', 'success')
      setTimeout(() => goBackOr(ROUTES.me), 600)
    } catch (e) {
      if (isApiError(e) && e.code === 'INVALID_ID_NUMBER') errors.set({ idNumber: e.message })
      else errors.failWith(e, ['realName', 'idNumber'])
    } finally {
      setSubmitting(false)
    }
  }

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
            {user.realName} {user.idNumber}
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
          <Text className='field__label'>姓名</Text>
          <Input
            className={`field__input ${errors.of('realName') ? 'field__input--invalid' : ''}`}
            aria-label='姓名'
            placeholder='与身份证一致'
            maxlength={30}
            value={realName}
            onInput={(e) => {
              setRealName(e.detail.value)
              errors.changed('realName')
            }}
          />
          {errors.of('realName') && <Text className='field__error'>{errors.of('realName')}</Text>}
        </View>
        <View className='field'>
          <Text className='field__label'>身份证号</Text>
          <Input
            className={`field__input ${errors.of('idNumber') ? 'field__input--invalid' : ''}`}
            aria-label='身份证号'
            type='idcard'
            placeholder='18 位居民身份证号'
            maxlength={18}
            value={idNumber}
            onInput={(e) => {
              setIdNumber(e.detail.value)
              errors.changed('idNumber')
            }}
            onConfirm={submit}
          />
          {errors.of('idNumber') && <Text className='field__error'>{errors.of('idNumber')}</Text>}
        </View>
        <FormError message={errors.form} />
        <Button className='btn-block' block type='primary' size='large' loading={submitting} onClick={submit}>
          提交
        </Button>
      </View>
    </AppPage>
  )
}
