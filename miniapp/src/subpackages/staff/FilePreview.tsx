import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Tappable from '../../components/Tappable'
import { fileRequest } from '../../api/staff'
import { loadProtectedFile, openDocumentFile, releaseFileUrl } from '../../platform'
import { toast } from '../../utils/nav'

interface Props {
  file: { id: string; name: string; size: number; contentType: string }
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`)

/** One uploaded file for pre-review: images inline, PDFs as a link that opens them. */
export default function FilePreview({ file }: Props) {
  const isImage = file.contentType.startsWith('image/')
  const [src, setSrc] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [opening, setOpening] = useState(false)

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
    setOpening(true)
    try {
      const { url, header } = fileRequest(file.id)
      await openDocumentFile(await loadProtectedFile(url, header))
    } catch (e) {
      toast(e instanceof Error ? e.message : '文件打开失败')
    } finally {
      setOpening(false)
    }
  }

  return (
    <View className='st-file'>
      {isImage ? (
        src ? (
          <Image className='st-file__img' src={src} mode='widthFix' {...({ imgProps: { alt: `材料图片：${file.name}` } } as object)} />
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
    </View>
  )
}
