import Button from '@/components/AppButton'
import { errorMessage, request } from '@/api/client'
import { useBusy } from '@/hooks/useBusy'
import { openFile } from '@/platform'
import { session } from '@/store/session'
import { toast } from '@/utils/nav'

export interface ExportButtonProps {
  /** the export's API path with its query (staffApi.exports) */
  path: string
  /** the name the file is saved under (H5) */
  fileName: string
  /** the button's text, e.g. 导出当天预约 */
  label: string
}

/**
 * 导出: download a staff spreadsheet (.xlsx). H5 saves the file; WeChat/Alipay download it and open it
 * in the document viewer (Taro.downloadFile + openDocument), where it can be forwarded or saved.
 */
export default function ExportButton({ path, fileName, label }: ExportButtonProps) {
  const [busy, run] = useBusy()
  const download = () =>
    run(
      async () => {
        await request('GET', '/api/me') // a fresh access token first (the download itself cannot refresh it)
        const token = session.get().accessToken
        await openFile({ url: path, fileName, fileType: 'xlsx', authorization: token ? `Bearer ${token}` : undefined })
      },
      (e) => toast(errorMessage(e) || '导出失败，请重试'),
    )
  return (
    <Button size='small' type='primary' fill='outline' loading={busy} aria-label={label} onClick={() => void download()}>
      {busy ? '正在导出…' : label}
    </Button>
  )
}
