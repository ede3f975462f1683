import Taro from '@tarojs/taro'

// ---- WeChat privacy authorisation (用户隐私保护指引) ----
//
// WeChat calls onNeedPrivacyAuthorization when a privacy API (phone number, camera, album, chat
// files, location, clipboard…) is used before the user agreed to the mini-program's privacy guide.
// We show our own consent sheet (components/PrivacySheet, with a button of
// open-type="agreePrivacyAuthorization") and resolve WeChat's request with the user's answer. A page
// without the sheet mounted falls back to the privacy guide page, which carries the same buttons.
// H5 and Alipay: no-ops (Alipay asks for each permission itself).

/** wx, the WeChat global (weapp builds only). */
declare const wx: any

/** The privacy guide page (subpackages/messages/pages/privacy); `?consent=1` shows the agree/decline buttons. */
export const PRIVACY_GUIDE_PAGE = '/subpackages/messages/pages/privacy/index'
/** id of the agree button: WeChat checks that this very button was tapped */
export const PRIVACY_AGREE_BUTTON_ID = 'gov-privacy-agree'

export interface PrivacyPromptState {
  visible: boolean
  /** the name of the privacy contract, e.g. 《政务通小程序隐私保护指引》 */
  contractName: string
}

type PrivacyResolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

const privacyListeners = new Set<() => void>()
let privacyState: PrivacyPromptState = { visible: false, contractName: '《政务通小程序隐私保护指引》' }
let pendingPrivacyResolves: PrivacyResolve[] = []
let privacySheetsMounted = 0
let privacyListenerInstalled = false

function setPrivacyState(next: Partial<PrivacyPromptState>) {
  privacyState = { ...privacyState, ...next }
  privacyListeners.forEach((fn) => fn())
}

export const privacyPrompt = {
  get: (): PrivacyPromptState => privacyState,
  subscribe(fn: () => void): () => void {
    privacyListeners.add(fn)
    return () => {
      privacyListeners.delete(fn)
    }
  },
  /** a consent sheet is on the current page (components/PrivacySheet calls this on mount/unmount) */
  sheetMounted(delta: 1 | -1) {
    privacySheetsMounted = Math.max(0, privacySheetsMounted + delta)
  },
  /** the user tapped the agree button (open-type agreePrivacyAuthorization, id PRIVACY_AGREE_BUTTON_ID) */
  agree() {
    const resolves = pendingPrivacyResolves
    pendingPrivacyResolves = []
    resolves.forEach((r) => r({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID }))
    setPrivacyState({ visible: false })
  },
  /** the user declined: the privacy API that asked fails */
  disagree() {
    const resolves = pendingPrivacyResolves
    pendingPrivacyResolves = []
    resolves.forEach((r) => r({ event: 'disagree' }))
    setPrivacyState({ visible: false })
  },
  /** whether a request from WeChat waits for an answer */
  pending: (): boolean => pendingPrivacyResolves.length > 0,
}

/** Register the WeChat privacy listener once (no-op elsewhere). Safe to call many times. */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  if (privacyListenerInstalled || typeof wx === 'undefined' || typeof wx.onNeedPrivacyAuthorization !== 'function') return
  privacyListenerInstalled = true
  wx.onNeedPrivacyAuthorization((resolve: PrivacyResolve) => {
    pendingPrivacyResolves.push(resolve)
    if (privacySheetsMounted > 0) {
      try {
        resolve({ event: 'exposureAuthorization' })
      } catch {
        // older base libraries
      }
      setPrivacyState({ visible: true })
    } else {
      Taro.navigateTo({ url: `${PRIVACY_GUIDE_PAGE}?consent=1` }).catch(() => privacyPrompt.disagree())
    }
  })
}

/**
 * Before a privacy API (phone number, camera, album, chat files, location): make sure the user has
 * agreed to the privacy guide, asking through our sheet when needed. Rejects when the user declines.
 * No-op on H5 and Alipay.
 */
export async function ensurePrivacyAuthorized(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  if (typeof wx === 'undefined' || typeof wx.getPrivacySetting !== 'function') return
  installPrivacyHandler()
  const need = await new Promise<boolean>((resolve) => {
    wx.getPrivacySetting({
      success: (res: { needAuthorization?: boolean; privacyContractName?: string }) => {
        if (res.privacyContractName) setPrivacyState({ contractName: res.privacyContractName })
        resolve(!!res.needAuthorization)
      },
      fail: () => resolve(false),
    })
  })
  if (!need) return
  await new Promise<void>((resolve, reject) => {
    wx.requirePrivacyAuthorize({
      success: () => resolve(),
      fail: () => reject(new Error('需要同意《隐私保护指引》后才能使用该功能')),
    })
  })
}

/** Open the official privacy contract of the mini-program (weapp); elsewhere our guide page. */
export function openPrivacyContract(): void {
  if (process.env.TARO_ENV === 'weapp' && typeof wx !== 'undefined' && typeof wx.openPrivacyContract === 'function') {
    wx.openPrivacyContract({ fail: () => Taro.navigateTo({ url: PRIVACY_GUIDE_PAGE }) })
    return
  }
  Taro.navigateTo({ url: PRIVACY_GUIDE_PAGE })
}
