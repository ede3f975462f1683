import Taro from '@tarojs/taro'
import { errorMessage } from '@/api/client'

/** The colour of a destructive action (theme $color-danger): the confirm button of such a dialog. */
export const DANGER_COLOR = '#b91c1c'

export interface Destructive {
  title: string
  /** what will be lost or cannot be undone */
  content: string
  /** the action, in the dialog's red button (e.g. 确定取消, 删除, 注销) */
  confirmText: string
  /** keeping things as they are (e.g. 再想想) */
  cancelText?: string
}

/**
 * The one confirmation of a destructive action (取消预约, 删除, 撤回, 注销 …): the platform's modal
 * with the action in red, so that it is not mistaken for the app's ordinary (blue) confirmation.
 * Resolves true when the user confirmed.
 */
export async function confirmDestructive({ title, content, confirmText, cancelText = '取消' }: Destructive): Promise<boolean> {
  const r = await Taro.showModal({ title, content, confirmText, cancelText, confirmColor: DANGER_COLOR })
  return !!r.confirm
}

/**
 * Why an action the user asked for failed (取消失败, 改约失败 …), in a modal they dismiss: for an
 * answer that must not pass unnoticed, as a toast could.
 */
export function showFailure(title: string, e: unknown): void {
  void Taro.showModal({ title, content: errorMessage(e), showCancel: false })
}
