import { Column, Entity } from 'typeorm';
import { IdColumn, timeCol } from '../../common/db/column-types';
import { jsonText } from '../../catalog/entities/json-text.transformer';
import type { GuidanceDefinition } from '../guidance.rules';

/** A 智能导办 topic: its questions and the outcomes they lead to, kept as data (JSON in TEXT). */
@Entity('guidance_topics')
export class GuidanceTopicEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'varchar', length: 200 }) summary!: string;
  @Column({ type: 'text', transformer: jsonText<GuidanceDefinition>({ questions: [], outcomes: [] }) }) definition!: GuidanceDefinition;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** when an admin last saved it (null: as seeded, refreshed from the data file) */
  @Column(timeCol('edited_at', true)) editedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
