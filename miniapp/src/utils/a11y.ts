import { isH5 } from '../platform'

/**
 * The browser semantics of one option in a set (a radio of a radio group, a tab of a tab list):
 * its role, checked/selected state, keyboard focus and Enter/Space. Spread onto the option's View;
 * nothing in mini-programs, which have no such attributes.
 */
export function optionA11y(role: 'radio' | 'tab', selected: boolean, onSelect: () => void, label?: string): object {
  if (!isH5) return {}
  return {
    role,
    tabIndex: 0,
    [role === 'radio' ? 'aria-checked' : 'aria-selected']: selected ? 'true' : 'false',
    ...(label ? { 'aria-label': label } : {}),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        onSelect()
      }
    },
  }
}
