import { DataSource, In, IsNull } from 'typeorm';
import { insertIgnoringDuplicates } from '../common/db/bulk';
import { GuidanceTopicEntity } from './entities/guidance-topic.entity';
import type { GuidanceDefinition } from './guidance.rules';

/** A material the applicant must bring, with an optional note (who, which copy). */
const required = (name: string, note = ''): { name: string; required: true; note: string } => ({ name, required: true, note });

/** 营业执照: one the 证照夹 holds (本中心核发的电子营业执照) covers it (免提交). */
const LICENCE_COPY = { ...required('营业执照副本复印件', '已有本中心核发的电子营业执照的免于提交'), certificateType: '营业执照' };

/** What registering a company asks for (公司登记), in both topics that found one. */
const COMPANY_REGISTRATION = [
  required('公司登记（备案）申请书'),
  required('公司章程', '全体股东签署'),
  required('股东主体资格证明', '自然人股东提交身份证复印件'),
  required('居民身份证', '法定代表人'),
];

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

/**
 * The demo halls by their seed key (database/seeds/catalog.data.ts SEED_HALLS); seedGuidanceTopics
 * puts each hall's row id in their place.
 */
export const SEED_HALL_KEYS = { city: 'qinghe-city', county: 'yunxi-county', town: 'baisha-town' } as const;
const HALL = SEED_HALL_KEYS;

/** 市区 → the city centre, 云溪县 (县城及乡镇) → the county centre. */
const CITY_OR_COUNTY = {
  question: { id: 'district', text: '您在哪个区县办理？', options: [{ value: 'city', label: '清河市区' }, { value: 'county', label: '云溪县（含各乡镇）' }] },
  outcomes: [
    { when: { district: 'city' }, hallId: HALL.city },
    { when: { district: 'county' }, hallId: HALL.county },
  ],
};

/** The same with the town station for what it handles (a later outcome may send the town's answers up to the county). */
const THREE_LEVELS = {
  question: {
    id: 'district',
    text: '您在哪里办理？',
    options: [
      { value: 'city', label: '清河市区' },
      { value: 'county', label: '云溪县城' },
      { value: 'town', label: '云溪县白沙镇' },
    ],
  },
  outcomes: [
    { when: { district: 'city' }, hallId: HALL.city },
    { when: { district: 'county' }, hallId: HALL.county },
    { when: { district: 'town' }, hallId: HALL.town },
  ],
};

/** A seeded topic: stable id (the topic's key), title, one line, definition (services by catalogue code, halls by seed key). */
export interface SeedTopic {
  id: string;
  title: string;
  summary: string;
  definition: GuidanceDefinition;
}

/**
 * The seeded 智能导办 topics (罗山 智能导办; the 开办企业, 新生儿出生, 个体工商户, 不动产登记 and
 * 开办餐饮店), naming the demo catalogue's services by code (catalog.data.ts). Data, not code: the rows
 * live in guidance_topics and admins edit them (PUT /admin/guidance/:id). Every outcome's service
 * accepts the applicant kind its answers imply (database/seeds/guidance-fit.spec.ts).
 */
