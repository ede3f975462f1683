import Code from '@/components/Code'
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import StatusTag from '@/components/StatusTag'
import { errorMessage } from '@/api/client'
import { staffApi, type FollowUpView } from '@/api/staff'
import { fullDateTime, shanghaiDate } from '@/utils/time'
import { toast } from '@/utils/nav'
import Choice from '@/subpackages/staff/Choice'
import ReasonSheet from '@/subpackages/staff/components/ReasonSheet'
import StaffListPage from '@/subpackages/staff/components/StaffListPage'
import { useStaffList } from '@/subpackages/staff/components/useStaffList'
import '@/subpackages/staff/staff.scss'
import ButtonRow from '@/components/ButtonRow'

/** The month's sampled filings for follow-up calls: reveal the phone (audited) and record the outcome. */
export default function FollowUps() {
  const [month, setMonth] = useState(shanghaiDate().slice(0, 7))
  const { list } = useStaffList((p) => staffApi.followUps(month, p), [month])
  const [phones, setPhones] = useState<Record<string, string>>({})
  const [revealing, setRevealing] = useState<string | null>(null)
  const [recording, setRecording] = useState<FollowUpView | null>(null)
  const [reached, setReached] = useState(true)
  const [satisfied, setSatisfied] = useState<boolean | null>(true)
  const [note, setNote] = useState('')

  const reveal = async (c: FollowUpView) => {
    setRevealing(c.id)
    try {
      const r = await staffApi.revealFollowUpPhone(c.id)
      setPhones((p) => ({ ...p, [c.id]: r.phone ?? '无手机号' }))
    } catch (e) {
      toast(errorMessage(e))
    } finally {
      setRevealing(null)
    }
  }

  return (
    <StaffListPage
      title='办件回访'
      list={list}
      emptyText='本月没有抽中的回访办件'
      head={
        <View className='st-toolbar'>
          <Picker mode='date' fields='month' value={month} onChange={(e) => setMonth(String(e.detail.value).slice(0, 7))}>
            <View className='st-date' aria-label={`月份 ${month}，点击更改`}>
              <Text>月份 {month}</Text>
              <Text className='muted'>更改</Text>
            </View>
          </Picker>
        </View>
      }
      footer={<Text className='st-line'>查看完整号码会记入审计日志。</Text>}
      renderItem={(c) => (
        <View key={c.id} className='st-item'>
          <View className='st-item__head'>
            <Text className='st-item__title'>{c.serviceName}</Text>
            <View className='st-tags'>
              {c.keyProject ? <StatusTag tone='danger'>重点项目</StatusTag> : null}
              <StatusTag tone={c.status === 'done' ? 'success' : 'warning'}>{c.status === 'done' ? '已回访' : '待回访'}</StatusTag>
            </View>
          </View>
          <Text className='st-line'>
            <Code>{c.number}</Code> · 申请人 {c.applicant.name ?? '—'}
            {c.deliveredAt ? ` · 送达于 ${fullDateTime(c.deliveredAt)}` : ''}
          </Text>
          <Text className='st-text'>电话：{phones[c.id] ?? c.applicant.phone ?? '—'}</Text>
          {c.status === 'done' ? (
            <Text className='st-line'>
              {c.reached ? `已联系上 · ${c.satisfied === true ? '满意' : c.satisfied === false ? '不满意' : '未表态'}` : '未联系上'}
              {c.note ? ` · ${c.note}` : ''}
            </Text>
          ) : null}
          <ButtonRow className='st-actions'>
            {!phones[c.id] && (
              <Button size='small' fill='outline' type='primary' loading={revealing === c.id} onClick={() => void reveal(c)}>
                查看完整号码
              </Button>
            )}
            <Button
              size='small'
              type='primary'
              onClick={() => {
                setReached(true)
                setSatisfied(true)
                setNote('')
                setRecording(c)
              }}
            >
              {c.status === 'done' ? '修改回访结果' : '记录回访结果'}
            </Button>
          </ButtonRow>
        </View>
      )}
    >
      <ReasonSheet
        target={recording}
        title='回访结果'
        confirmText='保存'
        onDecide={(c) => staffApi.followUpOutcome(c.id, { reached, satisfied: reached ? satisfied : null, note: note.trim() })}
        done='已记录'
        onDone={list.reload}
        onClose={() => setRecording(null)}
      >
        <Text className='field__label'>是否联系上申请人</Text>
        <View className='st-choice-row' role='radiogroup' aria-label='是否联系上'>
          <Choice on={reached} label='已联系上' onTap={() => setReached(true)} />
          <Choice bad on={!reached} label='未联系上' onTap={() => setReached(false)} />
        </View>
        {reached && (
          <>
            <Text className='field__label'>申请人是否满意</Text>
            <View className='st-choice-row' role='radiogroup' aria-label='是否满意'>
              <Choice on={satisfied === true} label='满意' onTap={() => setSatisfied(true)} />
              <Choice bad on={satisfied === false} label='不满意' onTap={() => setSatisfied(false)} />
              <Choice on={satisfied === null} label='未表态' onTap={() => setSatisfied(null)} />
            </View>
          </>
        )}
        <FormField label='回访记录' value={note} onChange={setNote} multiline maxlength={1000} placeholder='选填' />
      </ReasonSheet>
    </StaffListPage>
  )
}
