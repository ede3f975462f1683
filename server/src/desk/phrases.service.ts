import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { CorrectionPhraseEntity } from './entities/correction-phrase.entity';
import type { PhraseView } from '@gov/shared';
export type { PhraseView } from '@gov/shared';

const view = (p: CorrectionPhraseEntity): PhraseView => ({ id: p.id, text: p.text, sortOrder: p.sortOrder });

/** 常用补正语: the stock correction reasons staff tap in pre-review; admins keep the list. */
@Injectable()
export class PhrasesService {
  constructor(
    @InjectRepository(CorrectionPhraseEntity) private readonly phrases: Repository<CorrectionPhraseEntity>,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  async list(): Promise<PhraseView[]> {
    return (await this.phrases.find({ order: { sortOrder: 'ASC', createdAt: 'ASC' }, take: 500 })).map(view);
  }

  async create(caller: AuthUser, input: { text: string; sortOrder?: number }): Promise<PhraseView> {
    const now = this.clock.now();
    const sortOrder = input.sortOrder ?? (await this.nextOrder());
    const row = this.phrases.create({ id: newId(), text: input.text.trim(), sortOrder, createdAt: now, updatedAt: now });
    await this.write(() => this.phrases.insert(row));
    await this.audit.record({ actorId: caller.id, action: 'phrase.create', objectType: 'correction_phrase', objectId: row.id, data: { text: row.text } });
    return view(row);
  }

  async update(caller: AuthUser, id: string, input: { text?: string; sortOrder?: number }): Promise<PhraseView> {
    const row = await this.phrases.findOne({ where: { id } });
    if (!row) throw new DomainError('NOT_FOUND');
    if (input.text !== undefined) row.text = input.text.trim();
    if (input.sortOrder !== undefined) row.sortOrder = input.sortOrder;
    row.updatedAt = this.clock.now();
    await this.write(() => this.phrases.update({ id }, { text: row.text, sortOrder: row.sortOrder, updatedAt: row.updatedAt }));
    await this.audit.record({ actorId: caller.id, action: 'phrase.update', objectType: 'correction_phrase', objectId: id, data: { text: row.text } });
    return view(row);
  }

  async remove(caller: AuthUser, id: string): Promise<void> {
    const r = await this.phrases.delete({ id });
    if (!r.affected) throw new DomainError('NOT_FOUND');
    await this.audit.record({ actorId: caller.id, action: 'phrase.delete', objectType: 'correction_phrase', objectId: id });
  }

  private async nextOrder(): Promise<number> {
    const last = await this.phrases.find({ order: { sortOrder: 'DESC' }, take: 1 });
    return last.length ? last[0].sortOrder + 10 : 10;
  }

  private async write(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (e) {
      if (isDuplicateKey(e)) throw new DomainError('CONFLICT', '已有相同的补正语');
      throw e;
    }
  }
}
