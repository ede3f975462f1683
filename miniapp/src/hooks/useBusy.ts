import { useCallback, useState } from 'react'
import { confirmDestructive, type Destructive } from '@/utils/confirm'

/**
 * A busy flag for an action the user started (a form sent, 提交, 撤回): on while `action` runs,
 * off afterwards whatever happens; a failure goes to `onError`.
 */
export function useBusy(): [boolean, (action: () => Promise<void>, onError: (e: unknown) => void) => Promise<void>] {
  const [busy, setBusy] = useState(false)
  const run = useCallback(async (action: () => Promise<void>, onError: (e: unknown) => void) => {
    setBusy(true)
    try {
      await action()
    } catch (e) {
      onError(e)
    } finally {
      setBusy(false)
    }
  }, [])
  return [busy, run]
}

/**
 * useBusy for a destructive action (撤回, 取消预约, 放弃排队): the user confirms it first
 * (confirmDestructive, `ask`); nothing runs when they keep things as they are.
 */
export function useConfirmedBusy(): [boolean, (ask: Destructive, action: () => Promise<void>, onError: (e: unknown) => void) => Promise<void>] {
  const [busy, whileBusy] = useBusy()
  const run = useCallback(
    async (ask: Destructive, action: () => Promise<void>, onError: (e: unknown) => void) => {
      if (await confirmDestructive(ask)) await whileBusy(action, onError)
    },
    [whileBusy],
  )
  return [busy, run]
}
