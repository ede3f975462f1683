import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/** The catalogue's version (one row, `name` = 'catalog'), bumped by every admin catalogue write. */
@Entity('catalog_state')
export class CatalogStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) name!: string;
  @Column({ type: 'int', default: 0 }) version!: number;
  @Column(timeCol('changed_at')) changedAt!: Date;
}
