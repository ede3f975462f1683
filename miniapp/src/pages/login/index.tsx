import FormSubmit from '@/components/FormSubmit'
import { useFormErrors } from '@/hooks/useFormErrors'
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import { normalizePhone, PHONE_INPUT_MAX_LENGTH, PHONE_MESSAGE, type AuthResult } from '@gov/shared'
import { api, isApiError } from '@/api/client'
import AppPage from '@/components/AppPage'
import { getPlatformLoginCode, platformLoginLabel, supportsPlatformLogin } from '@/platform'
import { session } from '@/store/session'
import { goBackOr, toast } from '@/utils/nav'
import StaffLoginLink from '@/components/StaffLoginLink'
import { useBusy } from '@/hooks/useBusy'
import './index.scss'

const COUNTDOWN_SECONDS = 60

export default function Login() {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [countdown, setCountdown] = useState(0)
  const [sending, whileSending] = useBusy()
  const [submitting, whileSubmitting] = useBusy()
  const [platformBusy, whilePlatformBusy] = useBusy()
  const errors = useFormErrors<'phone' | 'code'>()
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)

  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current)
    },
    [],
  )

  const startCountdown = (seconds: number) => {
    if (timer.current) clearInterval(timer.current)
    setCountdown(seconds)
    timer.current = setInterval(() => {
      setCountdown((n) => {
        if (n <= 1 && timer.current) {
          clearInterval(timer.current)
          timer.current = null
        }
        return Math.max(0, n - 1)
      })
    }, 1000)
  }

  const done = (result: AuthResult) => {
    errors.clear()
    session.setAuth(result)
    toast('登录成功', 'success')
    setTimeout(() => goBackOr(), 400)
  }

  const showError = (e: unknown) => {
    if (isApiError(e) && e.code === 'INVALID_CODE') errors.set({ code: e.message })
    else errors.failWith(e, ['phone', 'code'])
  }

  const sendCode = async () => {
    const p = normalizePhone(phone)
    if (!p) {
      errors.set({ phone: PHONE_MESSAGE })
      return
    }
    errors.clear()
    await whileSending(async () => {
      await api.sendSmsCode(p)
      toast('验证码已发送')
      startCountdown(COUNTDOWN_SECONDS)
    }, (e) => {
      showError(e)
      if (isApiError(e) && e.code === 'RATE_LIMITED' && e.retryAfter) startCountdown(Math.min(e.retryAfter, 600))
    })
  }

  const login = async () => {
    const p = normalizePhone(phone)
    const c = code.trim()
    const next: { phone?: string; code?: string } = {}
    if (!p) next.phone = PHONE_MESSAGE
    if (!/^\d{4,8}$/.test(c)) next.code = '请输入短信验证码'
    errors.set(next)
    if (!p || next.code) return
    await whileSubmitting(async () => {
      done(await api.smsLogin(p, c))
    }, (e) => showError(e))
  }

  const platformLogin = async () => {
    errors.clear()
    await whilePlatformBusy(async () => {
      done(await api.platformLogin(await getPlatformLoginCode()))
    }, (e) => errors.failWith(e))
  }

  return (
    <AppPage className='login'>
      <View className='login__head'>
        <Text className='login__title'>登录政务通</Text>
        <Text className='muted'>登录后可预约办事、上传材料、查看办件进度</Text>
      </View>

      {supportsPlatformLogin && (
        <View className='card'>
          <Button block type='primary' size='large' loading={platformBusy} onClick={platformLogin}>
            {platformLoginLabel}
          </Button>
          <Text className='login__or muted'>或使用手机验证码登录</Text>
        </View>
      )}

      <View className='card login__form'>
        <FormField
          label='手机号'
          maxlength={PHONE_INPUT_MAX_LENGTH}
          placeholder='请输入手机号'
          {...errors.field('phone', phone, setPhone)}
        />
        <FormField
          label='验证码'
          type='number'
          maxlength={6}
          placeholder='短信验证码'
          {...errors.field('code', code, setCode)}
          onConfirm={login}
          rowClassName='login__code-row'
          inputClassName='login__code'
          action={
            <Button className='login__send' fill='outline' type='primary' disabled={countdown > 0 || sending} onClick={sendCode}>
              {countdown > 0 ? `${countdown}秒后重发` : '获取验证码'}
            </Button>
          }
        />
        <FormSubmit error={errors.form} loading={submitting} onSubmit={login}>
          登录
        </FormSubmit>
        <Text className='login__note muted'>未注册的手机号验证后将自动创建账号</Text>
      </View>
      <StaffLoginLink />
    </AppPage>
  )
}
