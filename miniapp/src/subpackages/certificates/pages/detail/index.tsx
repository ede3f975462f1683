import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { LINKS } from '@gov/shared'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import { errorMessage } from '@/api/client'
import { certificatesApi } from '@/api/certificates'
import { useAsync } from '@/hooks/useAsync'
import { openFile } from '@/platform'
import { session, useSession } from '@/store/session'
import { openPage, toast } from '@/utils/nav'
import { fullDateTime } from '@/utils/time'
import CertificateCard from '@/subpackages/certificates/components/CertificateCard'
import '@/subpackages/certificates/certificates.scss'

/** One certificate: its particulars, the QR code of its public verification page, the PDF, and the filing it came from. */
export default function CertificateDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { accessToken } = useSession()
  const cert = useAsync(() => certificatesApi.get(id), [id, accessToken], !!id && !!accessToken)
  const c = cert.data

  const pdf = async () => {
    if (!c) return
    const t = session.get().accessToken
    try {
      await openFile({ url: certificatesApi.pdfPath(c.id), fileName: `${c.type}-${c.number}.pdf`, authorization: t ? `Bearer ${t}` : undefined, fileType: 'pdf' })
    } catch (e) {
      toast(errorMessage(e))
    }
  }

  return (
    <SignedInPage className='certificate' purpose='查看电子证照'>
      <PageState of={cert} notFound={!id} notFoundText='缺少证照编号'>
        {(c) => (
          <View>
            <CertificateCard c={c} />
            <View className='card cert-qr'>
              {c.qrImage ? <Image className='cert-qr__image' src={c.qrImage} mode='aspectFit' aria-label='证照核验二维码' /> : null}
              <Text className='cert-qr__caption'>出示此二维码，他人扫码即可核验证照真伪和状态（无需登录）</Text>
            </View>
            <View className='card'>
              <KeyValue label='证照编号' code copy={c.number}>
                {c.number}
              </KeyValue>
              <KeyValue label='核验码' code copy={c.verifyCode}>
                {c.verifyCode}
              </KeyValue>
              <KeyValue label='发证时间'>{fullDateTime(c.issuedAt)}</KeyValue>
              <KeyValue label='办理事项'>{c.serviceName}</KeyValue>
            </View>
            <View className='card'>
              <Button block type='primary' onClick={() => void pdf()}>
                下载证照（PDF）
              </Button>
              <Button block fill='outline' type='primary' onClick={() => openPage(c.verifyPath)}>
                打开核验页面
              </Button>
              <Button block fill='none' type='primary' onClick={() => openPage(LINKS.filing(c.applicationId))}>
                查看办件
              </Button>
            </View>
          </View>
        )}
      </PageState>
    </SignedInPage>
  )
}
