import { CreateTables, int, pk, ref, str, time } from './columns';

/** WeChat subscribe-message consents: one credit per accepted request, spent by one message. */
export class Subscriptions1732000250000 extends CreateTables {
  name = 'Subscriptions1732000250000';

  protected tables = [{ name: 'subscribe_consents', columns: [pk(ref('user_id')), pk(str('template_key', 32)), int('credits', 0), time('updated_at')] }];
}
