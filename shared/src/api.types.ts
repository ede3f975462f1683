/** Shapes of the HTTP contract (API.md). Both the server and the mini-app client use these. */
import type {
  ApplicationStatus,
  Audience,
  BookingKind,
  SlotKind,
  BookingStatus,
  DeliveryMethod,
  EnterpriseRole,
  EnterpriseStatus,
  HallLevel,
  MaterialForm,
  OffhoursStatus,
  OnBehalfType,
  Role,
  SlaState,
} from './enums';
import type { IdType } from './identity.rules';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ---- Auth ----
export interface SmsSendRequest {
  phone: string;
}
export interface SmsLoginRequest {
  phone: string;
  code: string;
}
export interface WechatLoginRequest {
  code: string;
}
export interface AlipayLoginRequest {
  authCode: string;
}
export interface StaffLoginRequest {
  username: string;
  password: string;
}
export interface RefreshRequest {
  refreshToken: string;
}

export interface MeEnterprise {
  id: string;
  name: string;
  role: EnterpriseRole;
  /** only a `verified` company can act (book, file, request off-hours service) */
  status: EnterpriseStatus;
}

export interface Me {
  id: string;
  /** masked, 138****1234 */
  phone: string | null;
  realName: string | null;
  /** masked */
  idNumber: string | null;
  /** the document the real name was verified against; null until verified */
  idType?: IdType | null;
  verified: boolean;
  roles: Role[];
  enterprises: MeEnterprise[];
  /** staff only: the hall they serve */
  hallId?: string | null;
  /** staff only: the department a reviewer decides for (受审分离) */
  departmentId?: string | null;
  name?: string | null;
  /** the version of the privacy terms the person consented to; null until they do */
  consentVersion?: string | null;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  user: Me;
}

export interface VerifyRequest {
  realName: string;
  idNumber: string;
  /** the document: `resident` (居民身份证) when absent */
  idType?: IdType;
}

export interface HealthResult {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  time: string;
}

// ---- Catalogue ----
export interface Department {
  id: string;
  name: string;
}

export interface Hall {
  id: string;
  name: string;
  address: string;
  phone: string;
  hours: string;
  level: HallLevel;
  /** the hall one level up (town → county → city), null for a city centre: halls under one city centre form one 同城通办 chain */
  parentId: string | null;
  /** GCJ-02 (the coordinates Chinese map apps and Taro.openLocation use); null when not known */
  latitude: number | null;
  longitude: number | null;
}

export interface ServiceSummary {
  id: string;
  code: string;
  name: string;
  departmentName: string;
  audience: Audience;
  category: string;
  promisedDays: number;
  onlinePrereview: boolean;
}

/** What a checklist line asks of the applicant: the material, whether it is required or deferrable (容缺), how many copies in which form, and a note. */
export interface MaterialTerms {
  name: string;
  required: boolean;
  tolerable: boolean;
  copies: number;
  form: MaterialForm;
  note: string | null;
}

export interface ServiceMaterial extends MaterialTerms {
  id: string;
  templateUrl: string | null;
  /** 免提交: a valid electronic certificate of this type (e.g. 营业执照) satisfies it; null when none does */
  certificateType?: string | null;
}

export interface ServiceFee {
  free: boolean;
  /** fen */
  amount: number | null;
  basis: string | null;
}

export interface ServiceGuide {
  id: string;
  code: string;
  name: string;
  subItem: string | null;
  scope: string;
  acceptingBody: string;
  decidingBody: string;
  conditions: string;
  materials: ServiceMaterial[];
  process: string[];
  legalDays: number;
  promisedDays: number;
  fee: ServiceFee;
  delivery: DeliveryMethod[];
  consultPhone: string;
  complaintPhone: string;
  halls: Array<Pick<Hall, 'id' | 'name' | 'address' | 'hours' | 'latitude' | 'longitude'>>;
  basis: string;
  audience: Audience;
  category: string;
  keyProject: boolean;
  departmentId?: string;
  departmentName?: string;
  keywords?: string[];
  onlinePrereview?: boolean;
  /** licence-issuing: the electronic certificate its approval issues, valid `years` (null = 长期); null when none */
  certificate?: { type: string; years: number | null } | null;
  /** 即办: done on the spot at the window */
  instant?: boolean;
}

export interface CalendarDay {
  date: string;
  workday: boolean;
  name: string | null;
}

// ---- Bookings ----
export interface OnBehalfOf {
  type: OnBehalfType;
  id: string;
}

export interface Slot {
  id: string;
  hallId: string;
  serviceId: string | null;
  start: string;
  end: string;
  capacity: number;
  remaining: number;
}

/** A slot as admins see it (GET /admin/slots): what is taken, and whether it is still offered. */
export interface AdminSlot extends Slot {
  /** Asia/Shanghai date */
  day: string;
  booked: number;
  /** places held for waitlist offers */
  held: number;
  /** false once closed (POST /admin/slots/:id/close) */
  active: boolean;
  kind: SlotKind;
  templateId: string | null;
  /** null: every service of the hall (全部事项) */
  serviceName: string | null;
}

/** A weekly slot template of a hall (GET /admin/slot-templates). */
export interface SlotTemplate {
  id: string;
  hallId: string;
  serviceId: string | null;
  /** ISO weekday 1 (Monday) … 7 (Sunday) */
  weekday: number;
  start: string;
  end: string;
  capacity: number;
  active: boolean;
}

export interface Booking {
  id: string;
  status: BookingStatus;
  code: string;
  slot: Slot;
  serviceId: string;
  hallId: string;
  kind: BookingKind;
}

export interface BookingEligibility {
  noShows: number;
  threshold: number;
  forfeited: boolean;
  until: string | null;
}

export interface OffhoursRequest {
  id: string;
  status: OffhoursStatus;
  serviceId: string;
  hallId: string;
  preferredStart: string;
  preferredEnd: string;
  note: string | null;
  bookingId?: string | null;
}

// ---- Filings ----
export interface ApplicationMaterial {
  materialId: string;
  name: string;
  required: boolean;
  tolerable: boolean;
  files: Array<{ id: string; name: string; size: number; contentType: string; sha256: string }>;
  review: null | { ok: boolean; reason: string | null };
}

export interface TimelineEvent {
  at: string;
  status: ApplicationStatus;
  actor: string;
  note: string | null;
}

export interface Application {
  id: string;
  number: string;
  status: ApplicationStatus;
  serviceId: string;
  materials: ApplicationMaterial[];
  timeline?: TimelineEvent[];
  dueAt?: string | null;
  sla?: SlaState | null;
}

// ---- Messages ----
export interface Message {
  id: string;
  type: string;
  title: string;
  body: string;
  at: string;
  read: boolean;
  link: string | null;
}
