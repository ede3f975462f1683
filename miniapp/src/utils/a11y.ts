import { isH5 } from '../platform'

/**
 * A keydown handler that activates a control as a browser button does: on Enter or Space (or only
 * the keys given, e.g. Enter for a link), without scrolling the page.
 */
export function onActivateKey(activate: () => void, keys: readonly string[] = ['Enter', ' ']): (e: KeyboardEvent) => void {
  return (e: KeyboardEvent) => {
    if (keys.includes(e.key)) {
      e.preventDefault()
      activate()
    }
  }
}

/**
 * The browser semantics of one option in a set (a radio of a radio group, a box of a checkbox
 * group, a tab of a tab list): its role, checked/selected state, keyboard focus and Enter/Space.
 * Spread onto the option's View; nothing in mini-programs, which have no such attributes.
 */
export function optionA11y(role: 'radio' | 'checkbox' | 'tab', selected: boolean, onSelect: () => void, label?: string, disabled?: boolean): object {
  if (!isH5) return {}
  return {
    role,
    tabIndex: 0,
    [role === 'tab' ? 'aria-selected' : 'aria-checked']: selected ? 'true' : 'false',
    ...(label ? { 'aria-label': label } : {}),
    ...(disabled ? { 'aria-disabled': 'true' } : {}),
    onKeyDown: onActivateKey(onSelect),
  }
}
