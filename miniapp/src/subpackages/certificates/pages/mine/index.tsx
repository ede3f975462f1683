import { Text, View } from '@tarojs/components'
import { LINKS } from '@gov/shared'
import SignedInPage from '@/components/SignedInPage'
import PageState from '@/components/PageState'
import { certificatesApi } from '@/api/certificates'
import { useMine } from '@/hooks/useMine'
import { openPage } from '@/utils/nav'
import CertificateCard from '@/subpackages/certificates/components/CertificateCard'
import '@/subpackages/certificates/certificates.scss'

/** 证照夹: the electronic certificates issued to the user and to their companies, newest first. */
export default function MyCertificates() {
  const list = useMine(() => certificatesApi.mine())
  const items = list.data ?? []
  return (
    <SignedInPage className='certificates' purpose='查看我的证照'>
      <PageState
        of={list}
        empty={items.length === 0}
        emptyText='您还没有电子证照'
        emptyHint={<Text>发证类事项（如营业执照、食品经营许可证）准予许可后，电子证照会自动放入这里；以后办理其他事项时可直接调用，免于提交。</Text>}
      >
        <View>
          {items.map((c) => (
            <CertificateCard key={c.id} c={c} onTap={() => openPage(LINKS.certificate(c.id))} />
          ))}
        </View>
      </PageState>
    </SignedInPage>
  )
}
