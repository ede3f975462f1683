import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/** An uploaded file of a filing's material. The bytes live in the blob store under their sha256. */
@Entity('files')
export class FileEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'application_id', type: 'varchar', length: 36 }) applicationId!: string;
  /** the service material (service_materials.id) */
  @Column({ name: 'material_id', type: 'varchar', length: 36 }) materialId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) size!: number;
  @Column({ name: 'content_type', type: 'varchar', length: 64 }) contentType!: string;
  @Column({ type: 'varchar', length: 64 }) sha256!: string;
  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 }) uploadedBy!: string;
  @Column(timeCol('created_at')) createdAt!: Date;
}
