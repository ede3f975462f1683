import { Picker, Text, View } from '@tarojs/components'

interface Props {
  from: string
  to: string
  onFrom: (date: string) => void
  onTo: (date: string) => void
  /** the class of each date's tappable box */
  itemClassName: string
}

/** Two date pickers, 自 {from} and 至 {to} (YYYY-MM-DD): the start no later than the end. */
export default function DateRange({ from, to, onFrom, onTo, itemClassName }: Props) {
  return (
    <>
      <Picker mode='date' value={from} end={to} onChange={(e) => onFrom(String(e.detail.value))}>
        <View className={itemClassName} aria-label={`开始日期 ${from}，点击更改`}>
          <Text>自 {from}</Text>
        </View>
      </Picker>
      <Picker mode='date' value={to} start={from} onChange={(e) => onTo(String(e.detail.value))}>
        <View className={itemClassName} aria-label={`结束日期 ${to}，点击更改`}>
          <Text>至 {to}</Text>
        </View>
      </Picker>
    </>
  )
}