export const SEED_TOPICS: readonly SeedTopic[] = [
  {
    id: 'start-company',
    title: '开办企业',
    summary: '新办公司：设立登记、刻章备案、涉税事项和社保登记一次办',
    definition: {
      applicant: 'enterprise',
      questions: [
        { id: 'invoice', text: '开业时是否需要领用发票？', options: YES_NO },
        { id: 'staff', text: '是否招用员工？', options: YES_NO },
        { id: 'premises', text: '经营场所是自有还是租用？', options: [{ value: 'own', label: '自有' }, { value: 'rented', label: '租用' }] },
        CITY_OR_COUNTY.question,
      ],
      outcomes: [
        {
          serviceCodes: ['QH-SCJG-002', 'QH-GA-009', 'QH-SW-002'],
          materials: COMPANY_REGISTRATION,
        },
        { when: { premises: 'own' }, materials: [required('经营场所使用证明', '不动产权证书')] },
        { when: { premises: 'rented' }, materials: [required('经营场所使用证明', '租赁合同及出租方产权证明')] },
        { when: { invoice: 'yes' }, serviceCodes: ['QH-SW-001'], materials: [required('办税人员身份证明')] },
        { when: { staff: 'yes' }, serviceCodes: ['QH-RS-007'], materials: [required('单位社会保险登记表')] },
        ...CITY_OR_COUNTY.outcomes,
      ],
    },
  },
  {
    id: 'newborn',
    title: '新生儿出生',
    summary: '宝宝出生后的出生登记（落户）、医保参保和社保卡',
    definition: {
      applicant: 'person',
      questions: [
        { id: 'birthplace', text: '宝宝在哪里出生？', options: [{ value: 'hospital', label: '医院' }, { value: 'outside', label: '医院外（如家中、途中）' }] },
        { id: 'married', text: '父母是否已登记结婚？', options: YES_NO },
        { id: 'maternity', text: '母亲是否参加了职工生育保险？', options: YES_NO },
        { ...THREE_LEVELS.question, text: '您在哪里给宝宝落户？' },
      ],
      outcomes: [
        {
          serviceCodes: ['QH-GA-006', 'QH-YB-003', 'QH-RS-001'],
          materials: [
            required('出生医学证明'),
            required('居民身份证', '父母双方'),
            required('居民户口簿', '随父或随母落户一方'),
          ],
        },
        { when: { birthplace: 'outside' }, materials: [required('亲子鉴定证明', '医院外出生的，由具备资质的机构出具，用于补办出生医学证明')] },
        { when: { married: 'yes' }, materials: [required('结婚证')] },
        { when: { married: 'no' }, materials: [required('非婚生育说明', '由落户一方填写')] },
        { when: { maternity: 'yes' }, serviceCodes: ['QH-YB-002'], materials: [required('本人社会保障卡或银行卡', '生育津贴发放用')] },
        ...THREE_LEVELS.outcomes,
        // 生育津贴 is not handled at the town station: the county centre does it all
        { when: { district: 'town', maternity: 'yes' }, hallId: HALL.county },
      ],
    },
  },
  {
    id: 'individual-business',
    title: '个体工商户',
    summary: '开个体户（含小吃店、小超市）、增办食品经营许可、注销个体户',
    definition: {
      applicant: 'person',
      questions: [
        {
          id: 'matter',
          text: '您要办理什么？',
          options: [
            { value: 'open', label: '开办个体户（不经营食品）' },
            { value: 'open-food', label: '开办食品、餐饮类个体户' },
            { value: 'add-food', label: '已有营业执照，增办食品经营许可' },
            { value: 'close', label: '注销个体户' },
          ],
        },
        { id: 'family', text: '是个人经营还是家庭经营？', options: [{ value: 'single', label: '个人经营' }, { value: 'family', label: '家庭经营' }] },
        THREE_LEVELS.question,
      ],
      outcomes: [
        { materials: [required('居民身份证', '经营者本人')] },
        { when: { family: 'family' }, materials: [required('居民户口簿或家庭成员关系证明', '参加经营的家庭成员')] },
        {
          when: { matter: ['open', 'open-food'] },
          serviceCodes: ['QH-SCJG-001'],
          materials: [required('个体工商户登记（备案）申请书'), required('经营场所使用证明', '自有房产提交不动产权证书；租赁的提交租赁协议')],
        },
        {
          when: { matter: ['open-food', 'add-food'] },
          serviceCodes: ['QH-SCJG-003'],
          materials: [
            required('食品经营许可申请书'),
            required('从业人员健康证明', '从事接触直接入口食品工作的人员'),
            required('经营场所平面布局图', '标明加工操作流程和设备布局'),
          ],
        },
        { when: { matter: 'add-food' }, materials: [LICENCE_COPY] },
        { when: { matter: 'close' }, serviceCodes: ['QH-SCJG-007'], materials: [required('个体工商户注销登记申请书'), required('营业执照正、副本', '遗失的提交遗失情况书面说明')] },
        ...THREE_LEVELS.outcomes,
        // 食品经营许可 is not handled at the town station
        { when: { district: 'town', matter: ['open-food', 'add-food'] }, hallId: HALL.county },
      ],
    },
  },
  {
    id: 'real-estate',
    title: '不动产登记',
    summary: '二手房过户、抵押登记和注销、不动产权证书补发',
    definition: {
      applicant: 'person',
      questions: [
        {
          id: 'who',
          text: '谁来申请？',
          options: [
            { value: 'person', label: '个人', applicant: 'person' },
            { value: 'enterprise', label: '企业或其他单位', applicant: 'enterprise' },
          ],
        },
        {
          id: 'matter',
          text: '您要办理什么？',
          options: [
            { value: 'transfer-home', label: '买卖住宅（二手房过户）' },
            { value: 'transfer-other', label: '买卖商铺、厂房等非住宅' },
            { value: 'mortgage', label: '办理抵押' },
            { value: 'release', label: '还清贷款，注销抵押' },
            { value: 'reissue', label: '不动产权证书遗失补发' },
          ],
        },
        CITY_OR_COUNTY.question,
      ],
      outcomes: [
        { materials: [required('不动产登记申请书')] },
        { when: { who: 'person' }, materials: [required('居民身份证', '申请人本人')] },
        { when: { who: 'enterprise' }, materials: [LICENCE_COPY, required('法定代表人身份证明书'), required('经办人身份证件')] },
        { when: { matter: 'transfer-home' }, serviceCodes: ['QH-BDC-002'], materials: [required('不动产权证书'), required('存量房买卖合同', '网签合同')] },
        { when: { matter: 'transfer-other' }, serviceCodes: ['QH-BDC-003'], materials: [required('不动产权证书'), required('转移原因证明材料', '买卖合同、作价出资协议等')] },
        { when: { matter: 'mortgage' }, serviceCodes: ['QH-BDC-004'], materials: [required('不动产权证书'), required('主债权合同和抵押合同')] },
        { when: { matter: 'release' }, serviceCodes: ['QH-BDC-005'], materials: [required('不动产登记证明（抵押权）'), required('抵押权人同意注销的证明', '银行出具的结清证明')] },
        { when: { matter: 'reissue' }, serviceCodes: ['QH-BDC-006'], materials: [required('遗失情况书面说明', '权利人签字')] },
        { when: { who: 'person', matter: ['transfer-home', 'transfer-other'] }, materials: [required('婚姻状况证明或书面声明')] },
        ...CITY_OR_COUNTY.outcomes,
      ],
    },
  },
  {
    id: 'open-restaurant',
    title: '开办餐饮店',
    summary: '开饭店、小吃店、奶茶店等，需要办理营业执照和食品经营许可',
    definition: {
      applicant: 'person',
      questions: [
        {
          id: 'form',
          text: '您打算以什么形式经营？',
          options: [
            { value: 'individual', label: '个体工商户', applicant: 'person' },
            { value: 'company', label: '公司（有限责任公司）', applicant: 'enterprise' },
          ],
        },
        { id: 'leisure', text: '店内是否设有茶座、咖啡座或酒吧等供顾客休闲的区域？', options: YES_NO },
        { id: 'staff', text: '是否招用员工？', options: YES_NO },
      ],
      outcomes: [
        { when: { form: 'individual' }, serviceCodes: ['QH-SCJG-001'], materials: [required('居民身份证'), required('经营场所使用证明', '房产证明或租赁合同')] },
        {
          when: { form: 'company' },
          serviceCodes: ['QH-SCJG-002', 'QH-GA-009'],
          materials: [
            ...COMPANY_REGISTRATION,
            required('经营场所使用证明', '房产证明或租赁合同'),
          ],
        },
        {
          serviceCodes: ['QH-SCJG-003'],
          materials: [
            required('食品经营许可申请书'),
            required('经营场所平面布局图', '标明加工操作流程和设备布局'),
            required('食品安全管理制度'),
          ],
        },
        { when: { staff: 'yes' }, materials: [required('从业人员健康证明', '从事接触直接入口食品工作的员工')] },
        { when: { staff: 'yes', form: 'company' }, serviceCodes: ['QH-RS-007'] },
        { when: { leisure: 'yes' }, serviceCodes: ['QH-WJ-001'], materials: [required('卫生检测（评价）报告', '公共场所卫生许可用')] },
      ],
    },
  },
];

