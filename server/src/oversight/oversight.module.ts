import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { OversightService } from './oversight.service';

/** The 督办 messenger, for the features whose items can run late (filings, off-hours requests, rectifications). */
@Module({ imports: [UsersModule, NotificationsModule, CatalogModule], providers: [OversightService], exports: [OversightService] })
export class OversightModule {}
