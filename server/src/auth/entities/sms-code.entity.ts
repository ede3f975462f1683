import { Column, Entity } from 'typeorm';
import { IdColumn, timeCol } from '../../common/db/column-types';

@Entity('sms_codes')
export class SmsCodeEntity {
  @IdColumn() id!: string;
  @Column({ name: 'phone_hash', type: 'varchar', length: 64 }) phoneHash!: string;
  @Column({ name: 'code_hash', type: 'varchar', length: 64 }) codeHash!: string;
  @Column(timeCol('expires_at')) expiresAt!: Date;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column(timeCol('consumed_at', true)) consumedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
