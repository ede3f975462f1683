import { CreateTables, int, pk, str, time } from './columns';

/**
 * The catalogue's version (issue 18): `catalog_state`, one row (`name` = 'catalog') whose `version`
 * every admin catalogue write bumps, so that every API instance knows when its cached public answers
 * (search, guides) are stale. The row is made by the first bump.
 */
export class CatalogVersion1732000955000 extends CreateTables {
  name = 'CatalogVersion1732000955000';

  protected tables = [{ name: 'catalog_state', columns: [pk(str('name', 32)), int('version', 0), time('changed_at')] }];
}
