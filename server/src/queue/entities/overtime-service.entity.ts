import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/** 延时服务登记 (罗山 延时办): a ticket finished after the hall's closing time; one per ticket. */
@Entity('queue_overtime_services')
export class OvertimeServiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ name: 'window_id', type: 'varchar', length: 36 }) windowId!: string;
  @Column({ name: 'staff_id', type: 'varchar', length: 36 }) staffId!: string;
  /** HH:mm, Asia/Shanghai */
  @Column({ name: 'closing_time', type: 'varchar', length: 5 }) closingTime!: string;
  @Column(timeCol('finished_at')) finishedAt!: Date;
  @Column({ name: 'minutes_past_closing', type: 'int' }) minutesPastClosing!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
}
