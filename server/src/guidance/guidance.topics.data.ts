import { DataSource, In } from 'typeorm';
import { insertIgnoringDuplicates } from '../common/db/bulk';
import { GuidanceTopicEntity } from './entities/guidance-topic.entity';
import type { GuidanceDefinition } from './guidance.rules';

const ID_CARD = { name: '居民身份证', required: true, note: '' };
const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

/** A seeded topic: stable id (the topic's key), title, one line, definition (services by catalogue code). */
export interface SeedTopic {
  id: string;
  title: string;
  summary: string;
  definition: GuidanceDefinition;
}

/**
 * The seeded 智能导办 topics (罗山 智能导办; the 开办餐饮店, 新生儿出生, 企业开办), naming the
 * demo catalogue's services by code (catalog.data.ts). Data, not code: the rows live in
 * guidance_topics and may be edited there.
 */
export const SEED_TOPICS: readonly SeedTopic[] = [
  {
    id: 'open-restaurant',
    title: '开办餐饮店',
    summary: '开饭店、小吃店、奶茶店等，需要办理营业执照和食品经营许可',
    definition: {
      questions: [
        { id: 'form', text: '您打算以什么形式经营？', options: [{ value: 'individual', label: '个体工商户' }, { value: 'company', label: '公司（有限责任公司）' }] },
        { id: 'leisure', text: '店内是否设有茶座、咖啡座或酒吧等供顾客休闲的区域？', options: YES_NO },
        { id: 'staff', text: '是否招用员工？', options: YES_NO },
      ],
      outcomes: [
        { when: { form: 'individual' }, serviceCodes: ['QH-SCJG-001'], materials: [ID_CARD, { name: '经营场所使用证明', required: true, note: '房产证明或租赁合同' }] },
        {
          when: { form: 'company' },
          serviceCodes: ['QH-SCJG-002', 'QH-GA-009'],
          materials: [
            { name: '公司登记（备案）申请书', required: true, note: '' },
            { name: '公司章程', required: true, note: '全体股东签署' },
            { name: '股东主体资格证明', required: true, note: '自然人股东提交身份证复印件' },
            { ...ID_CARD, note: '法定代表人' },
            { name: '经营场所使用证明', required: true, note: '房产证明或租赁合同' },
          ],
        },
        {
          serviceCodes: ['QH-SCJG-003'],
          materials: [
            { name: '食品经营许可申请书', required: true, note: '' },
            { name: '经营场所平面布局图', required: true, note: '标明加工操作流程和设备布局' },
            { name: '食品安全管理制度', required: true, note: '' },
          ],
        },
        { when: { staff: 'yes' }, materials: [{ name: '从业人员健康证明', required: true, note: '从事接触直接入口食品工作的员工' }] },
        { when: { staff: 'yes', form: 'company' }, serviceCodes: ['QH-RS-007'] },
        { when: { leisure: 'yes' }, serviceCodes: ['QH-WJ-001'], materials: [{ name: '卫生检测（评价）报告', required: true, note: '公共场所卫生许可用' }] },
      ],
    },
  },
  {
    id: 'newborn',
    title: '新生儿出生',
    summary: '宝宝出生后的出生登记（落户）、医保参保和社保卡',
    definition: {
      questions: [
        { id: 'birthplace', text: '宝宝在哪里出生？', options: [{ value: 'hospital', label: '医院' }, { value: 'outside', label: '医院外（如家中、途中）' }] },
        { id: 'married', text: '父母是否已登记结婚？', options: YES_NO },
        { id: 'maternity', text: '母亲是否参加了职工生育保险？', options: YES_NO },
      ],
      outcomes: [
        {
          serviceCodes: ['QH-GA-006', 'QH-YB-003', 'QH-RS-001'],
          materials: [
            { name: '出生医学证明', required: true, note: '' },
            { ...ID_CARD, note: '父母双方' },
            { name: '居民户口簿', required: true, note: '随父或随母落户一方' },
          ],
        },
        { when: { birthplace: 'outside' }, materials: [{ name: '亲子鉴定证明', required: true, note: '医院外出生的，由具备资质的机构出具，用于补办出生医学证明' }] },
        { when: { married: 'yes' }, materials: [{ name: '结婚证', required: true, note: '' }] },
        { when: { married: 'no' }, materials: [{ name: '非婚生育说明', required: true, note: '由落户一方填写' }] },
        { when: { maternity: 'yes' }, serviceCodes: ['QH-YB-002'], materials: [{ name: '本人社会保障卡或银行卡', required: true, note: '生育津贴发放用' }] },
      ],
    },
  },
  {
    id: 'start-company',
    title: '企业开办',
    summary: '新办公司：设立登记、刻章备案、涉税事项和社保登记一次办',
    definition: {
      questions: [
        { id: 'invoice', text: '开业时是否需要领用发票？', options: YES_NO },
        { id: 'staff', text: '是否招用员工？', options: YES_NO },
        { id: 'premises', text: '经营场所是自有还是租用？', options: [{ value: 'own', label: '自有' }, { value: 'rented', label: '租用' }] },
      ],
      outcomes: [
        {
          serviceCodes: ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002'],
          materials: [
            { name: '公司登记（备案）申请书', required: true, note: '' },
            { name: '公司章程', required: true, note: '全体股东签署' },
            { name: '股东主体资格证明', required: true, note: '自然人股东提交身份证复印件' },
            { ...ID_CARD, note: '法定代表人' },
          ],
        },
        { when: { premises: 'own' }, materials: [{ name: '经营场所使用证明', required: true, note: '不动产权证书' }] },
        { when: { premises: 'rented' }, materials: [{ name: '经营场所使用证明', required: true, note: '租赁合同及出租方产权证明' }] },
        { when: { invoice: 'yes' }, serviceCodes: ['QH-SW-001'], materials: [{ name: '办税人员身份证明', required: true, note: '' }] },
        { when: { staff: 'yes' }, serviceCodes: ['QH-RS-007'], materials: [{ name: '单位社会保险登记表', required: true, note: '' }] },
      ],
    },
  },
];

/** Inserts the seeded topics under their stable ids; a topic already there (perhaps edited) is left alone. */
export async function seedGuidanceTopics(ds: DataSource, now: Date): Promise<number> {
  const present = new Set((await ds.getRepository(GuidanceTopicEntity).find({ where: { id: In(SEED_TOPICS.map((t) => t.id)) }, select: { id: true } })).map((r) => r.id));
  const missing = SEED_TOPICS.filter((t) => !present.has(t.id)).map((t) =>
    Object.assign(new GuidanceTopicEntity(), { ...t, sortOrder: (SEED_TOPICS.indexOf(t) + 1) * 10, active: true, createdAt: now, updatedAt: now }),
  );
  return missing.length ? ds.transaction((em) => insertIgnoringDuplicates(em, GuidanceTopicEntity, missing)) : 0;
}
