import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'

interface Props {
  page: number
  pageSize: number
  total: number
  onPage: (page: number) => void
}

/** 上一页 / 下一页 under a long staff list, with where we are; nothing when everything fits on one page. */
export default function Pager({ page, pageSize, total, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  return (
    <View className='st-pager' role='navigation' aria-label='分页'>
      <Button size='small' fill='outline' type='primary' disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text className='st-line' aria-live='polite'>
        第 {page} / {pages} 页，共 {total} 条
      </Text>
      <Button size='small' fill='outline' type='primary' disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
