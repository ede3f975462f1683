import FormError from '@/components/FormError'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import { errorMessage } from '@/api/client'
import type { ApplicantView, ApplicantRevealed } from '@/api/staff'
import ButtonRow from '@/components/ButtonRow'

interface Props {
  applicant: ApplicantView
  /** the audited reveal of the full name, ID and phone numbers (and a filing's postal address) */
  reveal: () => Promise<ApplicantRevealed>
}

/**
 * Whom staff serve: the applicant's name, ID and phone (masked), the agent or company acting for
 * them, and 查看完整信息 — the full numbers on request, each request written to the audit log.
 */
export default function ApplicantInfo({ applicant: a, reveal }: Props) {
  const [full, setFull] = useState<ApplicantRevealed | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const show = async () => {
    setBusy(true)
    setError('')
    try {
      setFull(await reveal())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const name = full?.name ?? a.name ?? '未实名'
  return (
    <View className='st-applicant' role='group' aria-label='申请人信息'>
      <Text className='st-applicant__name'>
        申请人 {name}
        {a.verified ? '（已实名）' : '（未实名）'}
      </Text>
      <Text className='st-line'>身份证号 {full ? (full.idNumber ?? '—') : (a.idNumber ?? '—')}</Text>
      <Text className='st-line'>手机号 {full ? (full.phone ?? '—') : (a.phone ?? '—')}</Text>
      {a.enterprise ? (
        <Text className='st-line'>
          代表企业 {a.enterprise.name}（{a.enterprise.creditCode}）
        </Text>
      ) : null}
      {a.agent ? (
        <Text className='st-line'>
          代办人 {a.agent.name ?? '—'} · {a.agent.phone ?? '—'}
        </Text>
      ) : null}
      {full?.postalAddress ? (
        <Text className='st-line'>
          邮寄地址 {full.postalAddress.name} {full.postalAddress.phone} {full.postalAddress.region}
          {full.postalAddress.detail}
        </Text>
      ) : null}
      {full ? (
        <Text className='st-line muted'>已显示完整信息，本次查看已记入审计日志。</Text>
      ) : (
        <ButtonRow className='st-actions st-actions--start'>
          <Button size='small' fill='outline' type='primary' loading={busy} onClick={() => void show()}>
            查看完整信息
          </Button>
        </ButtonRow>
      )}
      <FormError message={error} />
    </View>
  )
}
