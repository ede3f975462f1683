import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { dateLabel, type RegisteredBookingView } from '@gov/shared'
import Button from '@/components/AppButton'
import Code from '@/components/Code'
import FormError from '@/components/FormError'
import FormField from '@/components/FormField'
import PageState from '@/components/PageState'
import ServicePick, { type PickedService } from '@/components/ServicePick'
import { bookingApi } from '@/api/booking'
import { staffApi } from '@/api/staff'
import { useAsync } from '@/hooks/useAsync'
import { useFormErrors } from '@/hooks/useFormErrors'
import { shanghaiDate, shanghaiTime } from '@/utils/time'
import Choice from '@/subpackages/staff/Choice'
import DayPicker from '@/subpackages/staff/components/DayPicker'

type Field = 'service' | 'slotId' | 'name' | 'phone' | 'idNumber'

/**
 * 登记预约: a booking for someone without the app (a phone call or a walk-in; POST /staff/bookings):
 * the service, a free slot of a day at the desk's hall, the name and mobile number staff took, and an
 * ID number when the person showed one (verifies their account). The same admission rules as any
 * booking; the check-in code is shown to read out, and goes by SMS where the centre has a provider.
 */
export default function RegisterForm({ hallId, onRegistered }: { hallId: string; onRegistered: () => void }) {
  const [service, setService] = useState<PickedService | null>(null)
  const [day, setDay] = useState(shanghaiDate())
  const [slotId, setSlotId] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<RegisteredBookingView | null>(null)
  const errors = useFormErrors<Field>()
  const slots = useAsync(() => bookingApi.slots(service!.id, hallId, day, day), [service?.id, hallId, day], !!service)
  const open = (slots.data ?? []).filter((s) => s.remaining > 0)

  /** another service: its own slots, so the chosen one goes */
  const pickService = (v: PickedService | null) => {
    setService(v)
    setSlotId(null)
    errors.changed('service')
  }

  const register = async () => {
    const missing = {
      service: service ? undefined : '请选择办理事项',
      slotId: slotId ? undefined : '请选择预约时段',
      name: name.trim() ? undefined : '请填写姓名',
      phone: /^1\d{10}$/.test(phone.trim()) ? undefined : '请填写 11 位手机号',
    }
    if (Object.values(missing).some(Boolean)) return errors.set(missing)
    setBusy(true)
    try {
      const b = await staffApi.registerBooking({ slotId: slotId!, serviceId: service!.id, name: name.trim(), phone: phone.trim(), ...(idNumber.trim() ? { idNumber: idNumber.trim() } : {}) })
      errors.clear()
      setDone(b)
      setSlotId(null)
      setName('')
      setPhone('')
      setIdNumber('')
      slots.reload()
      onRegistered()
    } catch (e) {
      errors.failWith(e, ['slotId', 'name', 'phone', 'idNumber'])
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card st-register'>
      <Text className='st-item__title'>登记预约（电话/现场）</Text>
      {done ? (
        <View className='st-checkin__result' role='status'>
          <Text className='st-text'>
            已登记：{done.applicant.name ?? '申请人'} · {dateLabel(done.start)} {shanghaiTime(done.start)} · 签到码 <Code>{done.code}</Code>
          </Text>
          <Text className='st-line'>{done.smsQueued ? '签到码将以短信发给申请人；请同时当面或电话告知签到码。' : '短信未发出，请把签到码告知申请人。'}</Text>
        </View>
      ) : null}
      <ServicePick value={service} onChange={pickService} error={errors.of('service')} />
      {service ? (
        <>
          <DayPicker
            label='预约日期'
            date={day}
            onChange={(d) => {
              setDay(d)
              setSlotId(null)
            }}
          />
          <PageState of={slots} empty={!!slots.data && open.length === 0} emptyText='这一天没有可约的时段，请换一天'>
            <View className='st-choice-row' role='radiogroup' aria-label='预约时段'>
              {open.map((s) => (
                <Choice
                  key={s.id}
                  on={slotId === s.id}
                  label={`${shanghaiTime(s.start)} 余${s.remaining}`}
                  onTap={() => {
                    setSlotId(s.id)
                    errors.changed('slotId')
                  }}
                />
              ))}
            </View>
          </PageState>
          {errors.of('slotId') ? (
            <View className='field__error' role='alert'>
              {errors.of('slotId')}
            </View>
          ) : null}
        </>
      ) : null}
      <FormField label='姓名' maxlength={64} {...errors.field('name', name, setName)} />
      <FormField label='手机号（接收签到码短信）' type='number' maxlength={11} {...errors.field('phone', phone, setPhone)} />
      <FormField label='身份证号（选填，现场核验证件时填写）' type='idcard' maxlength={18} {...errors.field('idNumber', idNumber, setIdNumber)} />
      <FormError message={errors.form} />
      <Button block type='primary' loading={busy} onClick={() => void register()}>
        登记预约
      </Button>
    </View>
  )
}
