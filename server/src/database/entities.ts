import { SmsCodeEntity } from '../auth/entities/sms-code.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { DepartmentEntity } from '../catalog/entities/department.entity';
import { HallEntity } from '../catalog/entities/hall.entity';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { UserEntity } from '../users/entities/user.entity';

export const ENTITIES = [UserEntity, SmsCodeEntity, RefreshTokenEntity, AuditLogEntity, DepartmentEntity, HallEntity];
