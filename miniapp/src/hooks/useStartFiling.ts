import Taro from '@tarojs/taro'
import { isApiError } from '@/api/client'
import { ROUTES } from '@/routes'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { acting } from '@/store/acting'
import { toast } from '@/utils/nav'
import { useBusy } from './useBusy'
import { useFormErrors, type FormErrors } from './useFormErrors'

/**
 * 开始申报 / 一件事 申请: `start(create)` makes the draft filing (in the name the acting bar shows)
 * and opens it; the next errand starts from 本人 again. 实名认证 missing: says so and opens
 * 实名认证; any other refusal is the form's message (`errors.form`, shown by <FormError>).
 */
export function useStartFiling(): { busy: boolean; errors: FormErrors<string>; start: (create: () => Promise<{ id: string }>) => Promise<void> } {
  const [busy, whileBusy] = useBusy()
  const errors = useFormErrors()
  const start = (create: () => Promise<{ id: string }>) =>
    whileBusy(async () => {
      const filing = await create()
      acting.done()
      errors.clear()
      Taro.redirectTo({ url: withQuery(CITIZEN_ROUTES.filing, { id: filing.id }) })
    }, (e) => {
      if (isApiError(e) && e.code === 'REAL_NAME_REQUIRED') {
        toast(e.message)
        Taro.navigateTo({ url: ROUTES.verify })
      } else {
        errors.failWith(e)
      }
    })
  return { busy, errors, start }
}
