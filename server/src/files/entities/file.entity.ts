import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** An uploaded file of a filing's material. The bytes live in the blob store under their sha256. */
@Entity('files')
export class FileEntity {
  @IdColumn() id!: string;
  @RefColumn('application_id') applicationId!: string;
  /** the service material (service_materials.id) */
  @RefColumn('material_id') materialId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) size!: number;
  @Column({ name: 'content_type', type: 'varchar', length: 64 }) contentType!: string;
  @Column({ type: 'varchar', length: 64 }) sha256!: string;
  @RefColumn('uploaded_by') uploadedBy!: string;
  @Column(timeCol('created_at')) createdAt!: Date;
}
