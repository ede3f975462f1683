import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * bookings.status from 16 to 32 characters, for `cancelled_by_centre` (19).
 *
 * Written as one MODIFY on MySQL/MariaDB/TiDB rather than with `changeColumn`: TypeORM's MySQL
 * changeColumn drops and re-adds a column whose length changes, which would lose every booking's
 * status. SQLite does not enforce varchar lengths, so the embedded database needs no change.
 */
export class BookingStatusLength1732000700000 implements MigrationInterface {
  name = 'BookingStatusLength1732000700000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'mysql') return;
    await q.query('ALTER TABLE `bookings` MODIFY `status` varchar(32) NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    // a booking the centre cancelled reads as cancelled in the old schema
    await q.query("UPDATE `bookings` SET `status` = 'cancelled' WHERE `status` = 'cancelled_by_centre'");
    if (q.connection.options.type !== 'mysql') return;
    await q.query('ALTER TABLE `bookings` MODIFY `status` varchar(16) NOT NULL');
  }
}
