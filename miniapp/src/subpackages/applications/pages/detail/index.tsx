import Code from '@/components/Code'
import KeyValue from '@/components/KeyValue'
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import FormError from '@/components/FormError'
import SignedInPage from '@/components/SignedInPage'
import PageState from '@/components/PageState'
import PrivacySheet from '@/components/PrivacySheet'
import RateEntry from '@/components/RateEntry'
import MaterialUpload, { uploadHint } from '@/components/MaterialUpload'
import StatusTag from '@/components/StatusTag'
import SubscribeCard from '@/components/SubscribeCard'
import Tappable from '@/components/Tappable'
import Timeline, { filingTimeline } from '@/components/Timeline'
import { allPartsDecided, BundleParts, BundleResult } from '@/components/BundleParts'
import { errorMessage, isApiError } from '@/api/client'
import { APPLICATION_STATUS_LABELS, DEFAULT_UPLOAD_LIMITS, isEditable, LINKS, mayHandInOwed, sizeLabel, SLA_LABELS } from '@gov/shared'
import { filingsApi, partyLabel, type RatedApplicationView, type MaterialView } from '@/api/filings'
import { useAsync } from '@/hooks/useAsync'
import { useFormErrors } from '@/hooks/useFormErrors'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { openFile } from '@/platform'
import { session, useSession } from '@/store/session'
import { useUploadsRunning } from '@/store/uploads'
import { openPage, toast } from '@/utils/nav'
import { dateLabel, fullDateTime, shanghaiDate } from '@/utils/time'
import CommitmentSheet from '@/subpackages/applications/components/CommitmentSheet'
import DeliveryCard from '@/subpackages/applications/components/DeliveryCard'
import { FILING_TONE, SLA_TONE } from '@/subpackages/applications/components/tones'
import '@/subpackages/applications/components/filing.scss'
import ButtonRow from '@/components/ButtonRow'
import { confirmDestructive } from '@/utils/confirm'
import { useBusy, useConfirmedBusy } from '@/hooks/useBusy'

const BEFORE_ACCEPTANCE = ['draft', 'submitted', 'correction_required', 'prereview_passed']
/** a decision has been made: its 决定书 can be downloaded */
const DECIDED = ['approved', 'denied', 'ready_for_pickup', 'delivered', 'returning']
/** what the server gives a 容缺 commitment unless configured (COMMITMENT_DAYS); the detail says it in `commitmentDays` */
const DEFAULT_COMMITMENT_DAYS = 5

function authorization(): string | undefined {
  const t = session.get().accessToken
  return t ? `Bearer ${t}` : undefined
}

interface MaterialProps {
  filing: RatedApplicationView
  m: MaterialView
  missing: boolean
  /** named by the notice and not changed since (NOTHING_CORRECTED) */
  unchanged: boolean
  flaggedReason: string | null
  /** submitting or withdrawing: no change to the materials now */
  busy: boolean
  /** an upload runs: no deleting now */
  uploading: boolean
  onChanged: () => void
}

