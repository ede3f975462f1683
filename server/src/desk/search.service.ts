import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { StaffApplicationsService } from '../applications/staff-applications.service';
import { BookingEntity } from '../booking/entities/booking.entity';
import { StaffBookingService } from '../booking/staff-booking.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { CryptoService } from '../common/crypto/crypto.service';
import { UserEntity } from '../users/entities/user.entity';
import { LIKE_ESCAPE, SearchKeys, searchKeys, startsWithPattern } from './search.rules';
import { maskTypedValue, type DeskSearchResult } from '@gov/shared';
import { repositories } from '../common/db/repositories';
export type { DeskSearchResult } from '@gov/shared';

/** At most this many bookings and filings each; and people matched by name or phone tail. */
const LIMIT = 50;
const PEOPLE_LIMIT = 200;

/**
 * One search box on the desk: a filing number, a booking code, the applicant's name, the last four
 * digits of their phone (or a whole phone or ID number) — within the caller's hall (admins: all).
 *
 * How people are found although phone and ID numbers are encrypted at rest: the users table keeps
 * a keyed hash (HMAC with LOOKUP_KEY) of the whole phone and ID numbers, the phone's last four
 * digits in clear (`phone_tail`, already used by the public progress look-up and shown in every
 * masked phone, 138****1234, so it is no secret) and the real name in clear (`real_name`). So: a
 * tail or a name is an indexed column match (name: starts with), a whole phone or ID number is
 * its keyed hash. Bookings and filings match on the person they are for or the agent who made them.
 */
@Injectable()
export class DeskSearchService {
  private readonly db = repositories(this.ds, { users: UserEntity, bookings: BookingEntity, apps: ApplicationEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly staffBookings: StaffBookingService,
    private readonly staffApps: StaffApplicationsService,
    private readonly crypto: CryptoService,
  ) {}

  async search(caller: AuthUser, q: string): Promise<DeskSearchResult> {
    const keys = searchKeys(q);
    const read = Object.keys(keys) as Array<keyof SearchKeys>;
    const isAdmin = caller.roles.includes('admin');
    // the query comes back as typed, but a phone or ID number in it only masked (as every answer shows them)
    const shown = maskTypedValue(q);
    if (read.length === 0 || (!isAdmin && !caller.hallId)) return { q: shown, keys: read, bookings: [], applications: [] };
    const people = await this.people(keys);
    /** The newest rows of the caller's hall (admins: all) whose `numberColumn` is `number`, or for or made by one of the people. */
    const matching = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, numberColumn: string, number: string | undefined, newestFirst: string): Promise<T[]> => {
      const alias = qb.alias;
      if (!isAdmin) qb.andWhere(`${alias}.hall_id = :hall`, { hall: caller.hallId });
      return qb
        .andWhere(
          new Brackets((w) => {
            w.where('1 = 0');
            if (number) w.orWhere(`${alias}.${numberColumn} = :number`, { number });
            if (people.length) w.orWhere(`${alias}.user_id IN (:...people)`, { people }).orWhere(`${alias}.actor_id IN (:...people)`, { people });
          }),
        )
        .orderBy(`${alias}.${newestFirst}`, 'DESC')
        .take(LIMIT)
        .getMany();
    };
    const bookings = keys.bookingCode || people.length ? await matching(this.db.bookings.createQueryBuilder('b'), 'code', keys.bookingCode, 'start_at') : [];
    const apps =
      keys.filingNumber || people.length
        ? await matching(this.db.apps.createQueryBuilder('a').where("a.status <> 'draft'"), 'number', keys.filingNumber, 'created_at')
        : [];
    const [bookingViews, appViews] = await Promise.all([this.staffBookings.staffViews(bookings), this.staffApps.staffViews(apps, false)]);
    return { q: shown, keys: read, bookings: bookingViews, applications: appViews };
  }

  /** Ids of the citizens the person keys point at. */
  private async people(keys: SearchKeys): Promise<string[]> {
    if (!keys.phoneTail && !keys.phone && !keys.idNumber && !keys.name) return [];
    const qb = this.db.users
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where("u.role = 'citizen'")
      .andWhere(
        new Brackets((w) => {
          w.where('1 = 0');
          if (keys.phoneTail) w.orWhere('u.phone_tail = :tail', { tail: keys.phoneTail });
          if (keys.phone) w.orWhere('u.phone_hash = :ph', { ph: this.crypto.lookupHash('phone', keys.phone) });
          if (keys.idNumber) w.orWhere('u.id_number_hash = :ih', { ih: this.crypto.lookupHash('id', keys.idNumber) });
          if (keys.name) w.orWhere(`u.real_name LIKE :name ESCAPE '${LIKE_ESCAPE}'`, { name: startsWithPattern(keys.name) });
        }),
      )
      .limit(PEOPLE_LIMIT);
    return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
  }
}
