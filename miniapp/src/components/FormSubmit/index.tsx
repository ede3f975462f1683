import type { PropsWithChildren } from 'react'
import Button from '../AppButton'
import FormError from '../FormError'

interface Props {
  /** the message of the whole form (hooks/useFormErrors `form`), above the button */
  error: string
  loading: boolean
  onSubmit: () => void
}

/** The foot of a form: its message (FormError), then its wide primary submit button (登录, 查询, 提交 …). */
export default function FormSubmit({ error, loading, onSubmit, children }: PropsWithChildren<Props>) {
  return (
    <>
      <FormError message={error} />
      <Button className='btn-block' block type='primary' size='large' loading={loading} onClick={onSubmit}>
        {children}
      </Button>
    </>
  )
}