function MaterialCard({ filing, m, missing, unchanged, flaggedReason, busy, uploading, onChanged }: MaterialProps) {
  const [error, setError] = useState('')
  const [deleting, setDeleting] = useState<string | null>(null)
  const editable = isEditable(filing.status)

  const remove = async (fileId: string) => {
    if (!(await confirmDestructive({ title: '删除文件', content: '确定删除这个文件吗？', confirmText: '删除' }))) return
    setDeleting(fileId)
    try {
      await filingsApi.deleteFile(filing.id, m.materialId, fileId)
      onChanged()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setDeleting(null)
    }
  }

  const view = async (fileId: string, name: string, contentType: string) => {
    try {
      await openFile({
        url: filingsApi.filePath(fileId),
        fileName: name,
        authorization: authorization(),
        fileType: contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg',
      })
    } catch (e) {
      toast(errorMessage(e))
    }
  }

  const flagged = !!flaggedReason || (m.review && !m.review.ok)
  // 容缺 kept: after acceptance, an owed material is handed in here until the commitment's due time
  const owed = !!filing.commitment?.owed.includes(m.materialId)
  const handIn = !editable && !!m.commitment && mayHandInOwed(filing.status, filing.commitment, new Date())
  return (
    <View
      className={`material ${missing ? 'material--missing' : ''} ${flagged ? 'material--flagged' : ''}`}
      role='group'
      aria-label={m.name}
    >
      <View className='material__head'>
        <Text className='material__name'>{m.name}</Text>
        {m.files.length > 0 ? <StatusTag tone='success'>{`已上传 ${m.files.length}`}</StatusTag> : null}
      </View>
      <View className='material__tags'>
        {m.required ? <StatusTag tone='danger'>必需</StatusTag> : <StatusTag tone='muted'>非必需</StatusTag>}
        {m.tolerable ? <StatusTag tone='warning'>容缺</StatusTag> : null}
        {m.commitment ? <StatusTag tone='info'>已签信用承诺</StatusTag> : null}
        {m.reusedFrom ? <StatusTag tone='success'>电子证照免提交</StatusTag> : null}
        {(m.serviceIds?.length ?? 0) > 1 ? <StatusTag tone='info'>{`${m.serviceIds?.length} 个事项共用，只交一次`}</StatusTag> : null}
        {m.review?.ok ? <StatusTag tone='success'>预审通过</StatusTag> : null}
        {flaggedReason && m.changedSinceNotice ? <StatusTag tone='success'>已更新</StatusTag> : null}
      </View>
      {m.note ? <Text className='muted'>{m.note}</Text> : null}
      {m.reusedFrom ? (
        <Text className='material__reused'>
          已由您的电子证照《{m.reusedFrom.type}》（编号 {m.reusedFrom.number}）代替，无需上传
        </Text>
      ) : null}
      {missing ? <Text className='material__alert'>缺少此材料，请上传{m.tolerable ? '或签署信用承诺' : ''}</Text> : null}
      {owed && filing.commitment?.dueAt ? (
        <Text className='material__alert'>
          {handIn ? `容缺待补交：请于 ${dateLabel(shanghaiDate(filing.commitment.dueAt))} 前上传` : '容缺材料逾期未补交'}
        </Text>
      ) : null}
      {flagged ? <Text className='material__alert'>需补正：{flaggedReason ?? m.review?.reason ?? '请重新上传'}</Text> : null}
      {unchanged ? <Text className='material__alert'>尚未更改：请上传补正后的材料{m.tolerable ? '，或签署信用承诺' : ''}</Text> : null}

      {m.files.map((f) => (
        <View key={f.id} className='material__file'>
          <Text className='material__file-name'>
            {f.name}（{sizeLabel(f.size)}）
          </Text>
          <View className='material__file-actions'>
            <Button size='small' fill='none' type='primary' aria-label={`查看 ${f.name}`} onClick={() => void view(f.id, f.name, f.contentType)}>
              查看
            </Button>
            {editable ? (
              <Button
                size='small'
                fill='none'
                type='danger'
                aria-label={`删除 ${f.name}`}
                loading={deleting === f.id}
                disabled={busy || uploading}
                onClick={() => void remove(f.id)}
              >
                删除
              </Button>
            ) : null}
          </View>
        </View>
      ))}

      <FormError message={error} />

      {editable || handIn ? (
        <MaterialUpload
          filingId={filing.id}
          materialId={m.materialId}
          materialName={m.name}
          filesCount={m.files.length}
          limits={filing.uploadLimits ?? DEFAULT_UPLOAD_LIMITS}
          disabled={busy}
          onUploaded={onChanged}
        />
      ) : null}
    </View>
  )
}

