import Code from '@/components/Code'
import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { COMMITMENT_STATUS_LABELS, type ApplicationStatus, type DeliveryMethod, type StaffRole } from '@gov/shared'
import Button from '@/components/AppButton'
import FormSubmit from '@/components/FormSubmit'
import FormField from '@/components/FormField'
import PageState from '@/components/PageState'
import ReasonDialog from '@/components/ReasonDialog'
import StaffPage from '@/components/StaffPage'
import StatusTag from '@/components/StatusTag'
import Timeline, { filingTimeline } from '@/components/Timeline'
import { isApiError } from '@/api/client'
import { staffApi, type PrereviewDecision } from '@/api/staff'
import { useAsync } from '@/hooks/useAsync'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { useFormErrors } from '@/hooks/useFormErrors'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { dateLabel, fullDateTime } from '@/utils/time'
import { toast } from '@/utils/nav'
import Choice from '@/subpackages/staff/Choice'
import FilePreview from '@/subpackages/staff/FilePreview'
import ApplicantInfo from '@/subpackages/staff/components/ApplicantInfo'
import PhraseChips from '@/subpackages/staff/components/PhraseChips'
import { DELIVERY } from '@/subpackages/staff/labels'
import '@/subpackages/staff/staff.scss'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import FilingTags from '@/subpackages/staff/components/FilingTags'
import PartSteps from '@/subpackages/staff/components/PartSteps'
import { useBusy } from '@/hooks/useBusy'
import { forDuties, holds } from '@/utils/duties'

type Draft = Record<string, { ok: boolean | null; reason: string }>
type Action = 'accept' | 'refuse' | 'under_review' | 'approved' | 'denied' | 'deliver' | 'return' | 'complete' | 'forward' | 'receive' | null

/**
 * The steps staff may take from a status, each confirmed in a dialog, and whose duty each is
 * (受审分离): the window refuses at once from 待预审, does 即办 (instant services only: decided on the
 * spot, so no separate reviewer), accepts or refuses after pre-review, 退件 after acceptance and
 * delivers; the department's reviewer opens the review and decides. 同城通办: the window forwards an
 * accepted filing its hall does not handle (转办, `forwardOnly`: shown when the server offers targets),
 * the competent hall's window receives it (接收), and after the decision sends the result back, which
 * the filing hall's window receives and delivers.
 */
type Step = { action: Exclude<Action, null>; label: string; danger?: boolean; instantOnly?: boolean; forwardOnly?: boolean; duty: StaffRole }
const NEXT_STEPS: Partial<Record<ApplicationStatus, Step[]>> = {
  submitted: [
    { action: 'complete', label: '即办：当场办结', instantOnly: true, duty: 'window' },
    { action: 'refuse', label: '不予受理', danger: true, duty: 'window' },
  ],
  prereview_passed: [
    { action: 'complete', label: '即办：当场办结', instantOnly: true, duty: 'window' },
    { action: 'accept', label: '受理', duty: 'window' },
    { action: 'refuse', label: '不予受理', danger: true, duty: 'window' },
  ],
  accepted: [
    { action: 'forward', label: '转办', forwardOnly: true, duty: 'window' },
    { action: 'under_review', label: '进入审查', duty: 'reviewer' },
    { action: 'return', label: '退件', danger: true, duty: 'window' },
  ],
  under_review: [
    { action: 'approved', label: '准予许可', duty: 'reviewer' },
    { action: 'denied', label: '不予许可', danger: true, duty: 'reviewer' },
    { action: 'return', label: '退件', danger: true, duty: 'window' },
  ],
  approved: [
    { action: 'forward', label: '结果回传受理大厅', forwardOnly: true, duty: 'window' },
    { action: 'deliver', label: '送达结果', duty: 'window' },
  ],
  denied: [
    { action: 'forward', label: '结果回传受理大厅', forwardOnly: true, duty: 'window' },
    { action: 'deliver', label: '送达结果', duty: 'window' },
  ],
  forwarding: [{ action: 'receive', label: '接收', duty: 'window' }],
  returning: [{ action: 'receive', label: '接收回传结果', duty: 'window' }],
  ready_for_pickup: [{ action: 'deliver', label: '确认已领取', duty: 'window' }],
}

