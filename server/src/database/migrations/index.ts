import { Foundation1732000000000 } from './1732000000000-foundation';
import { Catalog1732000100000 } from './1732000100000-catalog';
import { Appointments1732000200000 } from './1732000200000-appointments';
import { Applications1732000300000 } from './1732000300000-applications';
import { Subscriptions1732000250000 } from './1732000250000-subscriptions';
import { Delegation1732000260000 } from './1732000260000-delegation';
import { Ratings1732000400000 } from './1732000400000-ratings';
import { Fairness1732000500000 } from './1732000500000-fairness';
import { Callbacks1732000600000 } from './1732000600000-callbacks';
import { Desk1732000760000 } from './1732000760000-desk';

/** Every migration, in order. Listed explicitly so that the same list runs from ts and from dist. */
export const MIGRATIONS = [Foundation1732000000000, Catalog1732000100000, Appointments1732000200000, Subscriptions1732000250000, Delegation1732000260000, Applications1732000300000, Ratings1732000400000, Fairness1732000500000, Callbacks1732000600000, Desk1732000760000];
