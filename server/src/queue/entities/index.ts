import { OvertimeServiceEntity } from './overtime-service.entity';
import { QueueCounterEntity } from './queue-counter.entity';
import { QueueHallStateEntity } from './queue-hall-state.entity';
import { QueueTicketEntity } from './queue-ticket.entity';
import { QueueWindowEntity } from './queue-window.entity';

/** The queue's tables (registered in database/entities.ts). */
export const QUEUE_ENTITIES = [QueueWindowEntity, QueueTicketEntity, QueueCounterEntity, QueueHallStateEntity, OvertimeServiceEntity];
