import { AddIndices, key } from './columns';

/**
 * The staff exports read a hall's rows in keyset pages (server/src/exports): a day's bookings by start
 * time, a month's filings by creation time. These indexes make each page one range read, without
 * sorting the whole day or month again for every page.
 */
export class ExportIndexes1732000995000 extends AddIndices {
  name = 'ExportIndexes1732000995000';

  protected indices = {
    bookings: [key('ix_bookings_hall_day_start', 'hall_id', 'day', 'start_at', 'id')],
    applications: [key('ix_applications_hall_created', 'hall_id', 'created_at', 'id')],
  };
}
