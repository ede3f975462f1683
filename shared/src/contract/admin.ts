/** Wire shapes of the admin pages (API.md, Admin). */

import type { StaffRole } from '../enums';

/** A staff account (GET/POST /admin/staff). */
export interface StaffView {
  id: string;
  username: string;
  name: string;
  role: 'staff' | 'admin';
  /** a staff account's duties (empty for an admin) */
  roles: StaffRole[];
  hallId: string | null;
  departmentId: string | null;
}

/** POST /admin/slot-templates: weekday 1 (周一) … 7 (周日), HH:mm times, serviceId omitted for 全部事项. */
export interface CreateSlotTemplateRequest {
  hallId: string;
  serviceId?: string;
  weekday: number;
  start: string;
  end: string;
  capacity: number;
}

/** POST /admin/slots/generate (dates YYYY-MM-DD) */
export interface GenerateSlotsRequest {
  hallId: string;
  from: string;
  to: string;
}
export interface GenerateSlotsResult {
  created: number;
  existing: number;
}

/** POST /admin/slots/:id/close */
export interface CloseSlotRequest {
  reason: string;
}
