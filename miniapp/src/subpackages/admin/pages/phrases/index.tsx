import { useFormErrors } from '@/hooks/useFormErrors'
import FormError from '@/components/FormError'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import FormField from '@/components/FormField'
import PageState from '@/components/PageState'
import ReasonDialog from '@/components/ReasonDialog'
import StaffPage from '@/components/StaffPage'
import { adminApi } from '@/api/admin'
import { errorMessage } from '@/api/client'
import type { PhraseView } from '@/api/staff'
import { useAsync } from '@/hooks/useAsync'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { toast } from '@/utils/nav'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'
import { useBusy } from '@/hooks/useBusy'

type Editing = { kind: 'edit'; phrase: PhraseView } | { kind: 'remove'; phrase: PhraseView }

/** Admin: the stock correction phrases (常用补正语) offered to staff in pre-review: add, edit, reorder, remove. */
export default function Phrases() {
  const { accessToken, enabled } = useDeskAccess(true)
  const list = useAsync(() => adminApi.phrases(), [accessToken], enabled)
  usePullRefresh(list.reload)
  const items = list.data ?? []

  const [text, setText] = useState('')
  const errors = useFormErrors()
  const [busy, whileBusy] = useBusy()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [editText, setEditText] = useState('')

  const add = async () => {
    if (text.trim().length < 2) {
      errors.fail('请输入补正语（至少 2 个字）')
      return
    }
    await whileBusy(async () => {
      await adminApi.addPhrase(text.trim())
      setText('')
      errors.clear()
      toast('已添加', 'success')
      list.reload()
    }, (e) => errors.failWith(e))
  }

  /** Swap with the neighbour: the two exchange their sort orders (distinct orders first when they tie). */
  const move = async (i: number, by: -1 | 1) => {
    const a = items[i]
    const b = items[i + by]
    if (!a || !b) return
    try {
      const [oa, ob] = a.sortOrder === b.sortOrder ? [b.sortOrder + by, a.sortOrder] : [b.sortOrder, a.sortOrder]
      await Promise.all([adminApi.updatePhrase(a.id, { sortOrder: Math.max(0, oa) }), adminApi.updatePhrase(b.id, { sortOrder: ob })])
      list.reload()
    } catch (e) {
      toast(errorMessage(e))
    }
  }

  return (
    <StaffPage
      title='常用补正语'
      adminOnly
      onRefresh={list.reload}
    >
      <View className='card'>
        <Text className='st-line'>窗口人员预审时，可点选这些补正语填入补正原因（填入后仍可修改）。</Text>
        <View className='phrases__add'>
          <FormField
            label='新增补正语'
            {...errors.field('text', text, setText)}
            placeholder='例如：材料模糊不清，请重新拍摄上传'
            maxlength={200}
            onConfirm={() => void add()}
          />
          <Button type='primary' loading={busy} onClick={() => void add()}>
            添加
          </Button>
        </View>
        <FormError message={errors.form} />
      </View>
      <View className='card'>
        <PageState of={list} empty={items.length === 0} emptyText='还没有常用补正语'>
          {items.map((p, i) => (
            <View key={p.id} className='phrases__row' role='group' aria-label={p.text}>
              <Text className='phrases__text'>{p.text}</Text>
              <ButtonRow className='phrases__actions'>
                <Button size='small' fill='outline' type='default' disabled={i === 0} onClick={() => void move(i, -1)}>
                  上移
                </Button>
                <Button size='small' fill='outline' type='default' disabled={i === items.length - 1} onClick={() => void move(i, 1)}>
                  下移
                </Button>
                <Button
                  size='small'
                  fill='outline'
                  type='primary'
                  onClick={() => {
                    setEditText(p.text)
                    setEditing({ kind: 'edit', phrase: p })
                  }}
                >
                  修改
                </Button>
                <Button size='small' fill='outline' type='danger' onClick={() => setEditing({ kind: 'remove', phrase: p })}>
                  删除
                </Button>
              </ButtonRow>
            </View>
          ))}
        </PageState>
      </View>

      <ReasonDialog
        visible={editing?.kind === 'edit'}
        title='修改补正语'
        minLength={0}
        confirmText='保存'
        onConfirm={async () => {
          if (editing?.kind !== 'edit') return
          if (editText.trim().length < 2) throw new Error('请输入补正语（至少 2 个字）')
          await adminApi.updatePhrase(editing.phrase.id, { text: editText.trim() })
          toast('已保存', 'success')
          list.reload()
        }}
        onClose={() => setEditing(null)}
      >
        <FormField label='补正语' value={editText} onChange={setEditText} maxlength={200} multiline />
      </ReasonDialog>
      <ReasonDialog
        visible={editing?.kind === 'remove'}
        title='删除补正语'
        minLength={0}
        danger
        confirmText='删除'
        description={editing ? `删除“${editing.phrase.text}”？已发出的补正告知不受影响。` : undefined}
        onConfirm={async () => {
          if (editing?.kind !== 'remove') return
          await adminApi.removePhrase(editing.phrase.id)
          toast('已删除', 'success')
          list.reload()
        }}
        onClose={() => setEditing(null)}
      />
    </StaffPage>
  )
}
