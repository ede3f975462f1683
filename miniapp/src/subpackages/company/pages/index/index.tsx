import { ENTERPRISE_ROLE_LABELS } from '@gov/shared'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import SignedInPage from '@/components/SignedInPage'
import Button from '@/components/AppButton'
import Section from '@/components/Section'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import ActingBar from '@/components/ActingBar'
import { enterprisesApi } from '@/api/enterprises'
import { useMine } from '@/hooks/useMine'
import { ENTERPRISE_STATUS } from '@/utils/enterprise-status'
import '@/subpackages/company/company.scss'

/** 我的企业: the companies the user belongs to, with the way to create one and to delegate. */
export default function Companies() {
  const list = useMine(() => enterprisesApi.list())
  const items = list.data ?? []
  return (
    <SignedInPage className='companies' purpose='以企业名义办事'>
      <ActingBar />
      <Section title='我所在的企业' of={list} empty={items.length === 0} emptyText='您还没有加入任何企业' emptyHint='创建企业后，您是企业管理员，可添加经办人'>
        {items.map((e) => (
          <Tappable
            key={e.id}
            className='co-row'
            label={`${e.name}，${ENTERPRISE_ROLE_LABELS[e.role]}，${ENTERPRISE_STATUS[e.status].text}`}
            onTap={() => Taro.navigateTo({ url: `/subpackages/company/pages/detail/index?id=${e.id}` })}
          >
            <View className='co-row__main'>
              <Text className='co-row__title'>{e.name}</Text>
              <Text className='co-row__sub'>统一社会信用代码 {e.creditCode}</Text>
              {e.status === 'pending' ? <Text className='co-row__sub'>待大厅核验，核验通过前不能以企业名义办理</Text> : null}
            </View>
            <View className='co-tags'>
              <StatusTag tone={ENTERPRISE_STATUS[e.status].tone}>{ENTERPRISE_STATUS[e.status].text}</StatusTag>
              <StatusTag tone={e.role === 'admin' ? 'info' : 'muted'}>{ENTERPRISE_ROLE_LABELS[e.role]}</StatusTag>
            </View>
          </Tappable>
        ))}
      </Section>
      <View className='co-actions'>
        <Button type='primary' size='large' onClick={() => Taro.navigateTo({ url: '/subpackages/company/pages/create/index' })}>
          创建企业
        </Button>
        <Button type='primary' fill='outline' size='large' onClick={() => Taro.navigateTo({ url: '/subpackages/company/pages/authorizations/index' })}>
          授权委托
        </Button>
      </View>
    </SignedInPage>
  )
}
