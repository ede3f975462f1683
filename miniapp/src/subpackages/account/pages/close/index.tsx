import { useFormErrors } from '@/hooks/useFormErrors'
import FormError from '@/components/FormError'
import { useState } from 'react'
import { BOOKING_STATUS_LABELS, OFFHOURS_STATUS_LABELS } from '@gov/shared'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { CloseAccountBlockers } from '@gov/shared'
import Button from '@/components/AppButton'
import SignedInPage from '@/components/SignedInPage'
import { MY_PAGES } from '@/components/MeEntries'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { accountApi } from '@/api/account'
import { isApiError } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { ROUTES } from '@/routes'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { session, useSession } from '@/store/session'
import { openPage, toast } from '@/utils/nav'
import { useConfirmedBusy } from '@/hooks/useBusy'
import './index.scss'

/** What the person types to confirm: the destructive step is never one careless tap. */
const CONFIRM_WORD = '注销'

const CONSEQUENCES = [
  '注销后您将退出登录，本账号不能再登录或恢复。同一手机号以后可以重新注册，但那是一个全新的账号，看不到原来的预约和办件。',
  '手机号、姓名、身份证号，以及微信、支付宝的登录绑定将被删除；消息和订阅提醒将被删除。',
  '您给他人和他人给您的授权委托将被撤销，您在企业中的成员身份将被移除。',
  '已提交的办件及其材料依照法律规定作为政务档案保存，大厅工作人员仍可查阅；“办件进度查询”将无法再用您的手机号尾号验证。',
]

const BLOCKERS: Array<{ key: keyof CloseAccountBlockers; label: string; unit: string; action: string; url: string }> = [
  { key: 'bookings', label: `${BOOKING_STATUS_LABELS.booked}的预约`, unit: '个', action: '取消或办理后', url: withQuery(CITIZEN_ROUTES.myBookings, { tab: 'bookings' }) },
  { key: 'offhours', label: `${OFFHOURS_STATUS_LABELS.pending}的错时办理申请`, unit: '个', action: '撤回或等待答复后', url: withQuery(CITIZEN_ROUTES.myBookings, { tab: 'offhours' }) },
  { key: 'applications', label: '未办结的办件（含草稿）', unit: '件', action: '撤回或办结后', url: CITIZEN_ROUTES.myFilings },
  { key: 'enterprises', label: '仅您一位管理员的企业', unit: '家', action: '先指定其他成员为管理员', url: MY_PAGES.companies },
]

/** 注销账号 (个人信息保护法 art. 47): the consequences, what still blocks it, and a typed confirmation. */
export default function CloseAccount() {
  const { accessToken } = useSession()
  const check = useAsync(() => accountApi.closingCheck(), [accessToken], !!accessToken)
  useReloadOnShow(check.reload, !!accessToken)
  const [typed, setTyped] = useState('')
  const [closing, whileClosing] = useConfirmedBusy()
  const errors = useFormErrors()

  const c = check.data
  const confirmed = typed.trim() === CONFIRM_WORD

  const close = async () => {
    if (!c?.canClose || !confirmed) return
    await whileClosing({ title: '注销账号', content: '注销后本账号不能再登录或恢复。确定注销吗？', confirmText: '注销', cancelText: '不注销' }, async () => {
      await accountApi.close()
      errors.clear()
      session.clear()
      toast('账号已注销', 'success')
      setTimeout(() => Taro.reLaunch({ url: ROUTES.home }), 600)
    }, (e) => {
      errors.failWith(e)
      if (isApiError(e) && e.code === 'INVALID_STATE') check.reload()
    })
  }

  return (
    <SignedInPage className='close-account' purpose='注销账号'>
      <View className='close-account__warn' role='note'>
        <Text>注销账号是不可恢复的操作，请仔细阅读以下说明。</Text>
      </View>

      <View className='section-title'>注销后</View>
      <View className='card'>
        {CONSEQUENCES.map((t, i) => (
          <Text key={t} className='close-account__item'>
            {`${i + 1}. ${t}`}
          </Text>
        ))}
      </View>

      <Section title='注销前需处理完' loading={check.loading && !c} error={!c ? check.error : null} onRetry={check.reload}>
        {c ? (
          <View>
            {BLOCKERS.map((b) => {
              const n = c[b.key]
              return n > 0 ? (
                <Tappable key={b.key} className='close-account__blocker' onTap={() => openPage(b.url)}>
                  <View className='close-account__blocker-text'>
                    <Text className='close-account__blocker-label'>{b.label}</Text>
                    <Text className='muted'>{b.action}方可注销</Text>
                  </View>
                  <View className='close-account__blocker-end'>
                    <StatusTag tone='warning'>{`${n} ${b.unit}`}</StatusTag>
                    <Text className='close-account__go'>去处理 ›</Text>
                  </View>
                </Tappable>
              ) : (
                <View key={b.key} className='close-account__blocker'>
                  <Text className='close-account__blocker-label'>{b.label}</Text>
                  <StatusTag tone='success'>无</StatusTag>
                </View>
              )
            })}
          </View>
        ) : null}
      </Section>

      <View className='card close-account__confirm'>
        {c && !c.canClose ? (
          <View className='close-account__blocked' role='status'>
            请先处理完上面的事项，再注销账号。
          </View>
        ) : null}
        <View className='field'>
          <Text className='field__label'>{`请输入“${CONFIRM_WORD}”两个字，确认注销本账号`}</Text>
          <Input
            className='field__input'
            aria-label='确认注销'
            placeholder={CONFIRM_WORD}
            maxlength={8}
            value={typed}
            disabled={!c?.canClose}
            onInput={(e) => {
              setTyped(e.detail.value)
              errors.changed()
            }}
          />
        </View>
        <FormError message={errors.form} />
        <Button className='btn-block' block fill='outline' type='danger' size='large' disabled={!c?.canClose || !confirmed} loading={closing} onClick={close}>
          注销账号
        </Button>
      </View>
    </SignedInPage>
  )
}