/** The steps a 一件事 filing takes part by part (PartSteps), not as a whole. */
const PART_DECIDES: Action[] = ['under_review', 'approved', 'denied']

/** What the page says when the next step is another duty's. */
const OTHERS_STEP: Record<StaffRole, string> = {
  window: '下一步由窗口人员办理（受理、送达）。',
  reviewer: '下一步由承办部门审核人员审查决定（受审分离：受理人不能作出决定）。',
  supervisor: '',
}

/** Pre-review of a filing (every material at once), then accept / refuse / advance / deliver. */
export default function Review() {
  const id = useRouter().params.id ?? ''
  const desk = useDeskAccess()
  const accessToken = desk.accessToken
  const enabled = desk.enabled && !!id
  const filing = useAsync(() => staffApi.filing(id), [id, accessToken], enabled)
  const phrases = useAsync(() => staffApi.phrases(), [accessToken], enabled)
  usePullRefresh(filing.reload)
  const f = filing.data

  const [draft, setDraft] = useState<Draft>({})
  // per material (its id) and for the form: a conclusion given clears its message and the form's
  const errors = useFormErrors()
  const [busy, whileBusy] = useBusy()
  const [action, setAction] = useState<Action>(null)
  const [method, setMethod] = useState<DeliveryMethod>('window')
  const [trackingNo, setTrackingNo] = useState('')
  const [target, setTarget] = useState('')
  const [confirming, setConfirming] = useState(false)

  useEffect(() => {
    if (!f) return
    const d: Draft = {}
    for (const m of f.materials) d[m.materialId] = { ok: null, reason: '' }
    setDraft(d)
    errors.clear()
  }, [f?.id, f?.status])

  const roles = desk.user?.roles
  const atWindow = holds(roles, 'window')
  // the originals check at the window (预审通过) may still send the one notice
  const [checkingOriginals, setCheckingOriginals] = useState(false)
  useEffect(() => setCheckingOriginals(false), [f?.id, f?.status])
  // 一件事: each department pre-reviews and decides its own part (PartSteps), not the filing as a whole
  const bundle = !!f?.parts?.length
  // pre-review is the window's duty; a reviewer or supervisor reads the materials only
  const reviewing = !bundle && atWindow && (f?.status === 'submitted' || (f?.status === 'prereview_passed' && checkingOriginals))
  // 同城通办: only the hall holding the filing acts (the other hall follows it); a forwarded result is
  // delivered by the hall where it was filed, after it came back; 转办 only where the server offers a hall
  const targets = f?.forwardTargets ?? []
  const holding = !f?.transfer || !!roles?.includes('admin') || desk.user?.hallId === f.hallId
  const mustReturn = !!f?.transfer && f.hallId !== f.transfer.filedHallId
  const allSteps = f && holding
    ? (NEXT_STEPS[f.status] ?? []).filter(
        (step) =>
          (!step.instantOnly || f.instant) &&
          (!step.forwardOnly || targets.length > 0) &&
          !(step.action === 'deliver' && mustReturn) &&
          !(bundle && PART_DECIDES.includes(step.action)),
      )
    : []
  const mySteps = forDuties(allSteps, roles)
  // whose the main next step is when it is not the caller's (退件 beside it is the window's); 待预审 says so below
  const next = allSteps[0]
  // (一件事 under review: the parts' departments decide, PartSteps says whose part is whose)
  const othersDuty = next && !mySteps.includes(next) && f?.status !== 'submitted' && !(bundle && (f?.status === 'accepted' || f?.status === 'under_review')) ? next.duty : null
  const set = (materialId: string, patch: Partial<Draft[string]>) => {
    setDraft((cur) => ({ ...cur, [materialId]: { ...cur[materialId], ...patch } }))
    errors.changed(materialId)
  }

  const decisions = (): PrereviewDecision[] =>
    f ? f.materials.map((m) => ({ materialId: m.materialId, ok: !!draft[m.materialId].ok, reason: draft[m.materialId].ok ? null : draft[m.materialId].reason.trim() })) : []

  /** Every material needs a conclusion; a flagged one needs a reason. The one-time notice is confirmed first. */
  const submitReview = async () => {
    if (!f) return
    const errs: Record<string, string> = {}
    for (const m of f.materials) {
      const d = draft[m.materialId]
      if (!d || d.ok === null) errs[m.materialId] = '请对该材料作出结论'
      else if (!d.ok && d.reason.trim().length < 2) errs[m.materialId] = '请写明需补正的原因'
    }
    if (Object.keys(errs).length) {
      errors.set({ ...errs, form: '请对每一项材料作出结论（一次性告知全部问题）' })
      return
    }
    errors.clear()
    if (decisions().some((d) => !d.ok)) {
      setConfirming(true)
      return
    }
    if (f.status === 'prereview_passed') {
      errors.fail('原件核验无误的，请直接受理；需补正的材料请选“需补正”并写明原因')
      return
    }
    await whileBusy(async () => {
      await sendReview()
    }, (e) => {
      errors.failWith(e)
      if (isApiError(e) && e.code === 'NOTICE_LOCKED') filing.reload()
    })
  }

  const sendReview = async () => {
    if (!f) return
    const res = await staffApi.prereview(f.id, decisions())
    errors.clear()
    toast(res.status === 'correction_required' ? '已发出一次性补正告知' : '预审通过', 'success')
    filing.reload()
  }

  /** A stock phrase tapped: into the reason (after what is there), still editable. */
  const insertPhrase = (materialId: string, text: string) => {
    const cur = draft[materialId]?.reason.trim() ?? ''
    set(materialId, { reason: cur ? `${cur}；${text}` : text })
  }

  const flagged = f ? f.materials.filter((m) => draft[m.materialId]?.ok === false).length : 0
  const timeline = filingTimeline(f?.timeline ?? [])

  const dialog: Record<Exclude<Action, null>, { title: string; label?: string; description: string; confirm: string; danger?: boolean; minLength?: number }> = {
    accept: { title: '受理办件', description: '受理后开始计算承诺办结时限，并生成受理通知书。', confirm: '受理' },
    refuse: { title: '不予受理', label: '不予受理理由', description: '申请人将收到《不予受理通知书》，写明理由。', confirm: '不予受理', danger: true },
    under_review: { title: '进入审查', label: '说明（选填）', description: '开始实质审查。', confirm: '进入审查', minLength: 0 },
    approved: { title: '准予许可', label: '决定说明', description: '作出准予许可的决定。', confirm: '准予许可' },
    denied: { title: '不予许可', label: '决定说明（理由）', description: '作出不予许可的决定，须写明理由。', confirm: '不予许可', danger: true },
    deliver: f?.status === 'ready_for_pickup'
      ? { title: '确认已领取', description: '申请人已到窗口领取办理结果。', confirm: '确认已领取' }
      : { title: '送达结果', description: '按申请人选择的方式送达；未选择的，选择本事项公布的一种方式。', confirm: '确认送达' },
    return: { title: '退件', label: '退件理由', description: '退回已受理的办件：申请人将收到退件通知，可下载《退件回执》凭回执领回材料。', confirm: '退件', danger: true },
    forward: f?.status === 'accepted'
      ? { title: '转办（同城通办）', description: '转至承办大厅办理：对方须在一个工作日内接收，在途时间不计入承诺时限，办理结果将回传本大厅。', confirm: '转办', minLength: 0 }
      : { title: '结果回传受理大厅', description: '办理结果回传申请人提交申请的大厅，由其接收后送达；在途时间不计入承诺时限。', confirm: '回传', minLength: 0 },
    receive: f?.status === 'forwarding'
      ? { title: '接收转办', description: '接收后恢复计时，在途的工作日不计入承诺时限，办结期限相应顺延。', confirm: '接收', minLength: 0 }
      : { title: '接收回传结果', description: '接收承办大厅回传的办理结果，然后按申请人选择的方式送达。', confirm: '接收', minLength: 0 },
    complete: { title: '即办：当场办结', label: '办结说明（选填）', description: '即办件当场审核、当场交付结果，不出具受理通知书、不计承诺时限。', confirm: '当场办结', minLength: 0 },
  }
  const dlg = action ? dialog[action] : null

  const runAction = async (text: string) => {
    if (!f || !action) return
    if (action === 'accept') await staffApi.accept(f.id)
    else if (action === 'refuse') await staffApi.refuse(f.id, text)
    else if (action === 'return') await staffApi.returnFiling(f.id, text)
    else if (action === 'complete') await staffApi.complete(f.id, text)
    else if (action === 'forward') {
      if (!target) throw new Error('请选择转至的大厅')
      await staffApi.forward(f.id, target)
    } else if (action === 'receive') await staffApi.receive(f.id)
    else if (action === 'deliver') {
      if (method === 'post' && !/^[A-Za-z0-9-]{6,40}$/.test(trackingNo.trim())) throw new Error('请填写 6-40 位快递单号')
      await staffApi.deliver(f.id, method, method === 'post' ? trackingNo.trim() : undefined)
    } else await staffApi.advance(f.id, action, text)
    toast('已办理', 'success')
    filing.reload()
  }

  return (
    <StaffPage title={atWindow ? '办件预审' : '办件审查'} onRefresh={filing.reload}>
      <PageState of={filing}>
        {f && (
          <View className='st-review'>
            <View>
              <View className='card'>
                <View className='st-item__head'>
                  <Text className='st-item__title'>{f.serviceName}</Text>
                  <FilingTags filing={f} />
                </View>
                <Text className='st-line'>
                  办件编号 <Code>{f.number}</Code> · {f.hallName}
                  {f.onBehalf ? ' · 代办' : ''}
                </Text>
                {f.prereview ? (
                  <Text className='st-line'>
                    预审剩余 {f.prereview.daysLeft} 个工作日（{dateLabel(f.prereview.deadline)} 前未发出补正告知的，视为自提交之日起受理）
                  </Text>
                ) : null}
                {f.acceptBy ? <Text className='st-line'>受理时限：{dateLabel(f.acceptBy)} 前受理或告知（提交后一个工作日内）</Text> : null}
                {f.instant ? <Text className='st-line'>即办件：当场办结、当场交付，不出具受理通知书</Text> : null}
                {f.dueAt ? <Text className='st-line'>办结期限 {dateLabel(f.dueAt)}{f.transfer?.pausedDays ? `（含转办在途顺延 ${f.transfer.pausedDays} 个工作日）` : ''}</Text> : null}
                {f.transfer ? (
                  <View className={f.transfer.late ? 'st-note' : 'st-line'} role='note' aria-label='同城通办'>
                    <Text>
                      同城通办：{f.transfer.filedHallName} 受理，{f.transfer.competentHallName} 承办
                      {f.clockPaused && f.transfer.receiveBy ? `；在途计时暂停，应于 ${dateLabel(f.transfer.receiveBy)} 前接收` : ''}
                      {f.transfer.late ? '，已超时（已报两地督办）' : ''}
                    </Text>
                  </View>
                ) : null}
                {f.transfer && !holding ? <Text className='st-line'>办件现由 {f.hallName} 办理，本大厅可查看进度。</Text> : null}
                {f.commitment ? (
                  <View className={f.commitment.status === 'breached' || f.commitment.owed.length ? 'st-note' : 'st-line'}>
                    <Text>
                      容缺承诺：{COMMITMENT_STATUS_LABELS[f.commitment.status]}
                      {f.commitment.owed.length
                        ? `，待补交 ${f.materials.filter((m) => f.commitment?.owed.includes(m.materialId)).map((m) => m.name).join('、')}`
                        : ''}
                      {f.commitment.dueAt ? `（补交期限 ${dateLabel(f.commitment.dueAt)}）` : '（自受理之日起计算补交期限）'}
                      {f.commitment.owed.length ? '。材料补齐前不能准予许可或送达。' : ''}
                    </Text>
                  </View>
                ) : null}
                {f.credit?.records.length ? (
                  <View className='st-note' role='note' aria-label='信用记录'>
                    <Text>
                      信用记录：有 {f.credit.records.length} 条容缺承诺未履行记录
                      {f.credit.barredUntil ? `，${dateLabel(f.credit.barredUntil)} 前不得申请容缺受理` : ''}
                    </Text>
                    {f.credit.records.map((r) => (
                      <Text key={r.id} className='st-line'>
                        {fullDateTime(r.recordedAt)}：{r.note}
                      </Text>
                    ))}
                  </View>
                ) : null}
                {f.returnReason ? <Text className='st-line'>退件理由：{f.returnReason}</Text> : null}
                {f.receiptNo ? <Text className='st-line'>受理编号 <Code>{f.receiptNo}</Code></Text> : null}
                {f.refuseReason ? <Text className='st-line'>不予受理理由：{f.refuseReason}</Text> : null}
                {f.decisionNote ? <Text className='st-line'>决定说明：{f.decisionNote}</Text> : null}
                {f.delivery ? (
                  <Text className='st-line'>
                    送达：{DELIVERY[f.delivery.method] ?? f.delivery.method}
                    {f.delivery.chosenBy === 'applicant' ? '（申请人选择）' : ''}
                    {f.delivery.address ? ` · ${f.delivery.address.name} ${f.delivery.address.phone} ${f.delivery.address.region}${f.delivery.address.detail}` : ''}
                    {f.delivery.trackingNo ? ` · 快递单号 ${f.delivery.trackingNo}` : ''}
                  </Text>
                ) : null}
                {f.certificate ? <Text className='st-line'>电子证照：{f.certificate.type}（编号 <Code>{f.certificate.number}</Code>）</Text> : null}
                <ApplicantInfo key={f.id} applicant={f.applicant} reveal={() => staffApi.revealFilingApplicant(f.id)} />
                {f.notice ? (
                  <View className='st-note'>
                    第 {f.notice.round} 次补正告知（{fullDateTime(f.notice.issuedAt)}），补正期限 {dateLabel(f.notice.deadline)}。再次预审时只能要求补正已告知或已更换的材料。
                  </View>
                ) : null}
              </View>

              {bundle ? (
                <>
                  <View className='section-title'>{`一件事各部门（${f.parts?.length ?? 0} 个事项并联审批）`}</View>
                  <View className='card'>
                    <Text className='st-line'>各部门分别预审、审查本部门的事项；各部门都预审后合并发出一次性告知，或由窗口统一受理。未在期限内答复的部门视为同意（超时默认）。</Text>
                    <PartSteps filing={f} user={desk.user} onChanged={filing.reload} />
                  </View>
                </>
              ) : null}

              <View className='section-title'>申请材料（{f.materials.length} 项）</View>
              <View className='card'>
                {reviewing ? <Text className='st-line'>请逐项查看并一次性作出结论：合格，或写明需补正的原因。</Text> : null}
                {f.materials.some((m) => typeof m.changedSinceNotice === 'boolean') ? (
                  <Text className='st-line'>“已更新 / 未更改”指补正告知发出后申请人是否更换了该材料（按文件内容比对，含信用承诺）；未告知且未更改的材料不能再要求补正。</Text>
                ) : null}
                {f.materials.map((m) => {
                  const d = draft[m.materialId]
                  return (
                    <View key={m.materialId} className='st-material' role='group' aria-label={m.name}>
                      <View className='st-item__head'>
                        <Text className='st-item__title'>{m.name}</Text>
                        <View className='st-tags'>
                          {m.required ? <StatusTag tone='info'>必需</StatusTag> : <StatusTag tone='muted'>非必需</StatusTag>}
                          {m.tolerable ? <StatusTag tone='warning'>可容缺</StatusTag> : null}
                          {m.review ? <StatusTag tone={m.review.ok ? 'success' : 'danger'}>{m.review.ok ? '预审合格' : '预审需补正'}</StatusTag> : null}
                          {typeof m.changedSinceNotice === 'boolean' ? (
                            <StatusTag tone={m.changedSinceNotice ? 'warning' : 'muted'}>{m.changedSinceNotice ? '已更新' : '未更改'}</StatusTag>
                          ) : null}
                        </View>
                      </View>
                      {m.review && !m.review.ok && m.review.reason ? <Text className='st-line'>预审意见：{m.review.reason}</Text> : null}
                      {m.commitment ? <Text className='st-line'>已签署容缺承诺（{fullDateTime(m.commitment.at)}）：{m.commitment.text}</Text> : null}
                      {m.files.length === 0 ? <Text className='st-line'>未上传文件</Text> : m.files.map((file) => <FilePreview key={file.id} file={file} />)}
                      {reviewing && d && (
                        <>
                          <View className='st-choice-row' role='radiogroup' aria-label={`${m.name} 预审结论`}>
                            <Choice on={d.ok === true} label='合格' onTap={() => set(m.materialId, { ok: true })} />
                            <Choice bad on={d.ok === false} label='需补正' onTap={() => set(m.materialId, { ok: false })} />
                          </View>
                          {d.ok === false && (
                            <>
                              <FormField
                                label={`${m.name} 补正原因`}
                                value={d.reason}
                                onChange={(v) => set(m.materialId, { reason: v })}
                                placeholder='例如：照片不清晰，请重新拍摄'
                                multiline
                                maxlength={500}
                              />
                              <PhraseChips phrases={phrases.data ?? []} material={m.name} onPick={(text) => insertPhrase(m.materialId, text)} />
                            </>
                          )}
                          {errors.of(m.materialId) ? <Text className='field__error'>{errors.of(m.materialId)}</Text> : null}
                        </>
                      )}
                    </View>
                  )
                })}
                {f.status === 'prereview_passed' && atWindow && !checkingOriginals ? (
                  <>
                    <Text className='st-line'>窗口核验原件时发现问题的，仍可发出一次性补正告知（只能要求补正已告知或已更换的材料）。</Text>
                    <Button className='btn-block' block type='warning' fill='outline' onClick={() => setCheckingOriginals(true)}>
                      原件核验需补正
                    </Button>
                  </>
                ) : null}
                {reviewing && (
                  <FormSubmit error={errors.form} loading={busy} onSubmit={submitReview}>
                    {flagged > 0 ? `发出补正告知（${flagged} 项）` : '提交预审结论'}
                  </FormSubmit>
                )}
              </View>
            </View>

            <View>
              <View className='section-title'>办理</View>
              <View className='card'>
                {othersDuty ? <Text className='st-line'>{OTHERS_STEP[othersDuty]}</Text> : null}
                {bundle && (f.status === 'accepted' || f.status === 'under_review') ? (
                  <Text className='st-line'>各部门在“一件事各部门”中分别审查、决定本部门的事项；全部办结（含超时默认同意）后合并出具结果。</Text>
                ) : null}
                {mySteps.length ? (
                  <ButtonRow className='st-actions'>
                    {mySteps.map((step) => (
                      <Button key={step.action} type={step.danger ? 'danger' : 'primary'} fill={step.danger ? 'outline' : undefined} onClick={() => {
                        // the applicant's choice stands; otherwise the first method the service publishes
                        if (step.action === 'deliver') setMethod(f.delivery?.method ?? f.deliveryMethods[0] ?? 'window')
                        if (step.action === 'forward') setTarget(targets.length === 1 ? targets[0].id : '')
                        setAction(step.action)
                      }}>
                        {step.label}
                      </Button>
                    ))}
                  </ButtonRow>
                ) : null}
                {['submitted', 'correction_required', 'refused', 'delivered', 'withdrawn', 'draft', 'returned'].includes(f.status) && (
                  <Text className='st-line'>
                    {f.status === 'submitted'
                      ? reviewing
                        ? '请先完成预审；依法不予受理的可直接不予受理。'
                        : bundle
                          ? '等待各部门预审本部门的事项。'
                          : '等待窗口人员预审。'
                      : f.status === 'correction_required'
                        ? '等待申请人补正材料。'
                        : '该办件已办结，无需操作。'}
                  </Text>
                )}
              </View>
              <View className='section-title'>办理进度</View>
              <View className='card'>
                {timeline.length ? <Timeline items={timeline} /> : <Text className='st-line'>暂无记录</Text>}
              </View>
            </View>
          </View>
        )}
      </PageState>

      <ReasonDialog
        visible={confirming}
        title='发出一次性补正告知'
        minLength={0}
        confirmText='确认发出'
        danger
        description={
          <>
            <Text className='st-text'>一次性告知只能发出一次：发出后，不能再要求申请人补正下列以外的材料。请核对：</Text>
            <View className='st-notice-list' role='list' aria-label='需补正的材料'>
              {f?.materials
                .filter((m) => draft[m.materialId]?.ok === false)
                .map((m, i) => (
                  <View key={m.materialId} role='listitem'>
                    <Text className='st-text'>
                      {i + 1}. {m.name}：{draft[m.materialId].reason.trim()}
                    </Text>
                  </View>
                ))}
            </View>
          </>
        }
        onConfirm={async () => {
          try {
            await sendReview()
          } catch (e) {
            if (isApiError(e) && e.code === 'NOTICE_LOCKED') filing.reload()
            throw e
          }
        }}
        onClose={() => setConfirming(false)}
      />

      <ReasonDialog
        visible={!!action}
        title={dlg?.title ?? ''}
        label={dlg?.label}
        minLength={dlg?.minLength ?? 2}
        description={dlg?.description}
        confirmText={dlg?.confirm}
        danger={dlg?.danger}
        onConfirm={runAction}
        onClose={() => setAction(null)}
      >
        {action === 'deliver' && (
          <>
            <View className='st-choice-row' role='radiogroup' aria-label='送达方式'>
              {(f?.delivery?.chosenBy === 'applicant' ? [f.delivery.method] : f?.deliveryMethods ?? []).map((m) => (
                <Choice key={m} on={method === m} label={DELIVERY[m]} onTap={() => setMethod(m)} />
              ))}
            </View>
            {f?.delivery?.chosenBy === 'applicant' ? <Text className='st-line'>按申请人选择的方式送达。</Text> : null}
            {method === 'window' && f?.status !== 'ready_for_pickup' ? <Text className='st-line'>将通知申请人到本大厅领取（地点和办公时间）；领取时再点“确认已领取”。</Text> : null}
            {method === 'post' && <FormField label='快递单号' value={trackingNo} onChange={setTrackingNo} maxlength={40} placeholder='6-40 位字母或数字' />}
          </>
        )}
        {action === 'forward' && (
          <View className='st-choice-row' role='radiogroup' aria-label='转至大厅'>
            {targets.map((h) => (
              <Choice key={h.id} on={target === h.id} label={h.name} onTap={() => setTarget(h.id)} />
            ))}
          </View>
        )}
      </ReasonDialog>
    </StaffPage>
  )
}
