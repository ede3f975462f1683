import Taro from '@tarojs/taro'

/**
 * The one place that knows which platform we run on. Pages and the API client ask this
 * module; nothing else reads process.env.TARO_ENV. (TARO_ENV is replaced at build time,
 * so the branches of other platforms are dropped from each bundle.)
 */
// Compare process.env.TARO_ENV literally in every branch: DefinePlugin turns each into
// '"weapp" === "alipay"', which webpack folds, so other platforms' code is not bundled.

export type PlatformName = 'weapp' | 'alipay' | 'h5' | 'other'

export const platformName: PlatformName = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay' || process.env.TARO_ENV === 'h5'
    ? process.env.TARO_ENV
    : 'other'
export const isH5 = process.env.TARO_ENV === 'h5'
export const isMiniProgram = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

/** A code from the platform's own login, to exchange with our API. */
export type PlatformLoginCode = { kind: 'wechat'; code: string } | { kind: 'alipay'; authCode: string }

/** Whether 一键登录 (platform login) is offered. H5 signs in by SMS only. */
export const supportsPlatformLogin = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

/** The label of the platform login button. */
export const platformLoginLabel = process.env.TARO_ENV === 'alipay' ? '支付宝一键登录' : '微信一键登录'

export class PlatformUnsupportedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlatformUnsupportedError'
  }
}

/** weapp: Taro.login → code for POST /api/auth/wechat/login; alipay: my.getAuthCode → authCode. */
export async function getPlatformLoginCode(): Promise<PlatformLoginCode> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.login()
    if (!res.code) throw new Error('微信登录失败，请重试')
    return { kind: 'wechat', code: res.code }
  }
  if (process.env.TARO_ENV === 'alipay') {
    const authCode = await new Promise<string>((resolve, reject) => {
      my.getAuthCode({
        scopes: ['auth_base'],
        success: (res: { authCode?: string }) =>
          res.authCode ? resolve(res.authCode) : reject(new Error('支付宝授权失败，请重试')),
        fail: () => reject(new Error('支付宝授权失败，请重试')),
      })
    })
    return { kind: 'alipay', authCode }
  }
  throw new PlatformUnsupportedError('当前环境不支持一键登录，请使用手机验证码登录')
}

/** Scan a QR/bar code (staff check-in). H5 has no scanner: the caller offers manual entry. */
export const supportsScanCode = isMiniProgram

export async function scanCode(): Promise<string> {
  if (!supportsScanCode) throw new PlatformUnsupportedError('当前环境不支持扫码，请手动输入')
  await ensurePrivacyAuthorized()
  const res = await Taro.scanCode({ onlyFromCamera: false })
  return res.result
}

export interface ChosenFile {
  /** temp path (mini-programs) or blob: URL (H5), usable with Taro.uploadFile */
  path: string
  name: string
  size: number
  /** H5 only: the File itself */
  file?: File
  /** the MIME type when the platform says it (H5) */
  type?: string
}

export interface ChooseFileOptions {
  /** 'image': photos or camera; 'document': PDF/JPG/PNG from chats (weapp) or the file system (H5) */
  kind: 'image' | 'document'
  count?: number
}

function nameFromPath(path: string, fallback: string): string {
  const last = path.split('/').pop()
  return last && last.length > 0 ? last : fallback
}

/** Pick files for upload: chooseMedia / chooseMessageFile (weapp), chooseImage (alipay), <input type=file> (H5). */
export async function chooseFile({ kind, count = 1 }: ChooseFileOptions): Promise<ChosenFile[]> {
  await ensurePrivacyAuthorized()
  if (process.env.TARO_ENV === 'weapp') {
    if (kind === 'document') {
      const res = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] })
      return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))
    }
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'] })
    return res.tempFiles.map((f, i) => ({ path: f.tempFilePath, name: nameFromPath(f.tempFilePath, `image-${i + 1}.jpg`), size: f.size }))
  }
  if (process.env.TARO_ENV === 'h5') {
    return chooseFileInBrowser(kind, count)
  }
  // Alipay (and others): images only
  const res = await Taro.chooseImage({ count, sourceType: ['album', 'camera'] })
  return res.tempFiles.map((f, i) => ({ path: f.path, name: nameFromPath(f.path, `image-${i + 1}.jpg`), size: f.size }))
}

