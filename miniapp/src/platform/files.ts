import Taro from '@tarojs/taro'

// ---- files from the API: opening, downloading, protected previews ----

/** An API path as a full URL (the H5 build is served by the API itself: no base). */
function apiUrl(url: string): string {
  const apiBase: string = process.env.TARO_APP_API_BASE ?? ''
  return /^https?:/.test(url) ? url : apiBase + url
}

/** H5: follow a link as the user would (a new tab or a download, as `set` says). */
function clickLink(href: string, set: (a: HTMLAnchorElement) => void): void {
  const a = document.createElement('a')
  a.href = href
  a.rel = 'noopener'
  set(a)
  document.body.appendChild(a)
  a.click()
  a.remove()
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
  const full = apiUrl(url)
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(full, { headers: authorization ? { Authorization: authorization } : {} })
    if (!res.ok) throw new Error(res.status === 404 ? '文件不存在或无权查看' : '文件下载失败，请重试')
    const blob = await res.blob()
    const href = URL.createObjectURL(blob)
    clickLink(href, (a) => {
      if (blob.type === 'application/pdf' || blob.type.startsWith('image/')) a.target = '_blank'
      else a.download = fileName ?? 'download'
    })
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

/**
 * Download a public file the server sends as an attachment (a blank form, PDF): on H5 a plain
 * download link (the browser saves it under the server's file name); in mini-programs
 * Taro.downloadFile then Taro.openDocument, where the user can save or forward it.
 */
export async function downloadDocument({ url, fileName }: { url: string; fileName: string }): Promise<void> {
  const full = apiUrl(url)
  if (process.env.TARO_ENV === 'h5') {
    clickLink(full, (a) => {
      a.download = fileName
    })
    return
  }
  const res = await Taro.downloadFile({ url: full })
  if (res.statusCode === 404) throw new Error('该表格已下架，请在窗口领取')
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error('表格下载失败，请重试')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true } as any)
}
