import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AssistanceModule } from '../assistance/assistance.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { ConsultationEntity } from '../consultations/entities/consultation.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { OffhoursRequestEntity } from '../offhours/entities/offhours-request.entity';
import { OffhoursModule } from '../offhours/offhours.module';
import { RatingEntity } from '../ratings/entities/rating.entity';
import { RectificationEntity } from '../ratings/entities/rectification.entity';
import { RatingsModule } from '../ratings/ratings.module';
import { OversightModule } from '../oversight/oversight.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/** 督办: the supervisor's board and the escalation of late requests and rectifications. */
@Module({
  imports: [TypeOrmModule.forFeature([OffhoursRequestEntity, RectificationEntity, RatingEntity, ConsultationEntity]), ApplicationsModule, OffhoursModule, RatingsModule, NotificationsModule, OversightModule, ConsultationsModule, AssistanceModule],
  controllers: [SupervisionController],
  providers: [SupervisionService],
  exports: [SupervisionService],
})
export class SupervisionModule {}
