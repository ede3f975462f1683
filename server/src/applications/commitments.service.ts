import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, Repository } from 'typeorm';
import type { CreditRecordView, CreditView } from '@gov/shared';
import { shanghaiDate } from '../calendar/calendar.rules';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { Transactions } from '../common/db/transactions';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { FileEntity } from '../files/entities/file.entity';
import { barredUntil, barUntil, commitmentBreached, creditSubject, owedMaterials } from './applications.rules';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationEntity } from './entities/application.entity';
import { CreditRecordEntity } from './entities/credit-record.entity';
import { FilingKernel, SYSTEM_ACTOR } from './filing-kernel.service';

/** A filing's committed materials with their file counts, as the rules of 容缺 read them. */
type Owing = Array<{ materialId: string; name: string; committed: boolean; fileCount: number }>;

/**
 * 容缺 kept (DESIGN.md, 容缺; 新乡 四(八): no licence before every material is in; 临沂 一(一), 二(三)1):
 * what a filing still owes, the refusal of approval and delivery while it owes anything
 * (MATERIALS_OUTSTANDING), the `commitment-scan` job that marks breaches and writes them on the
 * person's or company's credit record, and the bar that record puts on further 容缺 for
 * COMMITMENT_BAR_DAYS.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationMaterialEntity) private readonly materials: Repository<ApplicationMaterialEntity>,
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    @InjectRepository(CreditRecordEntity) private readonly records: Repository<CreditRecordEntity>,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly kernel: FilingKernel,
  ) {}

  /** The committed materials of a filing and how many files each has, read in `em` (a locked transaction) or outside. */
  async owing(applicationId: string, em?: EntityManager): Promise<Owing> {
    const mats = await (em ? em.getRepository(ApplicationMaterialEntity) : this.materials).find({ where: { applicationId }, order: { sortOrder: 'ASC' } });
    const committed = mats.filter((m) => m.committedAt !== null);
    if (!committed.length) return [];
    const files = await (em ? em.getRepository(FileEntity) : this.files).find({ where: { applicationId, materialId: In(committed.map((m) => m.materialId)) }, select: { id: true, materialId: true } });
    return committed.map((m) => ({ materialId: m.materialId, name: m.name, committed: true, fileCount: files.filter((f) => f.materialId === m.materialId).length }));
  }

  /**
   * Refuses a step that needs every material in (approval, delivery of an approval, 即办) while a
   * 容缺 material is still owed. Throws MATERIALS_OUTSTANDING with `details.materialIds`.
   */
  async assertNothingOwed(a: ApplicationEntity): Promise<void> {
    const owing = await this.owing(a.id);
    const owed = owedMaterials(owing);
    if (!owed.length) return;
    const names = owing.filter((m) => owed.includes(m.materialId)).map((m) => m.name);
    const due = a.commitmentDueAt ? `（承诺 ${shanghaiDate(a.commitmentDueAt)} 前补交）` : '';
    throw new DomainError('MATERIALS_OUTSTANDING', `容缺受理的材料尚未补交${due}：${names.join('、')}。材料补齐后才能作出准予决定或送达`, { materialIds: owed });
  }

  /**
   * After a file of a committed material arrived on an accepted filing (`em` holds the filing's row
   * lock): the timeline names the material handed in, and when nothing is owed any more the
   * commitment is fulfilled. Raises nothing of its own.
   */
  async handedIn(em: EntityManager, a: ApplicationEntity, materialName: string, actor: Parameters<FilingKernel['event']>[4]): Promise<void> {
    const owed = owedMaterials(await this.owing(a.id, em));
    const done = owed.length === 0;
    if (done) await em.update(ApplicationEntity, { id: a.id, commitmentStatus: 'open' }, { commitmentStatus: 'fulfilled' });
    await this.kernel.event(em, a.id, a.status, 'fulfil', actor, `补交容缺材料：${materialName}${done ? '；容缺材料已全部补齐' : ''}`);
  }

  /**
   * The bar a breached commitment puts on the subject of this filing (the company when made for
   * one, else the person): throws FORBIDDEN with `details: { reason: 'commitment_barred', until }`
   * while it runs.
   */
  async assertNotBarred(a: Pick<ApplicationEntity, 'userId' | 'enterpriseId'>): Promise<void> {
    const s = creditSubject(a);
    const rows = await this.records.find({ where: { subjectType: s.type, subjectId: s.id } });
    const until = barredUntil(rows, this.clock.now());
    if (!until) return;
    const who = s.type === 'enterprise' ? '该企业' : '您';
    throw new DomainError('FORBIDDEN', `${who}有未按期履行的容缺承诺记入信用记录，${shanghaiDate(until)} 前不能再申请容缺受理，请提交全部材料`, {
      reason: 'commitment_barred',
      until: until.toISOString(),
    });
  }

  /** The credit record of each filing's subject (person or company), newest first, with the bar it puts on 容缺; in the order of `rows`. Raises nothing. */
  async creditViews(rows: Array<Pick<ApplicationEntity, 'userId' | 'enterpriseId'>>): Promise<CreditView[]> {
    const subjects = rows.map(creditSubject);
    const ids = (type: string) => [...new Set(subjects.filter((s) => s.type === type).map((s) => s.id))];
    const [people, companies] = [ids('person'), ids('enterprise')];
    const found = [
      ...(people.length ? await this.records.find({ where: { subjectType: 'person', subjectId: In(people) }, order: { recordedAt: 'DESC' } }) : []),
      ...(companies.length ? await this.records.find({ where: { subjectType: 'enterprise', subjectId: In(companies) }, order: { recordedAt: 'DESC' } }) : []),
    ];
    const now = this.clock.now();
    return subjects.map((s) => {
      const mine = found.filter((r) => r.subjectType === s.type && r.subjectId === s.id);
      return { barredUntil: barredUntil(mine, now)?.toISOString() ?? null, records: mine.map(recordView) };
    });
  }

  /**
   * The `commitment-scan` job: every open commitment of a running filing past its due time with
   * something still owed is marked breached (under the filing's row lock, so that a paper handed in
   * at the last minute wins), written once on the credit record (unique per filing), put on the
   * timeline, and the applicant is told. Idempotent: any number of instances may run it. Returns
   * how many were breached and how many turned out fulfilled.
   */
  async scan(): Promise<{ breached: number; fulfilled: number }> {
    const now = this.clock.now();
    const due = await this.apps.find({
      where: { commitmentStatus: 'open', commitmentDueAt: LessThan(now), status: In(['accepted', 'under_review']) },
      order: { commitmentDueAt: 'ASC' },
      take: 500,
    });
    let breached = 0;
    let fulfilled = 0;
    const barDays = this.config.filings.commitmentBarDays;
    for (const candidate of due) {
      let told = false;
      try {
        await this.tx.run(async (em) => {
          const a = await this.kernel.lockFiling(em, candidate.id);
          if (!['accepted', 'under_review'].includes(a.status)) return;
          const owing = await this.owing(a.id, em);
          const owed = owedMaterials(owing);
          if (a.commitmentStatus === 'open' && owed.length === 0) {
            await em.update(ApplicationEntity, { id: a.id, commitmentStatus: 'open' }, { commitmentStatus: 'fulfilled' });
            fulfilled++;
            return;
          }
          if (!commitmentBreached({ status: a.commitmentStatus, dueAt: a.commitmentDueAt }, owed.length, now)) return;
          const names = owing.filter((m) => owed.includes(m.materialId)).map((m) => m.name);
          const s = creditSubject(a);
          await em.update(ApplicationEntity, { id: a.id, commitmentStatus: 'open' }, { commitmentStatus: 'breached', updatedAt: now });
          await em.insert(CreditRecordEntity, {
            id: newId(),
            subjectType: s.type,
            subjectId: s.id,
            applicationId: a.id,
            kind: 'commitment_breach',
            note: `办件 ${a.number} 容缺受理承诺 ${shanghaiDate(a.commitmentDueAt!)} 前补交的材料未补交：${names.join('、')}`,
            dueAt: a.commitmentDueAt!,
            recordedAt: now,
            barUntil: barUntil(now, barDays),
          });
          await this.kernel.event(em, a.id, a.status, 'breach', SYSTEM_ACTOR, `容缺承诺到期未补交：${names.join('、')}，已记入信用记录`);
          // the breach and the applicant's message in one transaction
          await this.kernel.tell(
            a,
            '容缺承诺未按期履行',
            `您的办件 ${a.number} 容缺受理时承诺于 ${shanghaiDate(a.commitmentDueAt!)} 前补交的材料（${names.join('、')}）未补交，已记入信用记录，${barDays} 日内不能再申请容缺受理。办件在材料补齐前不能作出准予决定，窗口可能依法退件。`,
            'breach',
            { em, to: a.status },
          );
          told = true;
        });
      } catch (e) {
        // another instance recorded it first
        if (isDuplicateKey(e)) continue;
        throw e;
      }
      if (told) breached++;
    }
    return { breached, fulfilled };
  }
}

function recordView(r: CreditRecordEntity): CreditRecordView {
  return {
    id: r.id,
    kind: 'commitment_breach',
    subjectType: r.subjectType,
    applicationId: r.applicationId,
    note: r.note,
    dueAt: r.dueAt.toISOString(),
    recordedAt: r.recordedAt.toISOString(),
    barUntil: r.barUntil.toISOString(),
  };
}
