import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { int, str, time } from './columns';

/**
 * The catalogue's version (issue 18): `catalog_state`, one row (`name` = 'catalog') whose `version`
 * every admin catalogue write bumps, so that every API instance knows when its cached public answers
 * (search, guides) are stale. The row is made by the first bump.
 */
export class CatalogVersion1732000955000 implements MigrationInterface {
  name = 'CatalogVersion1732000955000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'catalog_state',
        columns: [{ ...str('name', 32), isPrimary: true }, int('version', 0), time('changed_at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('catalog_state');
  }
}
