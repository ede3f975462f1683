import { IdColumn, RefColumn } from './column-types';

/**
 * The columns every request made for a principal starts with (办件, 预约, 错时预约, 帮办代办, 咨询):
 * its id; `userId`, the principal person it is for (for a company, the member who made it);
 * `actorId`, who made it (the same person, an agent or a company member); `enterpriseId`, the
 * company it is for, if any. Entities extend it; TypeORM maps these columns onto each entity's own table.
 */
export abstract class PrincipalColumns {
  @IdColumn() id!: string;
  @RefColumn('user_id') userId!: string;
  @RefColumn('actor_id') actorId!: string;
  @RefColumn('enterprise_id', true) enterpriseId!: string | null;
}
