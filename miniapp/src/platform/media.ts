import Taro from '@tarojs/taro'
import { ensurePrivacyAuthorized } from './privacy'

// ---- choosing files and photos, and preparing photos before upload ----


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
