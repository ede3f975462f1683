import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import Button from '@/components/AppButton'
import KeyValue from '@/components/KeyValue'
import PageState from '@/components/PageState'
import { catalogApi } from '@/api/catalog'
import { useAsync } from '@/hooks/useAsync'

interface Props {
  serviceId: string
  /** the label of the service's name (咨询事项, 办理事项) */
  serviceLabel: string
  /** the submit button's text */
  submitText: string
  busy: boolean
  onSubmit: () => void
}

/** A form about one service (在线咨询, 帮办代办): the service's name, the fields (children), then the submit button. */
export default function AskForm({ serviceId, serviceLabel, submitText, busy, onSubmit, children }: PropsWithChildren<Props>) {
  const guide = useAsync(() => catalogApi.guide(serviceId), [serviceId])
  return (
    <PageState of={guide} notFoundText='没有找到这个事项' onRetry={guide.reload}>
      <View className='card'>
        <KeyValue label={serviceLabel}>{guide.data?.name ?? '…'}</KeyValue>
        {children}
        <Button className='btn-block' block type='primary' size='large' loading={busy} onClick={onSubmit}>
          {submitText}
        </Button>
      </View>
    </PageState>
  )
}