function chooseFileInBrowser(kind: ChooseFileOptions['kind'], count: number): Promise<ChosenFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = kind === 'image' ? 'image/jpeg,image/png' : 'application/pdf,image/jpeg,image/png'
    input.multiple = count > 1
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, count)
      input.remove()
      if (files.length === 0) reject(new Error('未选择文件'))
      else resolve(files.map((file) => ({ path: URL.createObjectURL(file), name: file.name, size: file.size, file, type: file.type })))
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** Ask for permission to send subscription messages (reminders). Resolves to the accepted template ids. */
export async function requestSubscribeMessage(templateIds: string[]): Promise<string[]> {
  if (templateIds.length === 0) return []
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as any)) as Record<string, string>
      return templateIds.filter((id) => res[id] === 'accept')
    } catch {
      return []
    }
  }
  if (process.env.TARO_ENV === 'alipay') {
    return new Promise((resolve) => {
      my.requestSubscribeMessage({
        entityIds: templateIds,
        success: (res: { subscribeEntityIds?: string[] }) => resolve(res.subscribeEntityIds ?? []),
        fail: () => resolve([]),
      })
    })
  }
  // H5: messages arrive in the in-app message centre only
  return []
}

// ---- citizen journeys: phone calls, downloads, opening documents ----

/** Call a phone number: the dialer in mini-programs, a tel: link in the browser. */
export async function callPhone(phoneNumber: string): Promise<void> {
  const number = phoneNumber.replace(/[^\d+-]/g, '')
  if (!number) return
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${number}`
    return
  }
  try {
    await Taro.makePhoneCall({ phoneNumber: number })
  } catch {
    // the user cancelled
  }
}

// ---- a place on the map (the hall) ----

export interface MapPlace {
  /** GCJ-02 degrees, as Chinese map apps, wx.openLocation and my.openLocation expect */
  latitude: number
  longitude: number
  name: string
  address: string
}

/**
 * H5: the address of a map page with a marker at the place (AMap's public marker URI), to open in
 * a new tab as a plain link. Mini-programs: null (they open the platform's own map, openMap).
 */
export function mapLinkUrl(p: MapPlace): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  const q = (v: string) => encodeURIComponent(v)
  return `https://uri.amap.com/marker?position=${p.longitude},${p.latitude}&name=${q(p.name)}&src=${q('政务通')}&coordinate=gaode&callnative=1`
}

/** Show the place on the platform's map (with its navigation): Taro.openLocation in mini-programs, a new tab on H5. */
export async function openMap(p: MapPlace): Promise<void> {
  const url = mapLinkUrl(p)
  if (url) {
    window.open(url, '_blank', 'noopener')
    return
  }
  try {
    await Taro.openLocation({ latitude: p.latitude, longitude: p.longitude, name: p.name, address: p.address, scale: 16 })
  } catch {
    // the user closed the map, or the platform refused: nothing to undo
  }
}

export interface OpenFileOptions {
  /** path under the API origin, e.g. /api/applications/1/receipt.pdf */
  url: string
  /** a file name to save as (H5) */
  fileName?: string
  /** Authorization header value, when the file is not public */
  authorization?: string
  /** file type for mini-program openDocument: pdf, doc, xls… (others are offered as a copied link) */
  fileType?: string
}

/**
 * Open or download a file from the API.
 * H5: fetch it (with the token when needed) and hand the blob to the browser (new tab or download).
 * Mini-programs: downloadFile + openDocument for documents, previewImage for images;
 * other types (plain-text templates) are offered by copying the link.
 */
export async function openFile({ url, fileName, authorization, fileType }: OpenFileOptions): Promise<void> {
  const apiBase: string = process.env.TARO_APP_API_BASE ?? ''
  const full = /^https?:/.test(url) ? url : apiBase + url
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(full, { headers: authorization ? { Authorization: authorization } : {} })
    if (!res.ok) throw new Error(res.status === 404 ? '文件不存在或无权查看' : '文件下载失败，请重试')
    const blob = await res.blob()
    const href = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = href
    if (blob.type === 'application/pdf' || blob.type.startsWith('image/')) a.target = '_blank'
    else a.download = fileName ?? 'download'
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
    return
  }
  const type = (fileType ?? '').toLowerCase()
  if (type && !['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'jpg', 'jpeg', 'png'].includes(type)) {
    await Taro.setClipboardData({ data: full })
    Taro.showToast({ title: '下载链接已复制，可在浏览器中打开', icon: 'none' })
    return
  }
  const res = await Taro.downloadFile({ url: full, header: authorization ? { Authorization: authorization } : {} })
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error('文件下载失败，请重试')
  if (type === 'jpg' || type === 'jpeg' || type === 'png') {
    await Taro.previewImage({ urls: [res.tempFilePath] })
    return
  }
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: (type || 'pdf') as 'pdf', showMenu: true } as any)
}

