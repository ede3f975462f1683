import { Text, View } from '@tarojs/components'
import AppPage from '@/components/AppPage'
import PageState from '@/components/PageState'
import Tappable from '@/components/Tappable'
import { guidanceApi } from '@/api/guidance'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { openPage } from '@/utils/nav'
import '@/subpackages/guidance/components/guidance.scss'

/** 智能导办: the guided topics; each opens its questions. */
export default function GuidanceTopics() {
  const topics = useAsync(() => guidanceApi.topics(), [])
  usePullRefresh(topics.reload)
  return (
    <AppPage className='guidance'>
      <View className='info-box'>
        <Text>不知道该办哪些事项、带哪些材料？回答几个问题，为您列出要办的事项和个人材料清单。</Text>
      </View>
      <PageState of={topics} empty={topics.data?.length === 0} emptyText='暂无导办主题' onRetry={topics.reload}>
        {topics.data?.map((t) => (
          <Tappable key={t.id} className='card guidance__topic' onTap={() => openPage(withQuery(CITIZEN_ROUTES.guidanceTopic, { id: t.id }))}>
            <Text className='guidance__topic-title'>{t.title}</Text>
            <Text className='muted'>{t.summary}</Text>
          </Tappable>
        ))}
      </PageState>
      <Tappable className='card guidance__topic' onTap={() => openPage(CITIZEN_ROUTES.consultations)}>
        <Text className='guidance__topic-title'>我的咨询</Text>
        <Text className='muted'>向大厅提问，一个工作日内答复</Text>
      </Tappable>
      <Tappable className='card guidance__topic' onTap={() => openPage(CITIZEN_ROUTES.assistance)}>
        <Text className='guidance__topic-title'>我的帮办代办</Text>
        <Text className='muted'>大厅免费帮办、异地代办、一对一专办</Text>
      </Tappable>
    </AppPage>
  )
}
