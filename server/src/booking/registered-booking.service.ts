import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isValidPhone, normalizePhone, normalizeRealName, PHONE_MESSAGE } from '@gov/shared';
import type { RegisterBookingRequest, RegisteredBookingView } from '@gov/shared';
import type { AuthUser } from '../common/auth/auth.decorators';
import { CatalogService } from '../catalog/catalog.service';
import { AuditService } from '../common/audit/audit.service';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { hasPlace } from './admission.rules';
import { AdmissionService } from './admission.service';
import { bookingLink, localTime } from './booking.rules';
import { SlotEntity } from './entities/slot.entity';
import { StaffBookingService } from './staff-booking.service';

/**
 * POST /staff/bookings: hall staff book for someone without the app — a phone call or a walk-in
 * (DESIGN.md, Appointments; issue 15). The person is the citizen account of their phone number
 * (found, or created unverified: signing in later with that phone shows the booking); with an ID
 * number staff saw, an unverified account is verified with the name given. The booking (kind
 * `registered`) goes through the one admission door with every rule — forfeiture, one a day,
 * capacity under the database guard — except that staff vouch for the real name. The person gets
 * the check-in code in their messages and by SMS, both written in the booking's own transaction
 * (the outbox worker sends the SMS after the commit: the desk never waits for the SMS cloud).
 */
@Injectable()
export class RegisteredBookingService {
  constructor(
    @InjectRepository(SlotEntity) private readonly slots: Repository<SlotEntity>,
    private readonly users: UsersService,
    private readonly acting: ActingService,
    private readonly admission: AdmissionService,
    private readonly staff: StaffBookingService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
  ) {}

  /**
   * Errors: VALIDATION_FAILED (phone, name, ID number), INVALID_ID_NUMBER, NOT_FOUND (no such slot, or
   * a slot of another hall than the staff member's), then the admission refusals (BOOKING_FORFEITED,
   * SLOT_NOT_BOOKABLE, DUPLICATE_BOOKING, SLOT_FULL, AUDIENCE_MISMATCH …).
   */
  async register(caller: AuthUser, body: RegisterBookingRequest): Promise<RegisteredBookingView> {
    const phone = normalizePhone(body.phone);
    if (!phone || !isValidPhone(phone)) throw fieldError('phone', PHONE_MESSAGE);
    const name = normalizeRealName(body.name, false);
    if (name === null) throw fieldError('name', '请输入申请人姓名（与证件一致）');
    const slot = await this.slots.findOne({ where: { id: body.slotId } });
    if (!slot || (!caller.roles.includes('admin') && slot.hallId !== caller.hallId)) throw new DomainError('NOT_FOUND', '预约时段不存在');
    if (!hasPlace(slot, 'free')) throw new DomainError('SLOT_FULL');

    let user = await this.users.findOrCreateByPhone(phone);
    if (body.idNumber && !user.verifiedAt) {
      user = await this.users.verify(user.id, name, body.idNumber, 'resident', 'staff');
      await this.audit.record({ actorId: caller.id, action: 'user.verify_by_staff', objectType: 'user', objectId: user.id });
    }
    const person = { userId: user.id, actorId: user.id, enterpriseId: null, principalKey: `u:${user.id}` };
    const [hall, service] = await Promise.all([this.catalog.hall(slot.hallId), this.catalog.service(body.serviceId)]);
    const hallName = hall?.name ?? '';
    const serviceName = service?.name ?? '';
    const booking = await this.admission.admit({
      path: 'registered',
      slot,
      serviceId: body.serviceId,
      place: 'free',
      kind: 'registered',
      verifiedByStaff: true,
      acting: () => this.acting.forRecord(person, body.serviceId),
      claim: async (em, b) => {
        b.registeredName = name;
        // the message and its SMS with the code, in the booking's transaction (the code is final here:
        // a clash redraws it and runs this again)
        const when = `${b.day} ${localTime(b.startAt)}-${localTime(b.endAt)}`;
        await this.notifications.send(
          {
            userId: b.userId,
            type: 'booking_created',
            title: '预约成功',
            body: `工作人员已为您预约 ${when} 在${hallName || '大厅'}办理“${serviceName}”。请凭预约码 ${b.code} 按时到窗口签到，不能前往请提前告知。`,
            link: bookingLink(b.id),
            // the cloud takes at most 20 characters a variable: the start time only
            sms: { template: 'booking', params: { code: b.code, time: `${b.day} ${localTime(b.startAt)}`, hall: hallName, service: serviceName } },
          },
          em,
        );
      },
    });
    await this.audit.record({ actorId: caller.id, action: 'booking.register', objectType: 'booking', objectId: booking.id, data: { slotId: slot.id, serviceId: body.serviceId } });
    return { ...(await this.staff.one(booking.id)), smsQueued: true };
  }
}
