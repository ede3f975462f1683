import { Column, Entity } from 'typeorm';
import type { HallLevel } from '@gov/shared';
import { IdColumn, RefColumn, degreesCol, timeCol } from '../../common/db/column-types';

@Entity('halls')
export class HallEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 200 }) address!: string;
  @Column({ type: 'varchar', length: 32 }) phone!: string;
  @Column({ type: 'varchar', length: 200 }) hours!: string;
  @Column({ type: 'varchar', length: 16 }) level!: HallLevel;
  /** the hall one level up (town → county → city); null for a city centre. Halls with the same top are one city chain (同城通办) */
  @RefColumn('parent_hall_id', true) parentHallId!: string | null;
  /** GCJ-02 (what Chinese map apps and Taro.openLocation use); null when not known */
  @Column(degreesCol('latitude')) latitude!: number | null;
  @Column(degreesCol('longitude')) longitude!: number | null;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
