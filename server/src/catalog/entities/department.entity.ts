import { Column, Entity } from 'typeorm';
import { IdColumn, timeCol } from '../../common/db/column-types';

@Entity('departments')
export class DepartmentEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64 }) name!: string;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
