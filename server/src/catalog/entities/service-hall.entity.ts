import { Entity, PrimaryColumn } from 'typeorm';

/** A hall that handles a service. */
@Entity('service_halls')
export class ServiceHallEntity {
  @PrimaryColumn({ name: 'service_id', type: 'varchar', length: 36 }) serviceId!: string;
  @PrimaryColumn({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
}
