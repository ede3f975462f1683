import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import Tappable from '@/components/Tappable'
import { fileRequest } from '@/api/staff'
import { isH5, loadProtectedFile, openDocumentFile, releaseFileUrl } from '@/platform'
import { toast } from '@/utils/nav'
import { useBusy } from '@/hooks/useBusy'

interface Props {
  file: { id: string; name: string; size: number; contentType: string }
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`)

/** A photo at full size over the page (H5): scroll to read the details; 关闭, the mask or Esc closes it. */
function Lightbox({ src, name, onClose }: { src: string; name: string; onClose: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <View className='st-lightbox' role='dialog' aria-modal='true' aria-label={`原图：${name}`}>
      <View className='st-lightbox__mask' onClick={onClose} />
      <View className='st-lightbox__bar'>
        <Text className='st-lightbox__name'>{name}</Text>
        <Button size='small' type='primary' onClick={onClose}>
          关闭
        </Button>
      </View>
      <View className='st-lightbox__body'>
        {/* the plain <img> at its natural size (no Taro <Image> scaling) */}
        <img className='st-lightbox__img' src={src} alt={`原图：${name}`} />
      </View>
    </View>
  )
}

/** One uploaded file for pre-review: images inline (tap to see full size), PDFs as a link that opens them in a new tab. */
export default function FilePreview({ file }: Props) {
  const isImage = file.contentType.startsWith('image/')
  const [src, setSrc] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [opening, whileOpening] = useBusy()
  const [enlarged, setEnlarged] = useState(false)

  useEffect(() => {
    if (!isImage) return undefined
    let url: string | null = null
    let live = true
    const { url: u, header } = fileRequest(file.id)
    loadProtectedFile(u, header)
      .then((local) => {
        url = local
        if (live) setSrc(local)
        else releaseFileUrl(local)
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : '图片加载失败'))
    return () => {
      live = false
      if (url) releaseFileUrl(url)
    }
  }, [file.id, isImage])

  const openPdf = async () => {
    await whileOpening(async () => {
      const { url, header } = fileRequest(file.id)
      await openDocumentFile(await loadProtectedFile(url, header))
    }, (e) => toast(e instanceof Error ? e.message : '文件打开失败'))
  }

  return (
    <View className='st-file'>
      {isImage ? (
        src ? (
          <Tappable className='st-file__zoom' label={`放大查看：${file.name}`} onTap={() => (isH5 ? setEnlarged(true) : void Taro.previewImage({ urls: [src], current: src }))}>
            <Image className='st-file__img' src={src} mode='widthFix' {...({ imgProps: { alt: `材料图片：${file.name}` } } as object)} />
            <Text className='st-file__zoom-hint'>放大查看</Text>
          </Tappable>
        ) : (
          <Text className='st-line'>{error || '图片加载中…'}</Text>
        )
      ) : (
        <Tappable className='st-file__link' onTap={() => void openPdf()} label={`打开 PDF：${file.name}`}>
          <Text>{opening ? '正在打开…' : `打开 PDF：${file.name}`}</Text>
        </Tappable>
      )}
      <Text className='st-line'>
        {file.name} · {kb(file.size)}
      </Text>
      {process.env.TARO_ENV === 'h5' && enlarged && src ? <Lightbox src={src} name={file.name} onClose={() => setEnlarged(false)} /> : null}
    </View>
  )
}
