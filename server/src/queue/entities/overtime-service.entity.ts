import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** 延时服务登记 (罗山 延时办): a ticket finished after the hall's closing time; one per ticket. */
@Entity('queue_overtime_services')
export class OvertimeServiceEntity {
  @IdColumn() id!: string;
  @RefColumn('ticket_id') ticketId!: string;
  @RefColumn('hall_id') hallId!: string;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @RefColumn('window_id') windowId!: string;
  @RefColumn('staff_id') staffId!: string;
  /** HH:mm, Asia/Shanghai */
  @Column({ name: 'closing_time', type: 'varchar', length: 5 }) closingTime!: string;
  @Column(timeCol('finished_at')) finishedAt!: Date;
  @Column({ name: 'minutes_past_closing', type: 'int' }) minutesPastClosing!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
}
