import { admitted, countsAfter, placesLeft, PlacesInFlight, roomBeside } from './booking-batch.rules';

const slot = (over: Partial<{ capacity: number; booked: number; held: number; active: boolean; startAt: Date }> = {}) => ({
  capacity: 10,
  booked: 0,
  held: 0,
  active: true,
  startAt: new Date('2026-12-02T01:00:00Z'),
  ...over,
});
const now = new Date('2026-12-01T01:00:00Z');

describe('placesLeft', () => {
  it('is capacity less booked and held', () => {
    expect(placesLeft(slot({ booked: 6, held: 1 }), now)).toBe(3);
  });
  it('is none for a closed slot, a slot that has started, or one over its capacity', () => {
    expect(placesLeft(slot({ active: false }), now)).toBe(0);
    expect(placesLeft(slot({ startAt: now }), now)).toBe(0);
    expect(placesLeft(slot({ booked: 9, held: 3 }), now)).toBe(0);
  });
});

describe('admitted', () => {
  it('lets in the first arrivals up to the free places', () => {
    expect(admitted(3, 10)).toBe(3);
    expect(admitted(10, 3)).toBe(3);
    expect(admitted(0, 3)).toBe(0);
    expect(admitted(-2, 3)).toBe(0);
  });
});

describe('countsAfter', () => {
  it('gives each booking of a batch the count it left, the last one the final count', () => {
    expect(countsAfter(12, 3)).toEqual([10, 11, 12]);
    expect(countsAfter(1, 1)).toEqual([1]);
  });
});

describe('roomBeside', () => {
  it('lets a request on while the places being taken leave one', () => {
    expect(roomBeside({ capacity: 10, booked: 7, held: 1 }, 1)).toBe(true);
    expect(roomBeside({ capacity: 10, booked: 7, held: 1 }, 2)).toBe(false);
  });
});

describe('PlacesInFlight', () => {
  it('counts the places being taken per slot', () => {
    const f = new PlacesInFlight();
    f.add('a');
    f.add('a');
    f.add('b');
    expect([f.count('a'), f.count('b'), f.count('c')]).toEqual([2, 1, 0]);
    f.done('a');
    f.done('b');
    expect([f.count('a'), f.count('b')]).toEqual([1, 0]);
  });

  it('wakes the waiters when a place settles, and not before', async () => {
    const f = new PlacesInFlight();
    f.add('a');
    f.add('a');
    let woken = 0;
    void f.settled('a').then(() => woken++);
    void f.settled('a').then(() => woken++);
    await new Promise((r) => setImmediate(r));
    expect(woken).toBe(0);
    f.done('a');
    await new Promise((r) => setImmediate(r));
    expect(woken).toBe(2);
    // a new wait is for the next settle
    let later = false;
    void f.settled('a').then(() => (later = true));
    await new Promise((r) => setImmediate(r));
    expect(later).toBe(false);
    f.done('a');
    await new Promise((r) => setImmediate(r));
    expect(later).toBe(true);
  });

  it('does not make anyone wait for a slot with nothing being taken', async () => {
    await expect(new PlacesInFlight().settled('x')).resolves.toBeUndefined();
  });
});
