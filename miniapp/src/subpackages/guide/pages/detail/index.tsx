import { AUDIENCE_LABELS, DELIVERY_METHOD_LABELS, MATERIAL_FORM_LABELS } from '@gov/shared'
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@/components/AppButton'
import AppPage from '@/components/AppPage'
import AudienceNotice, { useAudienceBlock } from '@/components/AudienceNotice'
import HallLocation from '@/components/HallLocation'
import PageState from '@/components/PageState'
import StatusTag from '@/components/StatusTag'
import Tappable from '@/components/Tappable'
import { catalogApi, type GuideView } from '@/api/catalog'
import { errorMessage } from '@/api/client'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { callPhone, downloadDocument } from '@/platform'
import { ROUTES } from '@/routes'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { session } from '@/store/session'
import { toast } from '@/utils/nav'
import { yuan } from '@/utils/time'
import './index.scss'
import ButtonRow from '@/components/ButtonRow'


function PhoneRow({ label, phone }: { label: string; phone: string }) {
  if (!phone) return null
  return (
    <View className='guide__phone-row'>
      <View className='guide__phone-text'>
        <Text className='guide__label'>{label}</Text>
        <Text className='guide__value'>{phone}</Text>
      </View>
      <Button size='small' fill='outline' type='primary' onClick={() => void callPhone(phone)}>
        拨打电话
      </Button>
    </View>
  )
}

