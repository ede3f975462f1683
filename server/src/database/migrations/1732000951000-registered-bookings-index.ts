import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The desk's list of the bookings it registered on a day (GET /staff/bookings?registeredOn=): hall, kind, registration time. */
export class RegisteredBookingsIndex1732000951000 implements MigrationInterface {
  name = 'RegisteredBookingsIndex1732000951000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('bookings', new TableIndex({ name: 'ix_bookings_hall_kind_created', columnNames: ['hall_id', 'kind', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('bookings', 'ix_bookings_hall_kind_created');
  }
}
