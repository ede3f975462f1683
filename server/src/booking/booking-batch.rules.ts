/**
 * Bookings of one slot written together (group commit). When a slot opens, every request for it
 * wants the slot's one row: written one transaction each, they queue on its row lock and the slot
 * fills at the rate of one commit at a time. Written together, the requests that arrive while a
 * write for the slot is under way go in the next one: one insert of their booking rows, one of their
 * messages, one of the messages' deliveries, and one guarded update that takes `k` places at once
 * (`booked + held + k <= capacity`). The database's guard stays the source of truth for capacity
 * (DESIGN.md, Appointments: capacity under concurrency); a batch the guard refuses is cut down to
 * the places left, first come first served.
 */

import { freePlaces } from './admission.rules';

/**
 * The places a slot has for new bookings now: its free places (capacity less booked and held,
 * admission.rules.ts `freePlaces`), none once it is closed (inactive) or has started (`now` at or
 * after its start).
 */
export function placesLeft(slot: { capacity: number; booked: number; held: number; active: boolean; startAt: Date }, now: Date): number {
  if (!slot.active || slot.startAt.getTime() <= now.getTime()) return 0;
  return freePlaces(slot);
}

/** How many of `asked` bookings (in the order they arrived) `free` places let in: the first ones. */
export function admitted(free: number, asked: number): number {
  return Math.max(0, Math.min(asked, Math.floor(free)));
}

/**
 * The booked count each of `k` bookings written together leaves, in their order, given the count
 * after all of them (`final`): the first took place `final - k + 1`, the last `final`.
 */
export function countsAfter(final: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => final - k + 1 + i);
}

/**
 * Whether a request may go on to the admission rules now: the places this instance is already
 * taking for the slot (`inFlight`, admitted and being written) leave one beside what the slot's
 * read counts. When they do not, the request waits for them to settle and looks again, rather than
 * being refused on a count that may still fall (a place being taken can be refused by its own rules)
 * or doing the work of an admission the guard would refuse. A read made after some of those places
 * were written counts them twice: that only makes a request wait one settle longer.
 */
export function roomBeside(slot: { capacity: number; booked: number; held: number }, inFlight: number): boolean {
  return slot.booked + slot.held + inFlight < slot.capacity;
}

/** The places of each slot this instance is taking, and a wait for the next of them to settle. */
export class PlacesInFlight {
  private readonly bySlot = new Map<string, { count: number; next: Promise<void>; wake: () => void }>();

  count(slotId: string): number {
    return this.bySlot.get(slotId)?.count ?? 0;
  }

  add(slotId: string): void {
    const e = this.bySlot.get(slotId);
    if (e) e.count++;
    else this.bySlot.set(slotId, { count: 1, ...signal() });
  }

  /** One place settled (written or refused): wake everyone waiting for the slot. */
  done(slotId: string): void {
    const e = this.bySlot.get(slotId);
    if (!e) return;
    e.wake();
    if (--e.count === 0) this.bySlot.delete(slotId);
    else Object.assign(e, signal());
  }

  /** Resolves when the next place of the slot settles (at once when none is being taken). */
  settled(slotId: string): Promise<void> {
    return this.bySlot.get(slotId)?.next ?? Promise.resolve();
  }
}

function signal(): { next: Promise<void>; wake: () => void } {
  let wake!: () => void;
  const next = new Promise<void>((r) => (wake = r));
  return { next, wake };
}
