import { isId, stableId } from './ids';

describe('stableId', () => {
  it('is the same id for the same name and shaped like our other ids', () => {
    const a = stableId('demo-slot-template:h1:1:09:00');
    expect(stableId('demo-slot-template:h1:1:09:00')).toBe(a);
    expect(isId(a)).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('differs for different names', () => {
    expect(stableId('demo-slot-template:h1:1:09:00')).not.toBe(stableId('demo-slot-template:h1:1:09:30'));
  });
});
