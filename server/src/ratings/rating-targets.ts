import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import { ApplicationEventEntity } from '../applications/entities/application-event.entity';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { BookingEntity } from '../booking/entities/booking.entity';
import { CatalogService } from '../catalog/catalog.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { reachedStages, RatingStage, ratingStage, RatingTargetType } from './ratings.rules';

/** What a rating is about: who may rate it, where it was served, and the stage it stands at. */
export interface RatingTarget {
  userId: string;
  hallId: string | null;
  serviceId: string | null;
  departmentId: string | null;
  /** the stage it may be rated at now, from its current status (null: nothing to rate yet) */
  stage: RatingStage | null;
  /** every stage it has reached (its timeline's statuses, then the current one), each may be rated once */
  reached: RatingStage[];
}

/**
 * Finds a target of a type handled by a feature above this layer (the centre's own help): the
 * target for one of its parties with its stage, or null when it does not exist or is not theirs.
 */
export type TargetResolver = (caller: AuthUser, id: string) => Promise<RatingTarget | null>;

/** Finds the booking or filing a rating is about, for one of its parties (else 404). */
@Injectable()
export class RatingTargets {
  private readonly more = new Map<RatingTargetType, TargetResolver>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessPolicy,
    private readonly catalog: CatalogService,
  ) {}

  /** Rated targets of another type (`assistance`), resolved by the feature that owns them. */
  register(type: RatingTargetType, resolver: TargetResolver): void {
    this.more.set(type, resolver);
  }

  /**
   * The booking or filing `id` (by `type`) for one of its parties: its applicant, hall, service, the
   * service's department, the stage it may be rated at now and every stage it reached. Throws
   * NOT_FOUND to everyone else.
   */
  async resolve(caller: AuthUser, type: RatingTargetType, id: string): Promise<RatingTarget> {
    if (type !== 'booking' && type !== 'application') {
      const found = await this.more.get(type)?.(caller, id);
      if (!found) throw new DomainError('NOT_FOUND');
      return found;
    }
    const row =
      type === 'booking'
        ? await this.ds.getRepository(BookingEntity).findOne({ where: { id } })
        : await this.ds.getRepository(ApplicationEntity).findOne({ where: { id } });
    const owned = this.access.ownedBy(caller, row ? { userId: row.userId, actorId: row.actorId, enterpriseId: row.enterpriseId, hallId: row.hallId } : null);
    const service = row!.serviceId ? await this.catalog.service(row!.serviceId) : null;
    const history =
      type === 'application'
        ? (await this.ds.getRepository(ApplicationEventEntity).find({ where: { applicationId: id }, order: { seq: 'ASC' }, select: { status: true } })).map((e) => e.status as string)
        : [];
    return {
      reached: reachedStages(type, [...history, row!.status]),
      userId: owned.userId,
      hallId: owned.hallId,
      serviceId: row!.serviceId,
      departmentId: service?.departmentId ?? null,
      stage: ratingStage(type, row!.status),
    };
  }
}