/** Whether subscribe messages can be asked for (mini-programs; H5 only has the in-app message centre). */
export const supportsSubscribeMessage = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

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

// ---- files that need the bearer token (staff pre-review previews) ----

/**
 * Fetch a protected file and give back a local URL for <Image> or a document viewer: a blob: URL on
 * H5, a temp file path in mini-programs. Call releaseFileUrl() when done (H5 frees the blob).
 */
export async function loadProtectedFile(url: string, header: Record<string, string>): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(url, { headers: header, credentials: 'same-origin' })
    if (!res.ok) throw new Error(res.status === 404 ? '文件不存在或无权查看' : '文件加载失败，请重试')
    return URL.createObjectURL(await res.blob())
  }
  const res = await Taro.downloadFile({ url, header })
  if (res.statusCode !== 200) throw new Error(res.statusCode === 404 ? '文件不存在或无权查看' : '文件加载失败，请重试')
  return res.tempFilePath
}

export function releaseFileUrl(localUrl: string): void {
  if (process.env.TARO_ENV === 'h5' && localUrl.startsWith('blob:')) URL.revokeObjectURL(localUrl)
}

/** Open a PDF fetched with loadProtectedFile: a new browser tab (H5), the document viewer (mini-programs). */
export async function openDocumentFile(localUrl: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(localUrl, '_blank', 'noopener')
    return
  }
  await Taro.openDocument({ filePath: localUrl, fileType: 'pdf', showMenu: false } as any)
}

// ---- desk layout (H5 in a browser on a desk) ----

const DESK_MIN_WIDTH = 768
const DESK_ROOT_FONT = '20px'
let deskScaleOn = false
const applyDeskFont = () => {
  if (!deskScaleOn || typeof document === 'undefined') return
  if (window.innerWidth >= DESK_MIN_WIDTH) {
    document.documentElement.style.fontSize = DESK_ROOT_FONT
    document.documentElement.classList.add('gov-desk')
  } else {
    document.documentElement.classList.remove('gov-desk')
  }
}

/**
 * Staff and admin pages on a desk: H5 scales rem with the window (up to 2× at 750 px and wider),
 * which makes a desk screen look like a giant phone. While enabled on a wide window, keep the
 * 375-px design at 1× and mark <html> with .gov-desk. No-op in mini-programs.
 */
function applyDeskLayout(enabled: boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  if (enabled === deskScaleOn) return
  deskScaleOn = enabled
  if (enabled) {
    window.addEventListener('resize', applyDeskFont)
    applyDeskFont()
  } else {
    window.removeEventListener('resize', applyDeskFont)
    document.documentElement.classList.remove('gov-desk')
    // let Taro's own rem script size the page again
    window.dispatchEvent(new Event('resize'))
  }
}

/** The desk pages now on screen: the desk layout holds while any of them is shown. */
const deskOwners = new Set<object>()

/**
 * A desk page (staff, admin, the staff sign-in) is shown (`true`) or hidden / gone (`false`).
 * Counted per page, so that the order in which one desk page leaves and the next arrives (a
 * redirect, a reLaunch to the staff sign-in) never drops the layout; it ends only when no desk page
 * is shown, e.g. after a staff member opens a citizen page.
 */
export function setDeskLayout(owner: object, shown: boolean): void {
  if (shown) deskOwners.add(owner)
  else deskOwners.delete(owner)
  applyDeskLayout(deskOwners.size > 0)
}

export interface UploadResult {
  statusCode: number
  /** the response body as text */
  data: string
}

/**
 * Upload a chosen file as multipart field `field`, reporting progress (0–100).
 * H5 sends the File itself with XMLHttpRequest (the server's CSP forbids fetching blob: URLs,
 * which Taro's H5 uploadFile does); mini-programs use Taro.uploadFile with the temp path.
 */
export function uploadChosenFile(opts: {
  url: string
  file: ChosenFile
  field?: string
  header?: Record<string, string>
  onProgress?: (percent: number) => void
}): Promise<UploadResult> {
  const field = opts.field ?? 'file'
  if (process.env.TARO_ENV === 'h5' && opts.file.file) {
    const file = opts.file.file
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open('POST', opts.url)
      for (const [k, v] of Object.entries(opts.header ?? {})) xhr.setRequestHeader(k, v)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && opts.onProgress) opts.onProgress(Math.round((e.loaded / e.total) * 100))
      }
      xhr.onload = () => resolve({ statusCode: xhr.status, data: xhr.responseText })
      xhr.onerror = () => reject(new Error('上传失败，请检查网络后重试'))
      xhr.ontimeout = () => reject(new Error('上传超时，请重试'))
      xhr.timeout = 120_000
      const form = new FormData()
      form.append(field, file, opts.file.name)
      xhr.send(form)
    })
  }
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: opts.url,
      filePath: opts.file.path,
      name: field,
      header: opts.header ?? {},
      success: (res) => resolve({ statusCode: res.statusCode, data: typeof res.data === 'string' ? res.data : JSON.stringify(res.data) }),
      fail: () => reject(new Error('上传失败，请检查网络后重试')),
    })
    if (opts.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => opts.onProgress!(p.progress))
    }
  })
}

