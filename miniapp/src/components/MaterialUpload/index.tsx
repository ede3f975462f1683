import { useFormErrors } from '@/hooks/useFormErrors'
import FormError from '../FormError'
import ButtonRow from '../ButtonRow'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  jpegName,
  keepCompressed,
  photoPlan,
  sizeLabel,
  typesLabel,
  uploadProblem,
  uploadTypeOf,
  type UploadLimits,
} from '@gov/shared'
import Button from '../AppButton'
import ProgressBar from '../ProgressBar'
import { uploadMaterialFile } from '@/api/filings'
import { chooseFile, compressPhoto, imageSize, isH5, type ChooseFileOptions, type ChosenFile } from '@/platform'
import { uploads } from '@/store/uploads'
import { toast } from '@/utils/nav'
import './index.scss'

class Refused extends Error {}

interface Props {
  filingId: string
  materialId: string
  /** the material's name, for labels and messages */
  materialName: string
  /** files already on the material (the per-material count limit) */
  filesCount: number
  /** the limits the server publishes with the filing */
  limits: UploadLimits
  /** another step runs (submit, withdraw…): no new upload now */
  disabled?: boolean
  onUploaded: () => void
}

type Phase = { name: string; step: 'compressing' | 'uploading'; percent: number }

/** What may be uploaded, in words (shown once above the materials). */
export function uploadHint(limits: UploadLimits): string {
  return `支持 ${typesLabel(limits.contentTypes)}，单个不超过 ${sizeLabel(limits.maxBytes)}，每项最多 ${limits.maxFilesPerMaterial} 个；照片会自动压缩后上传`
}

/**
 * The one control for uploading a material's file: picks a file (photo, chat file or, on H5,
 * the file system), checks its type and size against the server's published limits before
 * anything is sent (naming the file and the limit when refused), shrinks large photos (never
 * PDFs), uploads with a progress bar, and counts as a running upload (store/uploads) so that the
 * page holds back 提交预审 meanwhile.
 */
export default function MaterialUpload({ filingId, materialId, materialName, filesCount, limits, disabled, onUploaded }: Props) {
  const [phase, setPhase] = useState<Phase | null>(null)
  // the refusal of the last file (too large, wrong type, the server's answer): goes with the next try or a file that goes through
  const errors = useFormErrors()

  /** The file to send: refused (Refused) when it breaks a limit, a shrunk copy when it is a large photo. */
  const prepare = async (picked: ChosenFile): Promise<ChosenFile> => {
    const problem = uploadProblem(picked, limits, filesCount)
    if (problem && problem.kind !== 'size') throw new Refused(problem.message)
    const type = uploadTypeOf(picked.name, picked.type)
    let file = picked
    if (type === 'image/jpeg' || type === 'image/png') {
      const size = await imageSize(picked)
      const plan = size ? photoPlan({ type, size: picked.size, ...size }) : null
      if (plan) {
        setPhase({ name: picked.name, step: 'compressing', percent: 0 })
        const small = await compressPhoto(picked, plan, jpegName(picked.name))
        if (small && keepCompressed(picked.size, small.size)) file = small
      }
    }
    const after = file === picked ? problem : uploadProblem(file, limits, filesCount)
    if (after) throw new Refused(file === picked ? after.message : `${after.message}（已压缩后仍超出）`)
    return file
  }

  const upload = async (kind: ChooseFileOptions['kind']) => {
    errors.clear()
    let files: ChosenFile[]
    try {
      files = await chooseFile({ kind, count: 1 })
    } catch {
      return // cancelled
    }
    for (const picked of files) {
      const end = uploads.begin()
      try {
        const file = await prepare(picked)
        setPhase({ name: file.name, step: 'uploading', percent: 0 })
        await uploadMaterialFile(filingId, materialId, file, (percent) => setPhase({ name: file.name, step: 'uploading', percent }))
        errors.clear()
        toast('上传成功', 'success')
        onUploaded()
      } catch (e) {
        if (e instanceof Refused) errors.fail(e.message)
        else errors.failWith(e)
      } finally {
        end()
        setPhase(null)
      }
    }
  }

  return (
    <View className='material-upload'>
      {phase ? (
        <View className='material-upload__progress' role='status'>
          <Text>{phase.step === 'compressing' ? `正在压缩照片 ${phase.name}…` : `正在上传 ${phase.name}… ${phase.percent}%`}</Text>
          <ProgressBar percent={phase.step === 'compressing' ? 0 : phase.percent} label={`${materialName} 上传进度`} />
        </View>
      ) : null}
      <FormError message={errors.form} />
      {!phase ? (
        <ButtonRow className='material-upload__actions'>
          {isH5 ? (
            <Button size='small' type='primary' fill='outline' disabled={disabled} aria-label={`上传文件：${materialName}`} onClick={() => void upload('document')}>
              上传文件
            </Button>
          ) : (
            <>
              <Button size='small' type='primary' fill='outline' disabled={disabled} onClick={() => void upload('image')}>
                拍照/相册
              </Button>
              <Button size='small' type='primary' fill='outline' disabled={disabled} onClick={() => void upload('document')}>
                聊天文件
              </Button>
            </>
          )}
        </ButtonRow>
      ) : null}
    </View>
  )
}
