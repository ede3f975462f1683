import { useCallback, useMemo, useState } from 'react'
import { errorMessage, isApiError } from '../api/client'

/** The key of the message about the form as a whole (shown by <FormError> above its submit button). */
export const FORM = 'form'

export type ErrorMap<F extends string> = Partial<Record<F | typeof FORM, string>>

export interface FormErrors<F extends string> {
  /** the message of a field, or of the whole form (`FORM`); undefined when there is none */
  of(field: F | typeof FORM): string | undefined
  /** the message of the whole form ('' when there is none): <FormError message={errors.form} /> */
  form: string
  /** some message is shown */
  any: boolean
  /** show these messages (and only these); e.g. after checking the fields before sending */
  set(errors: ErrorMap<F>): void
  /** show one message on the form (a refusal that no single field owns) */
  fail(message: string): void
  /**
   * A caught error from sending the form: the server's field errors (ApiError.fieldErrors) on the
   * fields the form shows (`shown`); otherwise one message on the form (a field error the form has
   * no field for, or the error's message).
   */
  failWith(e: unknown, shown?: readonly F[]): void
  /** the user changed a field: its own message and the form's message go (what they said may no longer hold) */
  changed(field?: F): void
  /** the form went through (or was reset): every message goes */
  clear(): void
  /** the props of a field's input (FormField, ServicePick): its value, its message, and a change that clears the message (`changed`) */
  field<V = string>(name: F, value: V, set: (value: V) => void): { value: V; error: string | undefined; onChange: (value: V) => void }
}

/**
 * The one form-error behaviour of the app: a message per field and one for the form; a change to a
 * field clears that field's message and the form's message, a success clears all. Pages show the
 * messages with FormField's `error` and components/FormError.
 */
export function useFormErrors<F extends string = string>(): FormErrors<F> {
  const [errors, setErrors] = useState<ErrorMap<F>>({})

  const changed = useCallback((field?: F) => {
    setErrors((cur) => {
      if (!cur[FORM] && (field === undefined || !cur[field])) return cur
      const next = { ...cur }
      delete next[FORM]
      if (field !== undefined) delete next[field]
      return next
    })
  }, [])
  const clear = useCallback(() => setErrors((cur) => (Object.keys(cur).length ? {} : cur)), [])
  const set = useCallback((e: ErrorMap<F>) => {
    const next: ErrorMap<F> = {}
    for (const [k, v] of Object.entries(e) as Array<[F | typeof FORM, string | undefined]>) if (v) next[k] = v
    setErrors(next)
  }, [])
  const fail = useCallback((message: string) => setErrors({ [FORM]: message } as ErrorMap<F>), [])
  const failWith = useCallback((e: unknown, shown: readonly F[] = []) => {
    const fields = isApiError(e) ? e.fieldErrors : {}
    const mine = Object.entries(fields).filter(([k]) => (shown as readonly string[]).includes(k))
    if (mine.length) setErrors(Object.fromEntries(mine) as ErrorMap<F>)
    else setErrors({ [FORM]: Object.values(fields)[0] ?? errorMessage(e) } as ErrorMap<F>)
  }, [])

  return useMemo(
    () => ({
      of: (field: F | typeof FORM) => errors[field],
      form: errors[FORM] ?? '',
      any: Object.keys(errors).length > 0,
      set,
      fail,
      failWith,
      changed,
      clear,
      field: <V>(name: F, value: V, set: (value: V) => void) => ({
        value,
        error: errors[name],
        onChange: (v: V) => {
          set(v)
          changed(name)
        },
      }),
    }),
    [errors, set, fail, failWith, changed, clear],
  )
}
