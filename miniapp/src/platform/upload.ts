import Taro from '@tarojs/taro'
import type { ChosenFile } from './media'

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
