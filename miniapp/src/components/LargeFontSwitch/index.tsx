import { Switch } from '@nutui/nutui-react-taro'
import { settings, useSettings } from '@/store/settings'

/**
 * The 大字模式 switch (store/settings): larger text and buttons on every page at once, kept across
 * launches. Read out as a switch with its state; the row around it says what it does.
 */
export default function LargeFontSwitch() {
  const { largeFont } = useSettings()
  return (
    <Switch
      aria-label='大字模式'
      {...({ role: 'switch', 'aria-checked': largeFont ? 'true' : 'false' } as object)}
      checked={largeFont}
      onChange={(v: boolean) => settings.setLargeFont(v)}
    />
  )
}
