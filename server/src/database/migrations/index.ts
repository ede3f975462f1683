import { Foundation1732000000000 } from './1732000000000-foundation';
import { Catalog1732000100000 } from './1732000100000-catalog';
import { Appointments1732000200000 } from './1732000200000-appointments';
import { Subscriptions1732000250000 } from './1732000250000-subscriptions';
import { Delegation1732000260000 } from './1732000260000-delegation';
import { Applications1732000300000 } from './1732000300000-applications';
import { Ratings1732000400000 } from './1732000400000-ratings';
import { Fairness1732000500000 } from './1732000500000-fairness';
import { Callbacks1732000600000 } from './1732000600000-callbacks';
import { BookingStatusLength1732000700000 } from './1732000700000-booking-status-length';
import { Trust1732000710000 } from './1732000710000-trust';
import { NoticeSnapshot1732000720000 } from './1732000720000-notice-snapshot';
import { RatingStages1732000730000 } from './1732000730000-rating-stages';
import { Account1732000740000 } from './1732000740000-account';
import { Desk1732000760000 } from './1732000760000-desk';
import { Utf8mb41732000800000 } from './1732000800000-utf8mb4';
import { IdentityType1732000810000 } from './1732000810000-identity-type';
import { Queue1732000910000 } from './1732000910000-queue';
import { HallPolicy1732000920000 } from './1732000920000-hall-policy';
import { NoShowContact1732000925000 } from './1732000925000-no-show-contact';
import { OffhoursAnswers1732000930000 } from './1732000930000-offhours-answers';
import { OneAccountPerDocument1732000940000 } from './1732000940000-one-account-per-document';
import { QueueDayEnd1732000950000 } from './1732000950000-queue-day-end';
import { RegisteredBookingsIndex1732000951000 } from './1732000951000-registered-bookings-index';
import { Commitments1732000960000 } from './1732000960000-commitments';
import { Certificates1732000980000 } from './1732000980000-certificates';

/** Every migration, in order. Listed explicitly so that the same list runs from ts and from dist. */
export const MIGRATIONS = [Foundation1732000000000, Catalog1732000100000, Appointments1732000200000, Subscriptions1732000250000, Delegation1732000260000, Applications1732000300000, Ratings1732000400000, Fairness1732000500000, Callbacks1732000600000, BookingStatusLength1732000700000, Trust1732000710000, NoticeSnapshot1732000720000, RatingStages1732000730000, Account1732000740000, Desk1732000760000, Utf8mb41732000800000, IdentityType1732000810000, Queue1732000910000, HallPolicy1732000920000, NoShowContact1732000925000, OffhoursAnswers1732000930000, OneAccountPerDocument1732000940000, QueueDayEnd1732000950000, RegisteredBookingsIndex1732000951000, Commitments1732000960000, Certificates1732000980000];
