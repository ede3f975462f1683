import { Column, Entity } from 'typeorm';
import type { HallLevel } from '@gov/shared';
import { IdColumn, degreesCol, timeCol } from '../../common/db/column-types';

@Entity('halls')
export class HallEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 200 }) address!: string;
  @Column({ type: 'varchar', length: 32 }) phone!: string;
  @Column({ type: 'varchar', length: 200 }) hours!: string;
  @Column({ type: 'varchar', length: 16 }) level!: HallLevel;
  /** GCJ-02 (what Chinese map apps and Taro.openLocation use); null when not known */
  @Column(degreesCol('latitude')) latitude!: number | null;
  @Column(degreesCol('longitude')) longitude!: number | null;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
