import { useRouter } from '@tarojs/taro'
import AppPage from '@/components/AppPage'
import { NotFound } from '@/components/PageState'

/**
 * Where an unknown address lands (app.ts sends every page-not-found here): says so, with the
 * address asked for, and a way home (首页, or 工作台 for a desk address).
 */
export default function PageNotFound() {
  const asked = useRouter().params.path ?? ''
  return (
    <AppPage className='not-found' title='页面不存在'>
      <NotFound text='页面不存在' hint={asked ? `没有找到地址为 ${decodeURIComponent(asked)} 的页面，链接可能有误或已失效。` : '链接可能有误或已失效。'} from={decodeURIComponent(asked)} />
    </AppPage>
  )
}
