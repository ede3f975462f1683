import { Module } from '@nestjs/common';
import { ActingService } from './acting.service';

@Module({ providers: [ActingService], exports: [ActingService] })
export class DelegationModule {}
