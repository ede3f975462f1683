import { SmsCodeEntity } from '../auth/entities/sms-code.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { DepartmentEntity } from '../catalog/entities/department.entity';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceMaterialEntity } from '../catalog/entities/service-material.entity';
import { CalendarOverrideEntity } from '../calendar/entities/calendar-override.entity';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { UserEntity } from '../users/entities/user.entity';
import { BookingEntity } from '../booking/entities/booking.entity';
import { SlotEntity } from '../booking/entities/slot.entity';
import { SlotTemplateEntity } from '../booking/entities/slot-template.entity';
import { StandingEventEntity } from '../booking/entities/standing-event.entity';
import { OffhoursRequestEntity } from '../offhours/entities/offhours-request.entity';
import { MessageEntity } from '../notifications/entities/message.entity';
import { SubscribeConsentEntity } from '../notifications/entities/subscribe-consent.entity';
import { EnterpriseEntity } from '../enterprises/entities/enterprise.entity';
import { EnterpriseMemberEntity } from '../enterprises/entities/enterprise-member.entity';
import { AuthorizationEntity } from '../delegation/entities/authorization.entity';
import { RatingEntity } from '../ratings/entities/rating.entity';
import { NoShowAppealEntity } from '../booking/entities/no-show-appeal.entity';
import { WaitlistEntryEntity } from '../booking/entities/waitlist-entry.entity';
import { FollowUpSampleEntity } from '../follow-ups/entities/follow-up-sample.entity';
import { RectificationEntity } from '../ratings/entities/rectification.entity';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { ApplicationMaterialEntity } from '../applications/entities/application-material.entity';
import { ApplicationEventEntity } from '../applications/entities/application-event.entity';
import { ApplicationPartEntity } from '../applications/entities/application-part.entity';
import { BundleEntity } from '../bundles/entities/bundle.entity';
import { ApplicationNoticeEntity } from '../applications/entities/application-notice.entity';
import { FileEntity } from '../files/entities/file.entity';
import { CorrectionPhraseEntity } from '../desk/entities/correction-phrase.entity';
import { HallPolicyEntity } from '../catalog/entities/hall-policy.entity';
import { CatalogStateEntity } from '../catalog/entities/catalog-state.entity';
import { QUEUE_ENTITIES } from '../queue/entities';
import { CertificateEntity } from '../certificates/entities/certificate.entity';
import { CreditRecordEntity } from '../applications/entities/credit-record.entity';
import { OutboxDeliveryEntity } from '../outbox/outbox-delivery.entity';
import { GuidanceTopicEntity } from '../guidance/entities/guidance-topic.entity';
import { ConsultationEntity } from '../consultations/entities/consultation.entity';
import { AssistanceRequestEntity } from '../assistance/entities/assistance-request.entity';

export const ENTITIES = [UserEntity, SmsCodeEntity, RefreshTokenEntity, AuditLogEntity, DepartmentEntity, HallEntity,
  ServiceEntity, ServiceMaterialEntity, ServiceHallEntity, CalendarOverrideEntity,
  SlotTemplateEntity, SlotEntity, BookingEntity, StandingEventEntity, OffhoursRequestEntity, MessageEntity, SubscribeConsentEntity,
  EnterpriseEntity, EnterpriseMemberEntity, AuthorizationEntity,
  ApplicationEntity, ApplicationMaterialEntity, ApplicationEventEntity, ApplicationNoticeEntity, CreditRecordEntity, FileEntity, RatingEntity, RectificationEntity, NoShowAppealEntity, WaitlistEntryEntity, FollowUpSampleEntity, CorrectionPhraseEntity, HallPolicyEntity, CatalogStateEntity, ...QUEUE_ENTITIES, OutboxDeliveryEntity, GuidanceTopicEntity, ConsultationEntity, AssistanceRequestEntity, CertificateEntity,
  BundleEntity, ApplicationPartEntity];
