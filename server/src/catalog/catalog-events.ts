import { Injectable } from '@nestjs/common';

/** A service no longer offered: at the listed halls, or (hallIds null) anywhere, since it was deactivated. */
export interface ServiceWithdrawn {
  serviceId: string;
  hallIds: string[] | null;
  actorId: string;
}

/**
 * What the catalogue tells features above it (bookings) when an admin withdraws a service — the
 * centre's own failure: its bookings are cancelled by the centre (DESIGN.md, Appointments).
 * Listeners must be idempotent; they run after the catalogue write.
 */
@Injectable()
export class CatalogEvents {
  private readonly withdrawn: Array<(e: ServiceWithdrawn) => Promise<unknown>> = [];

  onServiceWithdrawn(listener: (e: ServiceWithdrawn) => Promise<unknown>): void {
    this.withdrawn.push(listener);
  }

  async serviceWithdrawn(e: ServiceWithdrawn): Promise<void> {
    if (e.hallIds !== null && e.hallIds.length === 0) return;
    for (const l of this.withdrawn) await l(e);
  }
}