export default function GuideDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const guide = useAsync(() => catalogApi.guide(id), [id], !!id)
  const [checked, setChecked] = useState<Record<string, boolean>>({})
  usePullRefresh(guide.reload)

  useEffect(() => {
    if (guide.data) Taro.setNavigationBarTitle({ title: '办事指南' })
  }, [guide.data])

  const g: GuideView | undefined = guide.data
  // a person-only service while acting for a company (or the reverse) is not offered: the notice says why
  const blocked = !!useAudienceBlock(g?.audience)

  // 在线申报: the filing page asks for whom (为谁办理) before it makes the draft
  const startFiling = () => {
    if (!g) return
    if (!session.isSignedIn()) {
      Taro.navigateTo({ url: ROUTES.login })
      return
    }
    Taro.navigateTo({ url: withQuery(CITIZEN_ROUTES.newFiling, { serviceId: g.id }) })
  }

  // 下载空白表格: a printable PDF form (the server names the file after the form)
  const download = async (url: string, name: string) => {
    try {
      await downloadDocument({ url, fileName: `${name}.pdf` })
    } catch (e) {
      toast(errorMessage(e))
    }
  }

  const requiredCount = g ? g.materials.filter((m) => m.required).length : 0
  const readyCount = g ? g.materials.filter((m) => checked[m.id]).length : 0

  return (
    <AppPage className='guide'>
      <PageState of={guide} loading={guide.loading} notFound={!id} notFoundText='缺少事项编号'>
        {(g) => (
          <View>
            <View className='guide__head'>
              <Text className='guide__name' {...({ role: 'heading', 'aria-level': 1 } as object)}>
                {g.name}
              </Text>
              {g.subItem ? <Text className='guide__sub'>{g.subItem}</Text> : null}
              <View className='guide__tags'>
                <StatusTag tone='info'>{`${AUDIENCE_LABELS[g.audience] ?? ''}事项`}</StatusTag>
                {g.onlinePrereview ? <StatusTag tone='success'>可网上预审</StatusTag> : null}
                {g.keyProject ? <StatusTag tone='warning'>重点项目</StatusTag> : null}
              </View>
              <Text className='guide__dept'>
                {g.departmentName ? `${g.departmentName} · ` : ''}事项编码 {g.code}
              </Text>
            </View>

            <AudienceNotice audience={g.audience} />

            <View className='guide__facts'>
              <View className='guide__fact'>
                <Text className='guide__fact-value'>{g.legalDays}</Text>
                <Text className='guide__fact-label'>法定时限（工作日）</Text>
              </View>
              <View className='guide__fact'>
                <Text className='guide__fact-value'>{g.promisedDays}</Text>
                <Text className='guide__fact-label'>承诺时限（工作日）</Text>
              </View>
              <View className='guide__fact'>
                <Text className='guide__fact-value'>{g.fee.free ? '免费' : yuan(g.fee.amount)}</Text>
                <Text className='guide__fact-label'>收费</Text>
              </View>
            </View>
            {!g.fee.free && g.fee.basis ? <Text className='guide__note-line muted'>收费依据：{g.fee.basis}</Text> : null}

            <View className='section-title'>申请材料</View>
            <View className='card guide__materials'>
              <Text className='muted'>
                共 {g.materials.length} 项，其中必需 {requiredCount} 项；已勾选准备好 {readyCount} 项
              </Text>
              {g.materials.map((m) => {
                const on = !!checked[m.id]
                return (
                  <View key={m.id} className='guide__material'>
                    <View
                      className={`guide__check ${on ? 'guide__check--on' : ''}`}
                      {...({ role: 'checkbox', 'aria-checked': on ? 'true' : 'false', 'aria-label': `已准备：${m.name}`, tabIndex: 0 } as object)}
                      onClick={() => setChecked((c) => ({ ...c, [m.id]: !on }))}
                    >
                      {on ? '✓' : ''}
                    </View>
                    <View className='guide__material-body'>
                      <Text className='guide__material-name'>{m.name}</Text>
                      <View className='guide__material-tags'>
                        {m.required ? <StatusTag tone='danger'>必需</StatusTag> : <StatusTag tone='muted'>非必需</StatusTag>}
                        {m.tolerable ? <StatusTag tone='warning'>容缺</StatusTag> : null}
                        {m.certificateType ? <StatusTag tone='success'>{`有电子${m.certificateType}免提交`}</StatusTag> : null}
                        <Text className='muted'>
                          {MATERIAL_FORM_LABELS[m.form] ?? m.form} {m.copies} 份
                        </Text>
                      </View>
                      {m.note ? <Text className='guide__material-note'>{m.note}</Text> : null}
                      {m.templateUrl ? (
                        <Tappable className='guide__link' label={`下载空白表格：${m.name}（PDF）`} onTap={() => void download(m.templateUrl!, m.name)}>
                          <Text>下载空白表格（PDF）</Text>
                        </Tappable>
                      ) : null}
                    </View>
                  </View>
                )
              })}
              {g.materials.some((m) => m.tolerable) ? (
                <Text className='guide__hint'>
                  标“容缺”的材料暂缺时，可签署信用承诺先行受理，在承诺期限内补交。
                </Text>
              ) : null}
            </View>

            {g.conditions ? (
              <>
                <View className='section-title'>受理条件</View>
                <View className='card'>
                  <Text className='guide__para'>{g.conditions}</Text>
                </View>
              </>
            ) : null}

            <View className='section-title'>办理流程</View>
            <View className='card'>
              {g.process.map((step, i) => (
                <View key={i} className='guide__step'>
                  <View className='guide__step-no' aria-hidden>
                    {i + 1}
                  </View>
                  <Text className='guide__step-text'>{`第 ${i + 1} 步：${step}`}</Text>
                </View>
              ))}
              {g.delivery.length ? (
                <Text className='guide__para muted'>结果送达：{g.delivery.map((d) => DELIVERY_METHOD_LABELS[d] ?? d).join('、')}（申报后可自选）</Text>
              ) : null}
              {g.certificate ? (
                <Text className='guide__para muted'>
                  准予许可的，核发电子证照《{g.certificate.type}》（{g.certificate.years ? `有效期 ${g.certificate.years} 年` : '长期有效'}），放入“我的证照”，办理其他事项时可免于提交。
                </Text>
              ) : null}
            </View>

            <View className='section-title'>办理地点</View>
            {g.halls.length === 0 ? (
              <View className='card'>
                <Text className='muted'>暂无办理大厅信息</Text>
              </View>
            ) : (
              g.halls.map((h) => (
                <View key={h.id} className='card guide__hall'>
                  <Text className='guide__hall-name'>{h.name}</Text>
                  <View className='guide__hall-line'>
                    <HallLocation prefix='地址：' name={h.name} address={h.address} latitude={h.latitude} longitude={h.longitude} />
                  </View>
                  <Text className='guide__hall-line'>办公时间：{h.hours}</Text>
                  {h.phone ? <PhoneRow label='大厅电话' phone={h.phone} /> : null}
                </View>
              ))
            )}

            <View className='section-title'>咨询与投诉</View>
            <View className='card'>
              <PhoneRow label='咨询电话' phone={g.consultPhone} />
              <PhoneRow label='投诉电话' phone={g.complaintPhone} />
              <Button fill='outline' type='primary' onClick={() => Taro.navigateTo({ url: withQuery(CITIZEN_ROUTES.consultations, { serviceId: g.id }) })}>
                在线咨询（一个工作日内答复）
              </Button>
              <Button fill='outline' type='primary' onClick={() => Taro.navigateTo({ url: withQuery(CITIZEN_ROUTES.assistance, { serviceId: g.id }) })}>
                免费帮办代办
              </Button>
            </View>

            <View className='section-title'>办理依据</View>
            <View className='card'>
              <Text className='guide__para'>实施机关：{g.acceptingBody}</Text>
              {g.decidingBody && g.decidingBody !== g.acceptingBody ? (
                <Text className='guide__para'>决定机关：{g.decidingBody}</Text>
              ) : null}
              {g.scope ? <Text className='guide__para'>适用范围：{g.scope}</Text> : null}
              <Text className='guide__para muted'>设定依据：{g.basis}</Text>
            </View>

            <ButtonRow className='guide__actions'>
              <Button
                className='guide__action'
                type='primary'
                fill={g.onlinePrereview ? 'outline' : 'solid'}
                size='large'
                disabled={blocked}
                onClick={() => Taro.navigateTo({ url: withQuery(CITIZEN_ROUTES.book, { serviceId: g.id }) })}
              >
                预约办理
              </Button>
              {g.onlinePrereview ? (
                <Button className='guide__action' type='primary' size='large' disabled={blocked} onClick={startFiling}>
                  在线申报
                </Button>
              ) : null}
            </ButtonRow>
          </View>
        )}
      </PageState>
    </AppPage>
  )
}
