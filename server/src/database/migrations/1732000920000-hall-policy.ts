import { bool, CreateTables, int, pk, ref, text, timestamps } from './columns';

/**
 * A hall's own rules (issue 15): `hall_policies`, one row per hall (hall_id the key): no-show grace
 * minutes, whether a failed contact attempt must come first (罗山 预约办 四.2), and opening hours as
 * JSON `[{ weekday, start, end }]`. A hall without a row uses the defaults (NO_SHOW_GRACE_MINUTES,
 * no contact, Monday–Friday 9:00–12:00 and 13:30–17:00).
 */
export class HallPolicy1732000920000 extends CreateTables {
  name = 'HallPolicy1732000920000';

  protected tables = [{ name: 'hall_policies', columns: [pk(ref('hall_id')), int('no_show_grace_minutes'), bool('no_show_contact_required'), text('opening_hours', false), ...timestamps()] }];
}
