import { useState } from 'react'
import { ENTERPRISE_STATUS_LABELS, type EnterpriseStatus } from '@gov/shared'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import Segmented from '@/components/Segmented'
import StatusTag from '@/components/StatusTag'
import { staffApi, type StaffEnterpriseView } from '@/api/staff'
import { ENTERPRISE_STATUS } from '@/utils/enterprise-status'
import { fullDateTime } from '@/utils/time'
import ReasonSheet from '@/subpackages/staff/components/ReasonSheet'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { onePage, useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'
import ButtonRow from '@/components/ButtonRow'

/**
 * 企业核验: companies whose creator is not their legal representative wait here until window staff
 * have seen the business licence (and the creator's authority) and verify or reject them, with a
 * note the creator reads. The oldest waits first.
 */
export default function StaffEnterprises() {
  const [filter, setFilter] = useState<EnterpriseStatus>('pending')
  const { list } = useStaffList(() => staffApi.enterprises(filter).then(onePage), [filter])
  const [deciding, setDeciding] = useState<{ company: StaffEnterpriseView; approve: boolean } | null>(null)

  return (
    <StaffListPage
      title='企业核验'
      list={list}
      emptyText={filter === 'pending' ? '没有待核验的企业' : '没有符合条件的企业'}
      head={
        <>
          <Segmented label='核验状态' value={filter} options={ENTERPRISE_STATUS_LABELS} onChange={setFilter} />
          <Text className='st-line' style={{ margin: '0 12px' }}>
            请核对营业执照原件：企业名称、统一社会信用代码、法定代表人与登记一致；登记人不是法定代表人的，核对其授权书。
          </Text>
        </>
      }
      renderItem={(c) => (
        <View key={c.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>{c.name}</Text>
            <StatusTag tone={ENTERPRISE_STATUS[c.status].tone}>{ENTERPRISE_STATUS[c.status].text}</StatusTag>
          </View>
          <Text className='st-text'>统一社会信用代码 {c.creditCode}</Text>
          <Text className='st-line'>法定代表人 {c.legalRepName}</Text>
          <Text className='st-line'>
            登记人 {c.creator.name ?? '—'} {c.creator.phone ?? ''} · 登记于 {fullDateTime(c.createdAt)}
          </Text>
          {c.status === 'pending' && c.rivalClaims > 0 ? (
            <Text className='st-line st-line--alert'>同一代码另有 {c.rivalClaims} 个待核验的登记：通过其中一个，其余自动不通过。</Text>
          ) : null}
          {c.reviewNote ? <Text className='st-line'>核验说明：{c.reviewNote}</Text> : null}
          {c.reviewedAt ? <Text className='st-line'>核验于 {fullDateTime(c.reviewedAt)}</Text> : null}
          {c.status === 'pending' && (
            <ButtonRow className='st-actions'>
              <Button size='small' type='danger' fill='outline' onClick={() => setDeciding({ company: c, approve: false })}>
                不通过
              </Button>
              <Button size='small' type='primary' onClick={() => setDeciding({ company: c, approve: true })}>
                核验通过
              </Button>
            </ButtonRow>
          )}
        </View>
      )}
    >
      <ReasonSheet
        target={deciding}
        title={deciding?.approve ? `核验通过：${deciding.company.name}` : `不通过：${deciding?.company.name ?? ''}`}
        label={deciding?.approve ? '核验说明（选填）' : '未通过原因'}
        minLength={deciding?.approve ? 0 : 2}
        description={
          deciding?.approve
            ? '通过后企业即可以企业名义预约、申报和授权代办，登记人会收到通知。'
            : '登记人会收到这条原因；企业不能以企业名义办理。'
        }
        confirmText={deciding?.approve ? '通过' : '不通过'}
        danger={!deciding?.approve}
        onDecide={(d, note) => staffApi.verifyEnterprise(d.company.id, d.approve, note)}
        done={(d) => (d.approve ? '已核验通过' : '已标记为不通过')}
        onDone={list.reload}
        onClose={() => setDeciding(null)}
      />
    </StaffListPage>
  )
}
