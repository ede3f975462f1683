import { meetsOfficeWindow, officeHoursText, overlapMessage } from './offhours.rules';

describe('office windows of a working day', () => {
  it('lets the lunch break and the evening through, not the office hours', () => {
    expect(meetsOfficeWindow('12:00', 90)).toBe(false);
    expect(meetsOfficeWindow('17:00', 120)).toBe(false);
    expect(meetsOfficeWindow('08:00', 60)).toBe(false);
    expect(meetsOfficeWindow('08:30', 60)).toBe(true);
    expect(meetsOfficeWindow('12:30', 90)).toBe(true);
  });

  it('words the windows for people', () => {
    expect(officeHoursText()).toBe('9:00–12:00、13:30–17:00');
    expect(overlapMessage()).toContain('9:00–12:00、13:30–17:00');
  });
});
