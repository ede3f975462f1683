/**
 * A hall's own rules (API.md, Admin: `PUT /admin/halls/:id/policy`; DESIGN.md, Appointments and The
 * hall's queue): how long after a booking's start it becomes a no-show, whether a failed contact
 * attempt must come first (罗山 预约办 四.2: call a late applicant before counting them absent; 新郑
 * 五(三)3 counts after 60 minutes without one), and the hall's opening hours (Asia/Shanghai).
 */

/** One opening window: `weekday` 1 Monday … 7 Sunday, `start`/`end` `HH:mm` (Asia/Shanghai), start < end. */
export interface OpeningWindow {
  weekday: number;
  start: string;
  end: string;
}

/** A hall's policy as read and written; `isDefault` is true when the hall never set one (the defaults apply). */
export interface HallPolicy {
  hallId: string;
  /** minutes after a booking's start before it may become a no-show (0..1440) */
  noShowGraceMinutes: number;
  /** true: a booking past grace is a pending no-show that counts only after staff record `reached: false` */
  noShowContactRequired: boolean;
  /** the hall's opening windows, ordered by weekday then start; a weekday without windows is closed */
  openingHours: OpeningWindow[];
  isDefault: boolean;
  updatedAt: string | null;
}

/** Body of `PUT /admin/halls/:id/policy`. */
export interface HallPolicyRequest {
  noShowGraceMinutes: number;
  noShowContactRequired: boolean;
  openingHours: OpeningWindow[];
}
