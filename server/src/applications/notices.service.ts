import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CatalogService } from '../catalog/catalog.service';
import { CertificatesService } from '../certificates/certificates.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import { visibleFiling } from './applications.access';
import { FilingKernel } from './filing-kernel.service';
import { receiptLists } from './applications.rules';
import { renderNotice } from './notice.pdf';

const cnDay = (ymd: string) => {
  const [y, m, day] = ymd.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};
const cnDate = (d: Date) => cnDay(shanghaiDate(d));

/** Where the applicant turns: the accepting body, the hall, the consulting and complaint phones. */
const contactRows = (
  s: { acceptingBody: string; consultPhone: string; complaintPhone: string } | null,
  h: { name: string; address: string; phone: string } | null,
): Array<[string, string]> => [
  ['受理机构', s?.acceptingBody ?? ''],
  ['受理地点', h ? `${h.name}（${h.address}）` : ''],
  ['咨询电话', s?.consultPhone ?? h?.phone ?? ''],
  ['监督投诉电话', s?.complaintPhone ?? ''],
];

/** The printable notices of a filing: 受理通知书 once accepted, 不予受理通知书 once refused, 退件回执 once returned. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly users: UsersService,
    private readonly kernel: FilingKernel,
    private readonly access: AccessPolicy,
    private readonly certificates: CertificatesService,
  ) {}

  /** 受理通知书 of a filing the caller may see, as a PDF with its download name. Throws NOT_FOUND, or INVALID_STATE before acceptance. */
  async receipt(caller: AuthUser, id: string): Promise<{ name: string; pdf: Buffer }> {
    const a = visibleFiling(this.access, caller, await this.kernel.find(id));
    if (!a.receiptNo || !a.acceptedAt || !a.dueAt) throw new DomainError('INVALID_STATE', '办件尚未受理，没有受理通知书');
    const [s, h, u] = await this.context(a.serviceId, a.hallId, a.userId);
    const pdf = await renderNotice({
      title: '受理通知书',
      docNo: `受理号：${a.receiptNo}`,
      addressee: u?.realName ?? '申请人',
      paragraphs: [
        `你（单位）于${cnDate(a.submittedAt ?? a.acceptedAt)}提出的“${s?.name ?? ''}”申请（办件编号 ${a.number}），` +
          (a.deemedAccepted
            ? `本机关未在法定期限内告知补正，依据《中华人民共和国行政许可法》第三十二条，自${cnDate(a.acceptedAt)}起视为受理。`
            : `申请材料齐全、符合法定形式，依据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。`),
        `本事项承诺办结时限为 ${s?.promisedDays ?? ''} 个工作日（受理当日不计算在内），预计于${cnDate(a.dueAt)}前办结。办理进度可凭办件编号和手机号后四位查询。`,
      ],
      rows: [['办件编号', a.number], ...contactRows(s, h)],
      lists: await this.materialLists(a.id, a.commitmentDueAt),
      issuer: s?.acceptingBody ?? h?.name ?? '',
      date: cnDate(a.acceptedAt),
    });
    return { name: `受理通知书-${a.number}.pdf`, pdf };
  }

  /** 不予受理通知书 of a filing the caller may see, as a PDF with its download name. Throws NOT_FOUND, or INVALID_STATE unless refused. */
  async refusal(caller: AuthUser, id: string): Promise<{ name: string; pdf: Buffer }> {
    const a = visibleFiling(this.access, caller, await this.kernel.find(id));
    if (a.status !== 'refused' || !a.refuseReason) throw new DomainError('INVALID_STATE', '办件未被决定不予受理');
    const [s, h, u] = await this.context(a.serviceId, a.hallId, a.userId);
    const pdf = await renderNotice({
      title: '不予受理通知书',
      docNo: `办件编号：${a.number}`,
      addressee: u?.realName ?? '申请人',
      paragraphs: [
        `你（单位）于${cnDate(a.submittedAt ?? a.updatedAt)}提出的“${s?.name ?? ''}”申请，经审查，决定不予受理。`,
        `理由：${a.refuseReason}`,
        '如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      ],
      rows: [
        ['受理机构', s?.acceptingBody ?? ''],
        ['办理地点', h ? `${h.name}（${h.address}）` : ''],
        ['咨询电话', s?.consultPhone ?? h?.phone ?? ''],
      ],
      issuer: s?.acceptingBody ?? h?.name ?? '',
      date: cnDate(a.updatedAt),
    });
    return { name: `不予受理通知书-${a.number}.pdf`, pdf };
  }

  /**
   * The receipt's lists (新郑 四(一)2): the materials received (with how many files, or the
   * certificate that stood for one, 免提交) and those owed under the credit commitment with the day
   * it is due (the commitment's stored `commitmentDueAt`, set at acceptance).
   */
  private async materialLists(applicationId: string, commitmentDueAt: Date | null): Promise<Array<{ title: string; items: string[] }>> {
    const [rows, hashes] = await Promise.all([this.kernel.materialsOf(applicationId), this.kernel.materialHashes(applicationId)]);
    const certs = await this.certificates.byIds(rows.flatMap((r) => (r.reusedCertificateId ? [r.reusedCertificateId] : [])));
    return receiptLists(
      rows.map((r) => {
        const cert = r.reusedCertificateId ? certs.get(r.reusedCertificateId) : undefined;
        return { name: r.name, files: hashes.get(r.materialId)?.length ?? 0, reused: cert ? { type: cert.type, number: cert.number } : null, committed: r.committedAt !== null };
      }),
      commitmentDueAt ? cnDate(commitmentDueAt) : null,
    );
  }

  /**
   * 准予行政许可决定书 or 不予行政许可决定书 of a filing the caller may see, once decided, as a PDF with
   * its download name. Approval names the certificate issued; denial states the applicant's rights
   * to 行政复议 within 60 days and 行政诉讼 within 6 months (行政复议法 art. 20, 行政诉讼法 art. 46;
   * 行政许可法 art. 38). Throws NOT_FOUND, or INVALID_STATE before a decision.
   */
  async decision(caller: AuthUser, id: string): Promise<{ name: string; pdf: Buffer }> {
    const a = visibleFiling(this.access, caller, await this.kernel.find(id));
    const outcome = a.decidedAt ? await this.kernel.decisionOf(a.id) : null;
    if (!a.decidedAt || !outcome) throw new DomainError('INVALID_STATE', '办件尚未作出许可决定');
    const [[s, h, u], certs] = await Promise.all([this.context(a.serviceId, a.hallId, a.userId), this.certificates.ofFilings([a.id])]);
    const cert = certs.get(a.id);
    const title = outcome === 'approve' ? '准予行政许可决定书' : '不予行政许可决定书';
    const intro = `你（单位）于${cnDate(a.submittedAt ?? a.createdAt)}提出的“${s?.name ?? ''}”申请（办件编号 ${a.number}${a.receiptNo ? `，受理号 ${a.receiptNo}` : ''}），本机关已依法受理并审查。`;
    const paragraphs =
      outcome === 'approve'
        ? [
            `${intro}经审查，申请符合法定条件、标准，依据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。`,
            ...(a.decisionNote ? [`说明：${a.decisionNote}`] : []),
            ...(cert
              ? [`本机关核发电子证照《${cert.type}》，证照编号 ${cert.number}，有效期${cert.validTo ? `自${cnDay(cert.validFrom)}至${cnDay(cert.validTo)}` : `自${cnDay(cert.validFrom)}起长期有效`}。电子证照与纸质证照具有同等法律效力，可扫描证照上的二维码核验。`]
              : []),
          ]
        : [
            `${intro}经审查，申请不符合法定条件、标准，依据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。`,
            `理由：${a.decisionNote ?? ''}`,
            '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。',
          ];
    const pdf = await renderNotice({
      title,
      docNo: `办件编号：${a.number}`,
      addressee: u?.realName ?? '申请人',
      paragraphs,
      rows: [
        ['决定机关', s?.decidingBody ?? ''],
        ['办理地点', h ? `${h.name}（${h.address}）` : ''],
        ['咨询电话', s?.consultPhone ?? h?.phone ?? ''],
        ['监督投诉电话', s?.complaintPhone ?? ''],
      ],
      issuer: s?.decidingBody ?? h?.name ?? '',
      date: cnDate(a.decidedAt),
    });
    return { name: `${title}-${a.number}.pdf`, pdf };
  }

  /**
   * 退件回执 of a filing the caller may see, as a PDF with its download name: the filing, when it
   * was accepted, the reasons, the materials to collect back, and the right to apply again.
   * Throws NOT_FOUND, or INVALID_STATE unless returned.
   */
  async returnNotice(caller: AuthUser, id: string): Promise<{ name: string; pdf: Buffer }> {
    const a = visibleFiling(this.access, caller, await this.kernel.find(id));
    if (a.status !== 'returned' || !a.returnReason) throw new DomainError('INVALID_STATE', '办件未退件，没有退件回执');
    const [[s, h, u], mats] = await Promise.all([this.context(a.serviceId, a.hallId, a.userId), this.kernel.materialsOf(a.id)]);
    const pdf = await renderNotice({
      title: '退件回执',
      docNo: `办件编号：${a.number}${a.receiptNo ? `　受理号：${a.receiptNo}` : ''}`,
      addressee: u?.realName ?? '申请人',
      paragraphs: [
        `你（单位）提出的“${s?.name ?? ''}”申请${a.acceptedAt ? `已于${cnDate(a.acceptedAt)}受理` : ''}，经审查，现予退件。`,
        `退件理由：${a.returnReason}`,
        '所退申请材料请凭本回执到受理窗口领取。补齐、补正后可以重新申报；对退件有异议的，可以向监督投诉电话反映。',
      ],
      rows: [['退回材料', mats.map((m) => m.name).join('、') || '无'], ...contactRows(s, h)],
      issuer: s?.acceptingBody ?? h?.name ?? '',
      date: cnDate(a.updatedAt),
    });
    return { name: `退件回执-${a.number}.pdf`, pdf };
  }

  private context(serviceId: string, hallId: string, userId: string) {
    return Promise.all([
      this.catalog.service(serviceId),
      this.catalog.hall(hallId),
      this.users.findById(userId),
    ]);
  }
}
