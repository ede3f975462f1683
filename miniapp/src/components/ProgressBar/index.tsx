import { View } from '@tarojs/components'
import './index.scss'

/** An upload progress bar (0–100) with its value for screen readers. */
export default function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const p = Math.max(0, Math.min(100, Math.round(percent)))
  return (
    <View
      className='progress-bar'
      role='progressbar'
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={p}
    >
      <View className='progress-bar__fill' style={{ width: `${p}%` }} />
    </View>
  )
}
