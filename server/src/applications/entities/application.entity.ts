import { Column, Entity } from 'typeorm';
import type { ApplicationStatus, CommitmentStatus, DeliveryMethod, SlaState } from '@gov/shared';
import { RefColumn, timeCol } from '../../common/db/column-types';
import { PrincipalColumns } from '../../common/db/principal-columns';

/** A filing (办件). Times UTC; `dueAt` is the end of the last promised working day in Asia/Shanghai. */
@Entity('applications')
export class ApplicationEntity extends PrincipalColumns {
  /** `ZW20261201-000123`: human-readable, unique, with a random part */
  @Column({ type: 'varchar', length: 20 }) number!: string;
  /** the service; for a 一件事 filing the bundle's first service (its parts name each) */
  @RefColumn('service_id') serviceId!: string;
  /** 一件事: the bundle applied for; null for one service */
  @RefColumn('bundle_id', true) bundleId!: string | null;
  /** the hall whose staff handle it */
  @RefColumn('hall_id') hallId!: string;
  @Column({ type: 'varchar', length: 24 }) status!: ApplicationStatus;
  /** correction notices sent so far (the first is the one-time notice) */
  @Column({ name: 'notice_count', type: 'int', default: 0 }) noticeCount!: number;
  /** 受理号, issued on acceptance */
  @Column({ name: 'receipt_no', type: 'varchar', length: 24, nullable: true }) receiptNo!: string | null;
  /** the latest submission (the law's pre-review clock runs from its day) */
  @Column(timeCol('submitted_at', true)) submittedAt!: Date | null;
  @Column(timeCol('accepted_at', true)) acceptedAt!: Date | null;
  /** accepted by the law's clock (行政许可法 art. 32), not by staff */
  @Column({ name: 'deemed_accepted', type: 'boolean', default: false }) deemedAccepted!: boolean;
  @Column(timeCol('due_at', true)) dueAt!: Date | null;
  /** approved or denied at: the promised-days clock stops here */
  @Column(timeCol('decided_at', true)) decidedAt!: Date | null;
  /** as last marked by the sla-scan job or a transition */
  @Column({ type: 'varchar', length: 16, nullable: true }) sla!: SlaState | null;
  @Column({ name: 'refuse_reason', type: 'text', nullable: true }) refuseReason!: string | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'delivery_method', type: 'varchar', length: 16, nullable: true }) deliveryMethod!: DeliveryMethod | null;
  @Column({ name: 'tracking_no', type: 'varchar', length: 64, nullable: true }) trackingNo!: string | null;
  @Column(timeCol('delivered_at', true)) deliveredAt!: Date | null;
  /** the postal address for `post`, AES-256-GCM (CryptoService) of its JSON; personal data */
  @Column({ name: 'delivery_address_enc', type: 'text', nullable: true }) deliveryAddressEnc!: string | null;
  /** who chose `deliveryMethod`: the applicant, or staff at the window when the applicant had not */
  @Column({ name: 'delivery_chosen_by', type: 'varchar', length: 16, nullable: true }) deliveryChosenBy!: 'applicant' | 'staff' | null;
  /** the result was ready for collection at the window (ready_for_pickup) */
  @Column(timeCol('ready_at', true)) readyAt!: Date | null;
  /** 容缺: when the owed materials are due (set at acceptance); null without a commitment */
  @Column(timeCol('commitment_due_at', true)) commitmentDueAt!: Date | null;
  /** 容缺: open until every owed material is in (fulfilled) or the due time passes (breached) */
  @Column({ name: 'commitment_status', type: 'varchar', length: 16, nullable: true }) commitmentStatus!: CommitmentStatus | null;
  /** 退件: the reasons given to the applicant */
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason!: string | null;
  /** 同城通办: the hall where it was filed (and the result is collected); null when never forwarded */
  @RefColumn('filed_hall_id', true) filedHallId!: string | null;
  /** 同城通办: the hall that decides it; null when never forwarded */
  @RefColumn('competent_hall_id', true) competentHallId!: string | null;
  /** in transit (forwarding or returning) since; null otherwise */
  @Column(timeCol('transit_since', true)) transitSince!: Date | null;
  /** working days spent in transit so far (not counted against the promised days; dueAt extended by them) */
  @Column({ name: 'transit_days', type: 'int', default: 0 }) transitDays!: number;
  /** a late reception was put before both halls' supervisors (once per trip) */
  @Column(timeCol('transit_escalated_at', true)) transitEscalatedAt!: Date | null;
  /** 首问负责: the staff member who first took the filing (accepted it, or the assigned helper who made it), kept to the end */
  @RefColumn('responsible_id', true) responsibleId!: string | null;
  /** the hall the responsible person was at when they took it (a forwarded filing keeps it) */
  @RefColumn('responsible_hall_id', true) responsibleHallId!: string | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
