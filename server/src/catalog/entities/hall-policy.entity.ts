import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OpeningWindow } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';
import { jsonText } from './json-text.transformer';

/** A hall's own rules (one row per hall; no row = the defaults, hall-policy.rules defaultPolicy). */
@Entity('hall_policies')
export class HallPolicyEntity {
  @PrimaryColumn({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  /** minutes after a booking's start before it may become a no-show */
  @Column({ name: 'no_show_grace_minutes', type: 'int' }) noShowGraceMinutes!: number;
  /** a no-show counts only after a failed contact attempt (罗山 预约办 四.2) */
  @Column({ name: 'no_show_contact_required', type: 'boolean', default: false }) noShowContactRequired!: boolean;
  /** JSON `[{ weekday 1..7, start, end }]`, Asia/Shanghai `HH:mm` */
  @Column({ name: 'opening_hours', type: 'text', transformer: jsonText<OpeningWindow[]>([]) }) openingHours!: OpeningWindow[];
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
