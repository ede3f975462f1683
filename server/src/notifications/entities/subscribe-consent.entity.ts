import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

@Entity('subscribe_consents')
export class SubscribeConsentEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @PrimaryColumn({ name: 'template_key', type: 'varchar', length: 32 }) templateKey!: string;
  @Column({ type: 'int', default: 0 }) credits!: number;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
