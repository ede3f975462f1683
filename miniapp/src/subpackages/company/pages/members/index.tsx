import FormError from '@/components/FormError'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ENTERPRISE_ROLE_LABELS, normalizePhone, PHONE_INPUT_MAX_LENGTH, PHONE_MESSAGE, type EnterpriseRole } from '@gov/shared'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import Section from '@/components/Section'
import ReasonDialog from '@/components/ReasonDialog'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import { errorMessage, isApiError } from '@/api/client'
import { enterprisesApi, type EnterpriseMember } from '@/api/enterprises'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useSession } from '@/store/session'
import { toast } from '@/utils/nav'
import CoRow from '@/subpackages/company/components/CoRow'
import { useBusy } from '@/hooks/useBusy'
import '@/subpackages/company/company.scss'


/** Members of a company: admins add people by phone (admin or handler) and remove them. */
export default function Members() {
  const id = useRouter().params.id ?? ''
  const { accessToken } = useSession()
  const detail = useAsync(() => enterprisesApi.get(id), [id, accessToken], !!accessToken && !!id)
  usePullRefresh(detail.reload)
  const [phone, setPhone] = useState('')
  const [role, setRole] = useState<EnterpriseRole>('handler')
  const [phoneError, setPhoneError] = useState('')
  const [formError, setFormError] = useState('')
  const [busy, whileBusy] = useBusy()
  const [removing, setRemoving] = useState<EnterpriseMember | null>(null)

  const c = detail.data
  const isAdmin = c?.role === 'admin'

  const add = async () => {
    setFormError('')
    const p = normalizePhone(phone)
    if (!p) {
      setPhoneError(PHONE_MESSAGE)
      return
    }
    setPhoneError('')
    await whileBusy(async () => {
      await enterprisesApi.addMember(id, p, role)
      setPhone('')
      toast('已添加成员', 'success')
      detail.reload()
    }, (e) => {
      if (isApiError(e) && e.fieldErrors.phone) setPhoneError(e.fieldErrors.phone)
      else setFormError(errorMessage(e))
    })
  }

  return (
    <SignedInPage className='co-members' purpose='管理企业成员'>
      <Section title={c ? c.name : '企业成员'} of={detail} empty={!!c && c.members.length === 0}>
        {c?.members.map((m) => (
          <CoRow
            key={m.userId}
            title={`${m.name ?? '未实名用户'}${m.self ? '（我）' : ''}`}
            aside={
              <>
                <StatusTag tone={m.role === 'admin' ? 'info' : 'muted'}>{ENTERPRISE_ROLE_LABELS[m.role]}</StatusTag>
                {isAdmin && !m.self && (
                  <Button size='small' type='danger' fill='outline' onClick={() => setRemoving(m)} aria-label={`移除成员 ${m.phone ?? ''}`}>
                    移除
                  </Button>
                )}
              </>
            }
          >
            <Text className='co-row__sub'>{m.phone ?? ''}</Text>
          </CoRow>
        ))}
      </Section>

      {isAdmin && (
        <>
          <View className='section-title'>添加成员</View>
          <View className='card'>
            <FormField label='成员手机号' value={phone} onChange={setPhone} maxlength={PHONE_INPUT_MAX_LENGTH} placeholder='对方登录政务通所用手机号' error={phoneError} />
            <Text className='field__label'>成员角色</Text>
            <Segmented label='成员角色' value={role} options={{ handler: ENTERPRISE_ROLE_LABELS.handler, admin: ENTERPRISE_ROLE_LABELS.admin }} onChange={setRole} />
            <Text className='muted'>经办人可以企业名义预约、办件；管理员还可管理成员、授权代办人。</Text>
            <FormError message={formError} />
            <Button className='btn-block' block type='primary' size='large' loading={busy} onClick={add}>
              添加成员
            </Button>
          </View>
        </>
      )}

      <ReasonDialog
        visible={!!removing}
        title='移除成员'
        description={`确定将 ${removing?.name ?? removing?.phone ?? ''} 移出企业？移除后对方不能再以企业名义办理。`}
        confirmText='移除'
        danger
        onConfirm={async () => {
          if (!removing) return
          await enterprisesApi.removeMember(id, removing.userId)
          toast('已移除')
          detail.reload()
        }}
        onClose={() => setRemoving(null)}
      />
    </SignedInPage>
  )
}
