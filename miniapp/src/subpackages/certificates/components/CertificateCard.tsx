import { Text, View } from '@tarojs/components'
import { CERTIFICATE_STATUS_LABELS } from '@gov/shared'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import type { CertificateView } from '@/api/certificates'
import { dateLabel } from '@/utils/time'

/** 有效 / 已过期 / 已注销, as the holder reads a certificate's state. */
export function certificateState(c: Pick<CertificateView, 'status' | 'valid'>): { label: string; tone: 'success' | 'muted' | 'danger' } {
  if (c.status === 'revoked') return { label: CERTIFICATE_STATUS_LABELS.revoked, tone: 'danger' }
  return c.valid ? { label: CERTIFICATE_STATUS_LABELS.valid, tone: 'success' } : { label: '不在有效期内', tone: 'muted' }
}

/** One certificate in the wallet (证照夹): type, number, holder (masked), issuing body, validity; taps open it. */
export default function CertificateCard({ c, onTap }: { c: CertificateView; onTap?: () => void }) {
  const state = certificateState(c)
  const body = (
    <View className='cert-card' role='group' aria-label={`${c.type}，${state.label}`}>
      <Text className='cert-card__type'>{c.type}</Text>
      <Text className='cert-card__line'>证照编号：{c.number}</Text>
      <Text className='cert-card__line'>持证主体：{c.holderName}</Text>
      <Text className='cert-card__line'>发证机关：{c.issuedBy}</Text>
      <Text className='cert-card__line'>有效期：{dateLabel(c.validFrom)} 至 {c.validTo ? dateLabel(c.validTo) : '长期'}</Text>
      <View className='cert-card__tags'>
        <StatusTag tone={state.tone}>{state.label}</StatusTag>
      </View>
    </View>
  )
  return onTap ? <Tappable onTap={onTap}>{body}</Tappable> : body
}
