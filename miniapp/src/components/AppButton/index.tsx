import { Button } from '@nutui/nutui-react-taro'
import type { ButtonProps } from '@nutui/nutui-react-taro'
import { isH5 } from '@/platform'

/**
 * NutUI Button with the semantics a browser needs: on H5 Taro renders buttons as <div>, so
 * this adds role="button", keyboard focus and Enter/Space activation (screen readers and
 * Playwright's getByRole('button', { name }) then find it by its visible text).
 */
export default function AppButton(props: Partial<ButtonProps>) {
  if (!isH5) return <Button {...props} />
  const inactive = !!(props.disabled || props.loading)
  const a11y = {
    role: 'button',
    tabIndex: inactive ? -1 : 0,
    'aria-disabled': inactive ? 'true' : undefined,
    'aria-busy': props.loading ? 'true' : undefined,
    onKeyDown: (e: KeyboardEvent) => {
      if ((e.key === 'Enter' || e.key === ' ') && !inactive) {
        e.preventDefault()
        props.onClick?.(e as unknown as Parameters<NonNullable<ButtonProps['onClick']>>[0])
      }
    },
  }
  return <Button {...props} {...(a11y as object)} />
}