export default function FilingDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { accessToken } = useSession()
  const filing = useAsync(() => filingsApi.get(id), [id, accessToken], !!id && !!accessToken)
  const [missing, setMissing] = useState<string[]>([])
  const [unchanged, setUnchanged] = useState<string[]>([])
  const [submitting, whileSubmitting] = useBusy()
  // the form's message (submit refused): goes when a material changes, a commitment is signed or the submit goes through
  const errors = useFormErrors()
  const [sheet, setSheet] = useState(false)
  const [committing, setCommitting] = useState(false)
  const [commitError, setCommitError] = useState('')
  const [withdrawing, whileWithdrawing] = useConfirmedBusy()
  // just submitted: offer 开启提醒 (subscribe messages are asked for on that tap only)
  const [submitted, setSubmitted] = useState(false)
  // while a file is on its way, submitting (or withdrawing, or a commitment) would race it
  const uploading = useUploadsRunning() > 0
  const { user } = useSession()
  usePullRefresh(filing.reload)

  const f = filing.data
  const editable = !!f && isEditable(f.status)
  const flagged = new Map((f?.notice?.items ?? []).map((it) => [it.materialId, it.reason]))
  const denied = (f?.timeline ?? []).some((e) => e.action === 'deny')
  // 即办: decided and handed over on the spot, no 决定书 to download
  const completedOnSpot = (f?.timeline ?? []).some((e) => e.action === 'complete')
  const committable = (f?.materials ?? []).filter((m) => m.tolerable && m.files.length === 0 && !m.commitment && !m.reusedFrom)

  const submit = async () => {
    if (!f || uploading) return
    await whileSubmitting(async () => {
      await filingsApi.submit(f.id)
      errors.clear()
      setMissing([])
      setUnchanged([])
      setSubmitted(true)
      toast('已提交预审', 'success')
      filing.reload()
    }, (e) => {
      const ids = isApiError(e) && Array.isArray(e.details.materialIds) ? (e.details.materialIds as string[]) : []
      const named = f.materials.filter((m) => ids.includes(m.materialId))
      const count = named.length
      if (isApiError(e) && e.code === 'MATERIALS_MISSING') {
        // the missing materials are marked on their cards, with their names: the message counts them and does not name them again
        setMissing(ids)
        errors.fail(count ? `还有 ${count} 项必需材料未上传（已在上方标出），请上传${f.materials.some((m) => ids.includes(m.materialId) && m.tolerable) ? '或签署信用承诺' : ''}后再提交` : e.message)
      } else if (isApiError(e) && e.code === 'NOTHING_CORRECTED') {
        // the notice's materials still as they were: name them, mark them, and say what to do
        setUnchanged(ids)
        errors.fail(count ? `未能提交：告知补正的材料${named.map((m) => `“${m.name}”`).join('')}尚未更改。请上传补正后的材料后再提交。` : e.message)
      } else {
        errors.failWith(e)
      }
    })
  }

  const commit = async (materialIds: string[]) => {
    if (!f) return
    setCommitting(true)
    setCommitError('')
    try {
      await filingsApi.commit(f.id, materialIds)
      setSheet(false)
      errors.changed()
      setMissing((ms) => ms.filter((x) => !materialIds.includes(x)))
      setUnchanged((ms) => ms.filter((x) => !materialIds.includes(x)))
      toast('已签署信用承诺', 'success')
      filing.reload()
    } catch (e) {
      setCommitError(errorMessage(e))
    } finally {
      setCommitting(false)
    }
  }

  const withdraw = async () => {
    if (!f || uploading) return
    await whileWithdrawing({ title: '撤回申请', content: '撤回后本次申报结束，需要时可重新申报。确定撤回吗？', confirmText: '撤回', cancelText: '不撤回' }, async () => {
      await filingsApi.withdraw(f.id)
      toast('已撤回')
      filing.reload()
    }, (e) => toast(errorMessage(e)))
  }

  /** a notice of this filing as a PDF (退件回执, 受理通知书, 许可决定书), named with its number */
  const openNotice = async (path: (id: string) => string, title: string) => {
    if (!f) return
    try {
      await openFile({ url: path(f.id), fileName: `${title}-${f.number}.pdf`, authorization: authorization(), fileType: 'pdf' })
    } catch (e) {
      toast(errorMessage(e))
    }
  }
  const returnNotice = () => openNotice(filingsApi.returnPath, '退件回执')
  const receipt = () => openNotice(filingsApi.receiptPath, '受理通知书')
  const decision = () => openNotice(filingsApi.decisionPath, '许可决定书')

  const timeline = filingTimeline(f?.timeline ?? [])
  // 一件事: one part per department, reviewed in parallel
  const parts = f?.parts ?? []
  const materialNames = new Map((f?.materials ?? []).map((m) => [m.materialId, m.name]))

  const progressBlock = timeline.length ? (
    <>
      <View className='section-title'>办理进度</View>
      <View className='card'>
        <Timeline items={timeline} />
      </View>
    </>
  ) : null

  return (
    <SignedInPage className='filing' purpose='查看办件'>
      <PageState of={filing} notFound={!id} notFoundText='缺少办件编号'>
        {(f) => (
          <View>
            <View className='filing__head'>
              <Text className='filing__name'>{f.serviceName}</Text>
              <Text className='filing__number'>办件编号：<Code>{f.number}</Code></Text>
              <Text className='filing__number'>办理大厅：{f.transfer ? `${f.transfer.filedHallName}（受理）→ ${f.transfer.competentHallName}（承办）` : f.hallName}</Text>
              {f.responsible ? (
                <Text className='filing__number filing__responsible'>{`首问负责人：${f.responsible.name}${f.responsible.hallName ? `（${f.responsible.hallName}）` : ''}`}</Text>
              ) : null}
              {f.party ? <Text className='filing__number filing__party'>{partyLabel(f.party, user?.id ?? null)}</Text> : null}
              <View className='filing__tags'>
                <StatusTag tone={FILING_TONE[f.status] ?? 'info'}>{APPLICATION_STATUS_LABELS[f.status]}</StatusTag>
                {f.sla ? <StatusTag tone={SLA_TONE[f.sla]}>{SLA_LABELS[f.sla]}</StatusTag> : null}
                {f.deemedAccepted ? <StatusTag tone='info'>视为受理</StatusTag> : null}
                {f.instant ? <StatusTag tone='success'>即办件</StatusTag> : null}
                {f.onBehalf ? <StatusTag tone='info'>代办</StatusTag> : null}
                {parts.length ? <StatusTag tone='info'>{`一件事 · ${parts.length} 个事项`}</StatusTag> : null}
              </View>
            </View>

            {f.rateable || f.rating ? (
              <View className='card'>
                <RateEntry targetType='application' targetId={f.id} state={f} size='large' />
              </View>
            ) : null}

            {submitted && !isEditable(f.status) ? <SubscribeCard keys={['filing_progress']} purpose='办件进度提醒' /> : null}

            {f.status === 'draft' ? (
              <View className='banner banner--info'>
                <Text className='banner__title'>请逐项上传材料后提交预审</Text>
                <Text className='banner__line'>标“容缺”的材料暂缺时，可签署信用承诺先行受理。</Text>
              </View>
            ) : null}

            {f.status === 'submitted' && f.prereview ? (
              <View className='banner banner--info' role='status'>
                <Text className='banner__title'>等待预审</Text>
                <Text className='banner__line'>
                  预审剩余 <Text className='banner__big'>{f.prereview.daysLeft}</Text> 个工作日（{dateLabel(f.prereview.deadline)} 前）
                </Text>
                <Text className='banner__line'>依《行政许可法》，逾期未出具补正告知的，自提交之日起视为受理。</Text>
              </View>
            ) : null}

            {f.notice && f.status === 'correction_required' ? (
              <View className='banner banner--danger' role='alert'>
                <Text className='banner__title'>一次性告知：请补正以下 {f.notice.items.length} 项材料</Text>
                <Text className='banner__line'>
                  请于 {dateLabel(f.notice.deadline)} 前补正并重新提交（告知时间 {fullDateTime(f.notice.issuedAt)}）
                </Text>
                {f.notice.items.map((it) => (
                  <View key={it.materialId} className='notice__item'>
                    <Text className='notice__name'>{it.departmentName ? `${it.name}（${it.departmentName}）` : it.name}</Text>
                    <Text className='notice__reason'>原因：{it.reason}</Text>
                  </View>
                ))}
                <Text className='banner__line'>除上述材料外，不会再要求补充其他材料。</Text>
              </View>
            ) : null}

            {f.commitment?.owed.length && f.commitment.dueAt && f.commitment.status === 'open' ? (
              <View className='banner banner--warning' role='status'>
                <Text className='banner__title'>容缺受理：请补交 {f.commitment.owed.length} 项材料</Text>
                <Text className='banner__line'>
                  补交期限还剩 <Text className='banner__big'>{f.commitment.daysLeft ?? 0}</Text> 个工作日（{dateLabel(shanghaiDate(f.commitment.dueAt))} 前）
                </Text>
                <Text className='banner__line'>
                  请在下方“{f.materials.filter((m) => f.commitment?.owed.includes(m.materialId)).map((m) => m.name).join('”“')}”处上传。材料补齐前不能作出准予决定，逾期未补交将记入信用记录。
                </Text>
              </View>
            ) : null}

            {f.commitment?.status === 'breached' ? (
              <View className='banner banner--danger' role='alert'>
                <Text className='banner__title'>容缺承诺未按期履行</Text>
                <Text className='banner__line'>承诺补交的材料未在期限内补交，已记入信用记录，一段时间内不能再申请容缺受理。如有疑问请联系窗口。</Text>
              </View>
            ) : null}

            {f.transfer && f.clockPaused ? (
              <View className='banner banner--info' role='status' aria-label='计时暂停'>
                <Text className='banner__title'>计时暂停：{f.status === 'forwarding' ? `办件转${f.transfer.competentHallName}办理中` : `办理结果回传${f.transfer.filedHallName}中`}</Text>
                <Text className='banner__line'>
                  同城通办：{f.transfer.filedHallName} 受理，{f.transfer.competentHallName} 承办。在途时间不计入承诺办结时限
                  {f.transfer.receiveBy ? `，对方应于 ${dateLabel(f.transfer.receiveBy)} 前接收` : ''}。
                </Text>
                <Text className='banner__line'>办理结果在 {f.transfer.filedHallName} 领取，或按您选择的方式送达。</Text>
              </View>
            ) : null}

            {f.status === 'returned' && f.returnReason ? (
              <View className='banner banner--danger'>
                <Text className='banner__title'>已退件</Text>
                <Text className='banner__line'>退件理由：{f.returnReason}</Text>
                <Text className='banner__line'>请凭退件回执到窗口领回材料，补齐后可重新申报。</Text>
                <Tappable className='link' onTap={() => void returnNotice()}>
                  <Text>下载退件回执（PDF）</Text>
                </Tappable>
              </View>
            ) : null}

            {f.status === 'refused' && f.refuseReason ? (
              <View className='banner banner--danger'>
                <Text className='banner__title'>不予受理</Text>
                <Text className='banner__line'>原因：{f.refuseReason}</Text>
              </View>
            ) : null}

            {f.dueAt || f.receiptNo ? (
              <View className='card'>
                {f.acceptedAt ? <KeyValue label='受理日期'>{dateLabel(shanghaiDate(f.acceptedAt))}</KeyValue> : null}
                {f.dueAt ? (
                  <KeyValue label='承诺办结期限' valueClassName='filing__due'>
                    {dateLabel(shanghaiDate(f.dueAt))} 前{parts.length ? '（以最慢的事项为准）' : ''}
                    {f.transfer?.pausedDays ? `（转办在途 ${f.transfer.pausedDays} 个工作日不计入，已顺延）` : ''}
                  </KeyValue>
                ) : null}
                {f.receiptNo ? (
                  <KeyValue label='受理回执号' code copy={f.receiptNo}>
                    {f.receiptNo}
                  </KeyValue>
                ) : null}
                {f.decisionNote ? <KeyValue label='审查意见'>{f.decisionNote}</KeyValue> : null}
                {f.receiptNo ? (
                  <Tappable className='link' onTap={() => void receipt()}>
                    <Text>下载受理通知书（PDF）</Text>
                  </Tappable>
                ) : null}
                {DECIDED.includes(f.status) && !completedOnSpot ? (
                  <Tappable className='link' onTap={() => void decision()}>
                    <Text>下载{denied ? '不予' : '准予'}许可决定书（PDF）</Text>
                  </Tappable>
                ) : null}
                {f.certificate ? (
                  <Tappable className='link' onTap={() => openPage(LINKS.certificate(f.certificate!.id))}>
                    <Text>查看电子证照《{f.certificate.type}》</Text>
                  </Tappable>
                ) : null}
              </View>
            ) : null}

            {parts.length ? (
              <>
                <View className='section-title'>{`各部门办理进度（${parts.length} 个事项并联审批）`}</View>
                <View className='card'>
                  <BundleParts parts={parts} materialNames={materialNames} certificateLinks />
                </View>
              </>
            ) : null}

            {allPartsDecided(parts) ? (
              <>
                <View className='section-title'>办结结果</View>
                <View className='card'>
                  <Text className='muted'>{`本次一件事共 ${parts.length} 个事项，已全部办结：`}</Text>
                  <BundleResult parts={parts} />
                </View>
              </>
            ) : null}

            {f.status !== 'withdrawn' && f.status !== 'refused' ? <DeliveryCard filing={f} onChanged={filing.reload} /> : null}

            {!editable ? progressBlock : null}

            <View className='section-title'>申请材料</View>
            <View className='card'>
              {editable ? <Text className='muted material-hint'>{uploadHint(f.uploadLimits ?? DEFAULT_UPLOAD_LIMITS)}</Text> : null}
              {f.materials.map((m) => (
                <MaterialCard
                  key={m.materialId}
                  filing={f}
                  m={m}
                  missing={missing.includes(m.materialId)}
                  unchanged={unchanged.includes(m.materialId)}
                  flaggedReason={f.status === 'correction_required' ? flagged.get(m.materialId) ?? null : null}
                  busy={submitting || withdrawing}
                  uploading={uploading}
                  onChanged={() => {
                    errors.changed()
                    setMissing((ms) => ms.filter((x) => x !== m.materialId))
                    setUnchanged((ms) => ms.filter((x) => x !== m.materialId))
                    filing.reload()
                  }}
                />
              ))}
              {editable && committable.length > 0 ? (
                <Button block fill='outline' type='primary' disabled={uploading} onClick={() => setSheet(true)}>
                  签署信用承诺（容缺受理）
                </Button>
              ) : null}
            </View>

            <FormError banner message={errors.form} />

            <ButtonRow className='filing__actions'>
              {uploading && (editable || BEFORE_ACCEPTANCE.includes(f.status)) ? (
                <View className='banner banner--info filing__wait button-row__line' role='status'>
                  <Text>文件正在上传，上传完成后才能提交或撤回</Text>
                </View>
              ) : null}
              {editable ? (
                <Button block type='primary' size='large' loading={submitting} disabled={uploading || withdrawing} onClick={submit}>
                  {f.status === 'correction_required' ? '补正后重新提交' : '提交预审'}
                </Button>
              ) : null}
              {BEFORE_ACCEPTANCE.includes(f.status) ? (
                <Button block type='danger' fill='outline' loading={withdrawing} disabled={uploading || submitting} onClick={withdraw}>
                  撤回申请
                </Button>
              ) : null}
            </ButtonRow>

            {editable ? progressBlock : null}
          </View>
        )}
      </PageState>
      {/* WeChat: consent to the privacy guide before the album, camera or chat files */}
      <PrivacySheet />
      {sheet && f ? (
        <CommitmentSheet
          materials={committable}
          days={f.commitmentDays ?? DEFAULT_COMMITMENT_DAYS}
          busy={committing}
          error={commitError}
          onConfirm={(ids) => void commit(ids)}
          onClose={() => setSheet(false)}
        />
      ) : null}
    </SignedInPage>
  )
}
