import { Picker, Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import { shanghaiDate } from '@/utils/time'

interface Props {
  /** YYYY-MM-DD, Asia/Shanghai */
  date: string
  onChange: (date: string) => void
  /** what the date means, read before it (default 日期) */
  label?: string
}

/** The desk's day toolbar: the date in a picker, and 回到今天 when another day is shown. */
export default function DayPicker({ date, onChange, label = '日期' }: Props) {
  return (
    <View className='st-toolbar'>
      <Picker mode='date' value={date} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='st-date' aria-label={`${label} ${date}，点击更改`}>
          <Text>
            {label} {date}
          </Text>
          <Text className='muted'>更改</Text>
        </View>
      </Picker>
      {date !== shanghaiDate() && (
        <Button size='small' fill='outline' type='primary' onClick={() => onChange(shanghaiDate())}>
          回到今天
        </Button>
      )}
    </View>
  )
}

/** A `?date=` page parameter when it is a date, else today (Asia/Shanghai). */
export const dayParam = (asked: string | undefined): string => (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : shanghaiDate())
