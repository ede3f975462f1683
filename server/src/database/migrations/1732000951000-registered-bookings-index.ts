import { AddIndices, key } from './columns';

/** The desk's list of the bookings it registered on a day (GET /staff/bookings?registeredOn=): hall, kind, registration time. */
export class RegisteredBookingsIndex1732000951000 extends AddIndices {
  name = 'RegisteredBookingsIndex1732000951000';

  protected indices = { bookings: [key('ix_bookings_hall_kind_created', 'hall_id', 'kind', 'created_at')] };
}
