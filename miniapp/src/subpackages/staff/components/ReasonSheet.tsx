import type { ComponentProps } from 'react'
import ReasonDialog from '@/components/ReasonDialog'
import { toast } from '@/utils/nav'

type DialogProps = ComponentProps<typeof ReasonDialog>

interface Props<T> extends Omit<DialogProps, 'visible' | 'onConfirm' | 'onClose'> {
  /** the item being decided; the sheet is open while it is set */
  target: T | null
  /** runs the decision (a thrown error is shown in the sheet) */
  onDecide: (target: T, text: string) => Promise<unknown>
  /** the toast after a decision */
  done: string | ((target: T) => string)
  doneIcon?: 'success' | 'none'
  /** after the toast, e.g. reload the list */
  onDone: () => void
  onClose: () => void
}

/** The decision sheet of a staff list: a ReasonDialog for one item that toasts and reloads on success. */
export default function ReasonSheet<T>({ target, onDecide, done, doneIcon = 'success', onDone, onClose, ...dialog }: Props<T>) {
  return (
    <ReasonDialog
      {...dialog}
      visible={!!target}
      onConfirm={async (text) => {
        if (!target) return
        await onDecide(target, text)
        toast(typeof done === 'function' ? done(target) : done, doneIcon)
        onDone()
      }}
      onClose={onClose}
    />
  )
}
