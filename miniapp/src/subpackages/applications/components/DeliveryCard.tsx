import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ADDRESS_LIMITS, checkPostalAddress, DELIVERY_METHOD_LABELS, DELIVERY_OPEN_STATUSES, PHONE_INPUT_MAX_LENGTH, type DeliveryMethod } from '@gov/shared'
import Button from '@/components/AppButton'
import FormError from '@/components/FormError'
import FormField from '@/components/FormField'
import KeyValue from '@/components/KeyValue'
import Segmented from '@/components/Segmented'
import { filingsApi, type RatedApplicationView } from '@/api/filings'
import { useBusy } from '@/hooks/useBusy'
import { useFormErrors } from '@/hooks/useFormErrors'
import { toast } from '@/utils/nav'
import { fullDateTime } from '@/utils/time'

type AddressField = 'name' | 'phone' | 'region' | 'detail'

const HINTS: Record<DeliveryMethod, string> = {
  window: '办结后通知您领取的地点和时间，凭身份证件到窗口领取。',
  post: '办结后按您填写的地址免费邮寄，可在此查看快递单号。',
  online: '办结后电子证照放入“我的证照”，决定书可在本页下载。',
}

/**
 * 送达方式 (新乡 四(六)): how the result reaches the applicant, chosen among the service's published
 * methods, with the postal address for post (shown masked once saved), the tracking number once
 * posted, and where and when to collect once ready at the window. Changeable until handed over.
 */
export default function DeliveryCard({ filing, onChanged }: { filing: RatedApplicationView; onChanged: () => void }) {
  const d = filing.delivery
  const open = DELIVERY_OPEN_STATUSES.includes(filing.status)
  const methods = filing.deliveryMethods
  const [editing, setEditing] = useState(false)
  const [method, setMethod] = useState<DeliveryMethod>(d?.method ?? methods[0] ?? 'window')
  const [address, setAddress] = useState<Record<AddressField, string>>({ name: '', phone: '', region: '', detail: '' })
  const errors = useFormErrors<AddressField>()
  const [saving, whileSaving] = useBusy()

  if (!methods.length) return null
  const field = (k: AddressField) => errors.field(k, address[k], (v) => setAddress((a) => ({ ...a, [k]: v })))

  const save = async () => {
    if (method === 'post') {
      const checked = checkPostalAddress(address)
      if (!checked.address) {
        errors.set(Object.fromEntries(checked.problems.map((p) => [p.field.replace('address.', ''), p.message])))
        return
      }
    }
    await whileSaving(async () => {
      await filingsApi.chooseDelivery(filing.id, method === 'post' ? { method, address } : { method })
      errors.clear()
      setEditing(false)
      toast('已保存送达方式', 'success')
      onChanged()
    }, (e) => errors.failWith(e, ['name', 'phone', 'region', 'detail']))
  }

  // after submission, a filing with no choice yet asks for one at once
  const showForm = open && (editing || (!d && filing.status !== 'draft'))
  return (
    <View className='card delivery' role='region' aria-label='送达方式'>
      <View className='delivery__head'>
        <Text className='delivery__title'>送达方式</Text>
        {open && !showForm ? (
          <Button size='small' fill='none' type='primary' onClick={() => setEditing(true)}>
            {d ? '修改' : '选择'}
          </Button>
        ) : null}
      </View>
      {d ? (
        <>
          <KeyValue label='方式'>{DELIVERY_METHOD_LABELS[d.method]}{d.chosenBy === 'staff' ? '（窗口登记）' : ''}</KeyValue>
          {d.address ? (
            <KeyValue label='收件地址'>
              {d.address.name} {d.address.phone} {d.address.region}
              {d.address.detail}
            </KeyValue>
          ) : null}
          {d.trackingNo ? (
            <KeyValue label='快递单号' code copy={d.trackingNo}>
              {d.trackingNo}
            </KeyValue>
          ) : null}
          {d.pickup ? (
            <View className='banner banner--info' role='status'>
              <Text className='banner__title'>办理结果已可领取</Text>
              <Text className='banner__line'>地点：{d.pickup.place}</Text>
              <Text className='banner__line'>时间：{d.pickup.hours}</Text>
              <Text className='banner__line'>请携带本人身份证件原件；委托他人领取的，另带授权委托书。</Text>
            </View>
          ) : null}
          {d.at ? <KeyValue label='送达时间'>{fullDateTime(d.at)}</KeyValue> : null}
        </>
      ) : (
        <Text className='muted'>{open ? `可选：${methods.map((m) => DELIVERY_METHOD_LABELS[m]).join('、')}` : '未选择'}</Text>
      )}
      {showForm ? (
        <View className='delivery__form'>
          <Segmented label='送达方式' value={method} options={methods.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))} onChange={(m) => { setMethod(m); errors.changed() }} />
          <Text className='muted'>{HINTS[method]}</Text>
          {method === 'post' ? (
            <>
              <FormField label='收件人' placeholder='姓名' maxlength={ADDRESS_LIMITS.name} {...field('name')} />
              <FormField label='手机号' placeholder='收件人手机号' maxlength={PHONE_INPUT_MAX_LENGTH} {...field('phone')} />
              <FormField label='所在地区' placeholder='如 河南省清河市龙湖区' maxlength={ADDRESS_LIMITS.region} {...field('region')} />
              <FormField label='详细地址' placeholder='街道、门牌号、楼栋单元' maxlength={ADDRESS_LIMITS.detail} {...field('detail')} />
              <Text className='muted'>地址仅用于邮寄本件办理结果，加密保存。</Text>
            </>
          ) : null}
          <FormError message={errors.form} />
          <Button block type='primary' loading={saving} onClick={() => void save()}>
            保存送达方式
          </Button>
          {editing ? (
            <Button block fill='none' onClick={() => { setEditing(false); errors.clear() }}>
              取消
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
