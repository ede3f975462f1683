'use strict';
/**
 * The body of POST /api/admin/slots, the one way tests and scripts make a slot: `start` an instant
 * (Date or ISO string with an offset), the end `minutes` later (30) unless `end` is given, times sent
 * as UTC ISO strings. Plain Node so that scripts/bench.js shares it with the TypeScript tests
 * (test/support/world.ts `createSlot`).
 */
function slotRequest(s) {
  const start = new Date(s.start);
  if (Number.isNaN(start.getTime())) throw new Error(`slot start is not a time: ${s.start}`);
  const end = s.end !== undefined ? new Date(s.end) : new Date(start.getTime() + (s.minutes ?? 30) * 60_000);
  const body = { hallId: s.hallId, start: start.toISOString(), end: end.toISOString(), capacity: s.capacity ?? 5 };
  if (s.serviceId !== undefined) body.serviceId = s.serviceId;
  return body;
}

module.exports = { slotRequest };
