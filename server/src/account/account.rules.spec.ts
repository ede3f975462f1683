import { blocksAsSoleAdmin, closingBlockedMessage, filingTodo, isClosingBlocked, isOpenBooking, isOpenFiling, isOpenOffhours } from './account.rules';

describe('account rules', () => {
  describe('what keeps an account from being closed', () => {
    it('counts a filing as open until it is refused, delivered, withdrawn or returned', () => {
      for (const s of ['draft', 'submitted', 'correction_required', 'prereview_passed', 'accepted', 'under_review', 'approved', 'denied']) {
        expect({ s, open: isOpenFiling(s) }).toEqual({ s, open: true });
      }
      for (const s of ['refused', 'delivered', 'withdrawn', 'returned']) expect({ s, open: isOpenFiling(s) }).toEqual({ s, open: false });
    });

    it('counts only booked bookings and pending off-hours requests', () => {
      expect(isOpenBooking('booked')).toBe(true);
      for (const s of ['checked_in', 'cancelled', 'no_show', 'no_show_waived']) expect(isOpenBooking(s)).toBe(false);
      expect(isOpenOffhours('pending')).toBe(true);
      for (const s of ['confirmed', 'refused', 'cancelled', 'expired']) expect(isOpenOffhours(s)).toBe(false);
    });

    it('keeps the only admin of a company with other members, not the only member', () => {
      expect(blocksAsSoleAdmin({ role: 'admin', admins: 1, members: 3 })).toBe(true);
      expect(blocksAsSoleAdmin({ role: 'admin', admins: 1, members: 1 })).toBe(false);
      expect(blocksAsSoleAdmin({ role: 'admin', admins: 2, members: 3 })).toBe(false);
      expect(blocksAsSoleAdmin({ role: 'handler', admins: 1, members: 3 })).toBe(false);
    });

    it('is blocked by any open thing and says what', () => {
      const none = { bookings: 0, applications: 0, offhours: 0, enterprises: 0 };
      expect(isClosingBlocked(none)).toBe(false);
      expect(isClosingBlocked({ ...none, offhours: 1 })).toBe(true);
      expect(closingBlockedMessage({ ...none, bookings: 1, applications: 2 })).toBe('您还有 1 个待签到的预约、2 件未办结的办件，请先处理后再注销账号');
    });
  });

  describe('the to-do card', () => {
    it('asks for a correction, or for a committed material after acceptance', () => {
      expect(filingTodo('correction_required', [])).toBe('correction');
      expect(filingTodo('accepted', [{ fileCount: 0 }])).toBe('materials_owed');
      expect(filingTodo('under_review', [{ fileCount: 1 }, { fileCount: 0 }])).toBe('materials_owed');
      expect(filingTodo('accepted', [{ fileCount: 1 }])).toBeNull();
      // before acceptance the commitment is not yet due; after a decision it is no longer asked for here
      expect(filingTodo('submitted', [{ fileCount: 0 }])).toBeNull();
      expect(filingTodo('approved', [{ fileCount: 0 }])).toBeNull();
      expect(filingTodo('draft', [])).toBeNull();
      // a breached commitment can no longer be kept by an upload: nothing to do on the home page
      expect(filingTodo('under_review', [{ fileCount: 0 }], 'breached')).toBeNull();
      expect(filingTodo('accepted', [{ fileCount: 0 }], 'open')).toBe('materials_owed');
    });
  });
});
