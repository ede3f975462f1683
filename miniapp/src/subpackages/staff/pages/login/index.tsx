import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppPage from '@/components/AppPage'
import FormField from '@/components/FormField'
import FormSubmit from '@/components/FormSubmit'
import { useFormErrors } from '@/hooks/useFormErrors'
import { STAFF_HOME_PAGE } from '@/components/StaffPage'
import { isApiError } from '@/api/client'
import { isStaffUser, staffApi } from '@/api/staff'
import { useDeskLayout } from '@/hooks/useDeskLayout'
import { session } from '@/store/session'
import { toast } from '@/utils/nav'
import { useBusy } from '@/hooks/useBusy'

/** 工作人员登录: username and password (window staff and admins). */
export default function StaffLogin() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const errors = useFormErrors()
  const [busy, whileBusy] = useBusy()

  useDeskLayout()

  const login = async () => {
    if (!username.trim() || !password) {
      errors.fail('请输入用户名和密码')
      return
    }
    await whileBusy(async () => {
      const result = await staffApi.login(username.trim(), password)
      if (!isStaffUser(result.user.roles)) {
        errors.fail('该账号不是工作人员账号')
        return
      }
      errors.clear()
      session.setAuth(result)
      toast('登录成功', 'success')
      Taro.redirectTo({ url: STAFF_HOME_PAGE })
    }, (e) => {
      if (isApiError(e) && e.status === 401) errors.fail('用户名或密码错误')
      else errors.failWith(e)
    })
  }

  return (
    <AppPage className='staff-login'>
      <View className='staff-page__inner' style={{ maxWidth: '480px' }}>
        <View className='section-title'>政务服务中心工作人员</View>
        <View className='card'>
          <FormField label='用户名' value={username} onChange={(v) => { setUsername(v); errors.changed() }} placeholder='工作人员用户名' maxlength={64} />
          <FormField label='密码' value={password} onChange={(v) => { setPassword(v); errors.changed() }} password placeholder='密码' maxlength={128} onConfirm={login} />
          <FormSubmit error={errors.form} loading={busy} onSubmit={login}>
            登录工作台
          </FormSubmit>
          <Text className='muted'>办事群众请返回使用手机号登录。</Text>
        </View>
      </View>
    </AppPage>
  )
}
