import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CERTIFICATE_STATUS_LABELS } from '@gov/shared'
import AppPage from '@/components/AppPage'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import { certificatesApi } from '@/api/certificates'
import { useAsync } from '@/hooks/useAsync'
import { dateLabel, fullDateTime } from '@/utils/time'
import '@/subpackages/certificates/certificates.scss'

/**
 * The public verification page a certificate's QR code opens: no sign-in. Says whether the
 * certificate is valid, whether its electronic signature (SM2) checks, and its particulars with
 * the holder masked.
 */
export default function VerifyCertificate() {
  const { params } = useRouter()
  const code = decodeURIComponent(params.code ?? '')
  const result = useAsync(() => certificatesApi.verify(code), [code], !!code)

  return (
    <AppPage className='verify'>
      <PageState of={result} notFound={!code} notFoundText='未找到该证照，请核对二维码'>
        {(r) => (
          <View>
            <View className={`verify__verdict ${r.valid ? 'verify__verdict--ok' : 'verify__verdict--bad'}`} role='status'>
              <Text className='verify__title'>{r.valid ? '✓ 证照有效' : '✗ 证照无效'}</Text>
              {r.reason ? <Text className='verify__reason'>{r.reason}</Text> : null}
            </View>
            <View className='card'>
              <KeyValue label='证照类型'>{r.type}</KeyValue>
              <KeyValue label='证照编号' code>
                {r.number}
              </KeyValue>
              <KeyValue label='持证主体'>{r.holderName}</KeyValue>
              <KeyValue label='发证机关'>{r.issuedBy}</KeyValue>
              <KeyValue label='发证时间'>{fullDateTime(r.issuedAt)}</KeyValue>
              <KeyValue label='有效期至'>{r.validTo ? dateLabel(r.validTo) : '长期'}</KeyValue>
              <KeyValue label='证照状态'>{CERTIFICATE_STATUS_LABELS[r.status]}</KeyValue>
              <KeyValue label='电子签名'>{r.signatureValid ? `验证通过（${r.algorithm}）` : '验证未通过'}</KeyValue>
            </View>
            <Text className='muted'>本页由政务服务中心提供，持证主体信息已脱敏显示。</Text>
          </View>
        )}
      </PageState>
    </AppPage>
  )
}
