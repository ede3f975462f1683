import { useCallback, useState } from 'react'

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
