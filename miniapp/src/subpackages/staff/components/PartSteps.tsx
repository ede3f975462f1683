import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ApplicationPartView, Me, PartAdvanceTarget, StaffApplicationView } from '@gov/shared'
import Button from '@/components/AppButton'
import ButtonRow from '@/components/ButtonRow'
import { BundleParts } from '@/components/BundleParts'
import ReasonDialog from '@/components/ReasonDialog'
import { staffApi } from '@/api/staff'
import { holds } from '@/utils/duties'
import { toast } from '@/utils/nav'
import Choice from '@/subpackages/staff/Choice'

type Step = 'pass' | 'flag' | PartAdvanceTarget

const STEP: Record<Step, { label: string; title: string; field?: string; description: string; danger?: boolean; minLength: number }> = {
  pass: { label: '本部门预审通过', title: '部门预审通过', description: '本部门所需材料全部合格。各部门都答复后，合格的办件由窗口受理。', minLength: 0 },
  flag: { label: '需补正', title: '部门预审：需补正', field: '补正原因', description: '选择需补正的材料并写明原因。各部门都答复后，申请人会收到一份合并的一次性告知。', danger: true, minLength: 2 },
  under_review: { label: '进入审查', title: '进入审查', field: '说明（选填）', description: '本部门开始审查此事项。', minLength: 0 },
  approved: { label: '准予许可', title: '准予许可', field: '决定说明', description: '本部门对此事项作出准予许可的决定；发证事项同时签发电子证照。', minLength: 2 },
  denied: { label: '不予许可', title: '不予许可', field: '决定说明（理由）', description: '本部门对此事项作出不予许可的决定，须写明理由。', danger: true, minLength: 2 },
}

/** The steps a part may take now (its department's pre-review while the filing waits for it; its decision after acceptance). */
function stepsOf(part: ApplicationPartView, filing: StaffApplicationView): Step[] {
  if (filing.status === 'submitted' && ['prereview', 'flagged', 'passed'].includes(part.status)) return ['pass', 'flag']
  if (part.status === 'accepted') return ['under_review', 'approved', 'denied']
  if (part.status === 'under_review') return ['approved', 'denied']
  return []
}

/** Whether the signed-in staff member answers for the part's department (an admin for every one). */
const answersFor = (user: Me | null | undefined, part: ApplicationPartView): boolean =>
  !!user && (user.roles.includes('admin') || (holds(user.roles, 'reviewer') && user.departmentId === part.departmentId))

/**
 * 一件事 on the desk: each department's part side by side, and under a part of the reviewer's own
 * department its steps — pre-review (all its materials pass, or one flagged with a reason), then
 * after acceptance open the review and decide.
 */
export default function PartSteps({ filing, user, onChanged }: { filing: StaffApplicationView; user: Me | null | undefined; onChanged: () => void }) {
  const [open, setOpen] = useState<{ part: ApplicationPartView; step: Step } | null>(null)
  const [materialId, setMaterialId] = useState<string | null>(null)
  const parts = filing.parts ?? []
  const names = new Map(filing.materials.map((m) => [m.materialId, m.name]))

  const run = async (text: string) => {
    if (!open) return
    const { part, step } = open
    if (step === 'pass' || step === 'flag') {
      if (step === 'flag' && !materialId) throw new Error('请选择需补正的材料')
      const decisions = part.materialIds.map((m) => (step === 'flag' && m === materialId ? { materialId: m, ok: false, reason: text.trim() } : { materialId: m, ok: true, reason: null }))
      await staffApi.partPrereview(filing.id, part.id, decisions)
    } else {
      await staffApi.partAdvance(filing.id, part.id, step, text)
    }
    toast('已办理', 'success')
    onChanged()
  }

  const cfg = open ? STEP[open.step] : null
  return (
    <>
      <BundleParts
        parts={parts}
        materialNames={names}
        actions={(part) => {
          const steps = answersFor(user, part) ? stepsOf(part, filing) : []
          if (!steps.length) return null
          return (
            <ButtonRow className='st-actions'>
              {steps.map((step) => (
                <Button
                  key={step}
                  size='small'
                  type={STEP[step].danger ? 'danger' : 'primary'}
                  fill={STEP[step].danger ? 'outline' : undefined}
                  aria-label={`${part.departmentName}：${STEP[step].label}`}
                  onClick={() => {
                    setMaterialId(null)
                    setOpen({ part, step })
                  }}
                >
                  {STEP[step].label}
                </Button>
              ))}
            </ButtonRow>
          )
        }}
      />
      <ReasonDialog
        visible={!!open}
        title={cfg ? `${open?.part.departmentName} · ${cfg.title}` : ''}
        label={cfg?.field}
        minLength={cfg?.minLength ?? 0}
        description={cfg?.description}
        confirmText={cfg?.label}
        danger={cfg?.danger}
        onConfirm={run}
        onClose={() => setOpen(null)}
      >
        {open?.step === 'flag' ? (
          <View className='st-choice-row' role='radiogroup' aria-label='需补正的材料'>
            {open.part.materialIds.map((m) => (
              <Choice key={m} bad on={materialId === m} label={names.get(m) ?? m} onTap={() => setMaterialId(m)} />
            ))}
          </View>
        ) : null}
        {open?.step === 'pass' ? <Text className='st-line'>{`合格的材料：${open.part.materialIds.map((m) => names.get(m) ?? m).join('、')}`}</Text> : null}
      </ReasonDialog>
    </>
  )
}
