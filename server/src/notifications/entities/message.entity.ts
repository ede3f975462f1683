import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

@Entity('messages')
export class MessageEntity {
  @IdColumn() id!: string;
  @RefColumn('user_id') userId!: string;
  @Column({ type: 'varchar', length: 32 }) type!: string;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) link!: string | null;
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true }) dedupeKey!: string | null;
  @Column(timeCol('read_at', true)) readAt!: Date | null;
  /** what it announced no longer holds (e.g. 预约成功 of a booking since cancelled) */
  @Column(timeCol('superseded_at', true)) supersededAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