// ---- photos before upload, blank forms to download ----

/** Width and height of a chosen image in pixels, or null when the platform cannot tell. */
export async function imageSize(file: ChosenFile): Promise<{ width: number; height: number } | null> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      if (!file.file) return null
      if (typeof createImageBitmap === 'function') {
        const bitmap = await createImageBitmap(file.file)
        const size = { width: bitmap.width, height: bitmap.height }
        bitmap.close()
        return size
      }
      const img = await loadImage(file.path)
      return { width: img.naturalWidth, height: img.naturalHeight }
    }
    const info = await Taro.getImageInfo({ src: file.path })
    return { width: info.width, height: info.height }
  } catch {
    return null
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('图片无法读取'))
    img.src = src
  })
}

async function fileSize(path: string): Promise<number> {
  const info = (await Taro.getFileInfo({ filePath: path } as any)) as unknown as { size?: number }
  return typeof info.size === 'number' ? info.size : 0
}

/**
 * Re-encode a photo as JPEG at the given size and quality (see photoPlan in @gov/shared):
 * Taro.compressImage on WeChat, my.compressImage on Alipay, a canvas on H5. Resolves with the new
 * file (named `.jpg`), or null when the platform could not do it (the original is then sent).
 */
export async function compressPhoto(
  file: ChosenFile,
  plan: { width: number; height: number; quality: number },
  name: string,
): Promise<ChosenFile | null> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      if (!file.file) return null
      const source = typeof createImageBitmap === 'function' ? await createImageBitmap(file.file) : await loadImage(file.path)
      const canvas = document.createElement('canvas')
      canvas.width = plan.width
      canvas.height = plan.height
      const ctx = canvas.getContext('2d')
      if (!ctx) return null
      ctx.fillStyle = '#fff' // a transparent PNG becomes white, not black, as JPEG
      ctx.fillRect(0, 0, plan.width, plan.height)
      ctx.drawImage(source as CanvasImageSource, 0, 0, plan.width, plan.height)
      if ('close' in source && typeof source.close === 'function') source.close()
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', plan.quality))
      if (!blob) return null
      const out = new File([blob], name, { type: 'image/jpeg' })
      return { path: URL.createObjectURL(out), name, size: out.size, file: out, type: 'image/jpeg' }
    }
    if (process.env.TARO_ENV === 'alipay') {
      const path = await new Promise<string>((resolve, reject) => {
        my.compressImage({
          filePaths: [file.path],
          compressLevel: 2,
          compressedWidth: plan.width,
          compressedHeight: plan.height,
          success: (res: { apFilePaths?: string[]; filePaths?: string[] }) => {
            const p = res.apFilePaths?.[0] ?? res.filePaths?.[0]
            if (p) resolve(p)
            else reject(new Error('compress'))
          },
          fail: () => reject(new Error('compress')),
        })
      })
      return { path, name, size: await fileSize(path) }
    }
    const res = await Taro.compressImage({
      src: file.path,
      quality: Math.round(plan.quality * 100),
      compressedWidth: plan.width,
      compressedHeight: plan.height,
    } as Taro.compressImage.Option)
    return { path: res.tempFilePath, name, size: await fileSize(res.tempFilePath) }
  } catch {
    return null
  }
}

/**
 * Download a public file the server sends as an attachment (a blank form, PDF): on H5 a plain
 * download link (the browser saves it under the server's file name); in mini-programs
 * Taro.downloadFile then Taro.openDocument, where the user can save or forward it.
 */
export async function downloadDocument({ url, fileName }: { url: string; fileName: string }): Promise<void> {
  const apiBase: string = process.env.TARO_APP_API_BASE ?? ''
  const full = /^https?:/.test(url) ? url : apiBase + url
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = full
    a.download = fileName
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  const res = await Taro.downloadFile({ url: full })
  if (res.statusCode === 404) throw new Error('该表格已下架，请在窗口领取')
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error('表格下载失败，请重试')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true } as any)
}
