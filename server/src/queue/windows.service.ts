import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { repositories } from '../common/db/repositories';
import * as QRCode from 'qrcode';
import { DataSource, In } from 'typeorm';
import { hallPosterText, shanghaiDate } from '@gov/shared';
import type { HallCodeView, WindowView } from '@gov/shared';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError, fieldError, notFound } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { QueueWindowEntity } from './entities/queue-window.entity';
import { hallCodeFromDigest } from './queue.rules';

export const windowView = (w: QueueWindowEntity): WindowView => ({ id: w.id, name: w.name, serviceIds: w.serviceIds });

/** The hall of a staff caller (admins name one with `hallId`); FORBIDDEN for an admin without one. */
export function staffHall(caller: AuthUser, requested?: string): string {
  if (caller.roles.includes('admin') && requested) return requested;
  if (caller.hallId) return caller.hallId;
  throw new DomainError('FORBIDDEN', '请指定大厅（hallId）');
}

/** A hall's windows (admins define them) and the hall's daily code for the QR poster. */
@Injectable()
export class WindowsService {
  private readonly db = repositories(this.ds, { windows: QueueWindowEntity, halls: HallEntity, serviceHalls: ServiceHallEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: CryptoService,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
  ) {}

  /** GET /staff/windows: the hall's windows in their order. */
  async list(hallId: string): Promise<WindowView[]> {
    return (await this.db.windows.find({ where: { hallId }, order: { sortOrder: 'ASC', name: 'ASC' } })).map(windowView);
  }

  /**
   * POST /admin/halls/:id/windows: a new window. NOT_FOUND for an unknown hall; VALIDATION_FAILED
   * (`serviceIds`) for a service not handled at the hall; CONFLICT for a name the hall already has.
   */
  async create(caller: AuthUser, hallId: string, body: { name: string; serviceIds?: string[] }): Promise<WindowView> {
    if (!isId(hallId) || !(await this.db.halls.exist({ where: { id: hallId } }))) throw notFound();
    const serviceIds = [...new Set(body.serviceIds ?? [])];
    if (serviceIds.length) {
      const handled = serviceIds.every(isId) ? await this.db.serviceHalls.count({ where: { hallId, serviceId: In(serviceIds) } }) : 0;
      if (handled !== serviceIds.length) throw fieldError('serviceIds', '有事项不在本大厅办理');
    }
    const now = this.clock.now();
    const count = await this.db.windows.count({ where: { hallId } });
    const row = this.db.windows.create({ id: newId(), hallId, name: body.name.trim(), serviceIds, sortOrder: (count + 1) * 10, createdAt: now, updatedAt: now });
    try {
      await this.db.windows.insert(row);
    } catch (e) {
      if (isDuplicateKey(e)) throw new DomainError('CONFLICT', `本大厅已有“${row.name}”`);
      throw e;
    }
    await this.audit.record({ actorId: caller.id, action: 'queue.window.create', objectType: 'hall', objectId: hallId, data: { windowId: row.id, name: row.name } });
    return windowView(row);
  }

  /** The hall's code on a Shanghai day: 8 characters of an HMAC (the data look-up key) of hall and day; changes daily, proves presence. */
  codeFor(hallId: string, day: string): string {
    return hallCodeFromDigest(this.crypto.lookupHash('hall-code', `${hallId}:${day}`));
  }

  /** GET /staff/hall-code: today's code of the hall and its QR poster (PNG data URL of `zwt-hall:<hallId>:<code>`). */
  async hallCode(hallId: string): Promise<HallCodeView> {
    const validOn = shanghaiDate(this.clock.now());
    const hallCode = this.codeFor(hallId, validOn);
    const qrImage = await QRCode.toDataURL(hallPosterText(hallId, hallCode), { margin: 1, width: 480, errorCorrectionLevel: 'M' });
    return { hallCode, validOn, qrImage };
  }
}