/** The definition with each seed hall key replaced by that hall's row id (a key not in `hallIds` is dropped). */
export function withHallIds(def: GuidanceDefinition, hallIds: ReadonlyMap<string, string>): GuidanceDefinition {
  return {
    ...def,
    outcomes: def.outcomes.map((o) => {
      if (!o.hallId) return o;
      const { hallId, ...rest } = o;
      const id = hallIds.get(hallId);
      return id ? { ...rest, hallId: id } : rest;
    }),
  };
}

/**
 * Inserts the seeded topics under their stable ids, halls by `hallIds` (seed key → row id), and
 * refreshes a seeded topic no admin has saved (`editedAt` null) from this file; one an admin edited is
 * left alone. Returns how many were inserted.
 */
export async function seedGuidanceTopics(ds: DataSource, now: Date, hallIds: ReadonlyMap<string, string>): Promise<number> {
  const repo = ds.getRepository(GuidanceTopicEntity);
  const present = new Map((await repo.find({ where: { id: In(SEED_TOPICS.map((t) => t.id)) } })).map((r) => [r.id, r]));
  for (const t of SEED_TOPICS) {
    const row = present.get(t.id);
    if (!row || row.editedAt) continue;
    const definition = withHallIds(t.definition, hallIds);
    if (row.title !== t.title || row.summary !== t.summary || JSON.stringify(row.definition) !== JSON.stringify(definition)) {
      await repo.update({ id: t.id, editedAt: IsNull() }, { title: t.title, summary: t.summary, definition });
    }
  }
  const missing = SEED_TOPICS.filter((t) => !present.has(t.id)).map((t) =>
    Object.assign(new GuidanceTopicEntity(), {
      ...t,
      definition: withHallIds(t.definition, hallIds),
      sortOrder: (SEED_TOPICS.indexOf(t) + 1) * 10,
      active: true,
      editedAt: null,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return missing.length ? ds.transaction((em) => insertIgnoringDuplicates(em, GuidanceTopicEntity, missing)) : 0;
}
