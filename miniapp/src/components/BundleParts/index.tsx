import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { LINKS, PART_DECIDED, SLA_LABELS, type ApplicationPartView } from '@gov/shared'
import StatusTag from '../StatusTag'
import Tappable from '../Tappable'
import { PART_TONE, SLA_TONE } from '@/utils/status-tones'
import { dateLabel, shanghaiDate } from '@/utils/time'
import { openPage } from '@/utils/nav'
import './index.scss'

interface Props {
  parts: readonly ApplicationPartView[]
  /** the filing's materials by id, to name what a department flagged */
  materialNames?: ReadonlyMap<string, string>
  /** under each part: what the viewer may do with it (staff desk) */
  actions?: (part: ApplicationPartView) => ReactNode
  /** the certificates open (citizen side; staff see the type and number only) */
  certificateLinks?: boolean
}

/** A part's certificate: a link to it, or its type and number. */
function Certificate({ part, link }: { part: ApplicationPartView; link: boolean }) {
  const c = part.certificate
  if (!c) return null
  const text = `电子证照《${c.type}》`
  return link ? (
    <Tappable className='parts__link' onTap={() => openPage(LINKS.certificate(c.id))}>
      <Text>{`查看${text}`}</Text>
    </Tappable>
  ) : (
    <Text className='parts__line'>{`${text} ${c.number}`}</Text>
  )
}

/**
 * 一件事: each department's part of a bundle filing side by side — its status, its own due date
 * (its own promised days from acceptance), 超时默认 when its department did not answer in time,
 * what it flagged, its decision and certificate.
 */
export function BundleParts({ parts, materialNames, actions, certificateLinks = false }: Props) {
  return (
    <View className='parts'>
      {parts.map((p) => (
        <View key={p.id} className={`parts__part parts__part--${p.status}`} role='group' aria-label={`${p.departmentName}：${p.serviceName}`}>
          <Text className='parts__dept'>{p.departmentName}</Text>
          <Text className='parts__service'>{p.serviceName}</Text>
          <View className='parts__tags'>
            <StatusTag tone={PART_TONE[p.status] ?? 'info'}>{p.statusLabel}</StatusTag>
            {p.sla && !PART_DECIDED.includes(p.status) ? <StatusTag tone={SLA_TONE[p.sla]}>{SLA_LABELS[p.sla]}</StatusTag> : null}
          </View>
          <Text className='parts__line'>
            {p.dueAt ? `办结期限：${dateLabel(shanghaiDate(p.dueAt))} 前` : `受理后 ${p.promisedDays} 个工作日内办结`}
          </Text>
          {p.deemed ? <Text className='parts__deemed'>超时默认：部门未在期限内答复，视为同意</Text> : null}
          {p.flaggedMaterialIds.length ? (
            <Text className='parts__alert'>
              {`需补正：${p.flaggedMaterialIds.map((id) => materialNames?.get(id) ?? '材料').join('、')}`}
            </Text>
          ) : null}
          {p.decisionNote ? <Text className='parts__line'>{`审查意见：${p.decisionNote}`}</Text> : null}
          <Certificate part={p} link={certificateLinks} />
          {actions ? actions(p) : null}
        </View>
      ))}
    </View>
  )
}

/** Every part decided (answered, or deemed to agree by 超时默认). */
export const allPartsDecided = (parts: readonly ApplicationPartView[]): boolean => parts.length > 0 && parts.every((p) => PART_DECIDED.includes(p.status))

/** 办结结果: one line per part with its outcome and certificate (the combined result of a bundle). */
export function BundleResult({ parts }: { parts: readonly ApplicationPartView[] }) {
  return (
    <View className='parts__result' role='group' aria-label='一件事办结结果'>
      {parts.map((p) => (
        <View key={p.id} className='parts__result-row' role='group' aria-label={p.serviceName}>
          <View className='parts__result-head'>
            <Text className='parts__service'>{p.serviceName}</Text>
            <StatusTag tone={PART_TONE[p.status] ?? 'info'}>{p.statusLabel}</StatusTag>
          </View>
          <Text className='parts__line'>{`${p.departmentName}${p.decidedAt ? ` · ${dateLabel(shanghaiDate(p.decidedAt))}` : ''}`}</Text>
          {p.certificate ? <Certificate part={p} link /> : <Text className='parts__line'>{p.status === 'denied' ? '未发放证照' : '本事项不发放电子证照'}</Text>}
        </View>
      ))}
    </View>
  )
}
