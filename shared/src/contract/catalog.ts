/** Wire shapes of the catalogue beyond api.types (API.md, Catalogue). */
import type { ServiceGuide } from '../api.types';
import type { Audience } from '../enums';

/** GET /services/categories */
export interface CategoryCount {
  name: string;
  audience: Audience;
  count: number;
}

/** Query of GET /services */
export interface ServiceSearch {
  q?: string;
  category?: string;
  audience?: Audience;
  departmentId?: string;
  page?: number;
  pageSize?: number;
}

/** A hall of a guide, with its phone. */
export type GuideHall = ServiceGuide['halls'][number] & { phone: string };

/** GET /services/:id: the guide with its halls' phones. */
export interface GuideView extends Omit<ServiceGuide, 'halls'> {
  halls: GuideHall[];
}
