import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isValidPhone, normalizePhone, normalizeRealName, PHONE_MESSAGE } from '@gov/shared';
import type { RegisterBookingRequest, RegisteredBookingView } from '@gov/shared';
import { SmsProvider } from '../auth/providers/sms.provider';
import type { AuthUser } from '../common/auth/auth.decorators';
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
 * the check-in code in their messages and, where an SMS provider is configured, by SMS.
 */
@Injectable()
export class RegisteredBookingService {
  private readonly logger = new Logger('RegisteredBooking');

  constructor(
    @InjectRepository(SlotEntity) private readonly slots: Repository<SlotEntity>,
    private readonly users: UsersService,
    private readonly acting: ActingService,
    private readonly admission: AdmissionService,
    private readonly staff: StaffBookingService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly sms: SmsProvider,
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
    const booking = await this.admission.admit({
      path: 'registered',
      slot,
      serviceId: body.serviceId,
      place: 'free',
      kind: 'registered',
      verifiedByStaff: true,
      acting: () => this.acting.forRecord(person, body.serviceId),
      claim: async (_em, b) => {
        b.registeredName = name;
      },
    });
    await this.audit.record({ actorId: caller.id, action: 'booking.register', objectType: 'booking', objectId: booking.id, data: { slotId: slot.id, serviceId: body.serviceId } });
    const view = await this.staff.one(booking.id);
    const when = `${booking.day} ${localTime(booking.startAt)}-${localTime(booking.endAt)}`;
    await this.notifications.send({
      userId: booking.userId,
      type: 'booking_created',
      title: '预约成功',
      body: `工作人员已为您预约 ${when} 在${view.hallName || '大厅'}办理“${view.serviceName}”。请凭预约码 ${booking.code} 按时到窗口签到，不能前往请提前告知。`,
      link: bookingLink(booking.id),
      sms: null, // the code goes out below, while staff wait to tell the caller
    });
    let smsSent = false;
    try {
      await this.sms.sendTemplate(phone, 'booking', { code: booking.code, time: when, hall: view.hallName, service: view.serviceName });
      smsSent = true;
    } catch (e) {
      this.logger.warn(`booking ${booking.id}: SMS not sent (${(e as Error).message})`);
    }
    return { ...view, smsSent };
  }
}
