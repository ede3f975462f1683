import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ClockService } from '../clock/clock.service';
import { newId } from '../ids';
import { AuditLogEntity } from './audit-log.entity';

/** Every staff action on people's records: who, when, what, why. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly logs: Repository<AuditLogEntity>,
    private readonly clock: ClockService,
  ) {}

  async record(
    entry: { actorId: string | null; action: string; objectType: string; objectId: string | null; reason?: string | null; data?: Record<string, unknown> },
    em?: EntityManager,
  ): Promise<void> {
    const repo = em ? em.getRepository(AuditLogEntity) : this.logs;
    const row: AuditLogEntity = {
      id: newId(),
      actorId: entry.actorId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      reason: entry.reason ?? null,
      data: entry.data ?? null,
      at: this.clock.now(),
    };
    await repo.save(repo.create(row));
  }

  list(objectType: string, objectId: string): Promise<AuditLogEntity[]> {
    return this.logs.find({ where: { objectType, objectId }, order: { at: 'ASC' } });
  }
}
