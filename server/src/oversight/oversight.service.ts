import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import type { Escalation } from './oversight.rules';

/** A late item to put before the people who oversee it. */
export interface LateItem {
  hallId: string;
  /** the responsible department (a filing's or request's service's, a ticket's), or null */
  departmentId: string | null;
  title: string;
  body: string;
  /** the staff page the message opens */
  link: string;
  /** makes it once per recipient and item, e.g. `overdue:<filing id>` */
  dedupeKey: string;
}

/**
 * 督办 (DESIGN.md, Pre-review and filings; issue 16 "real 督办"): a message to every reviewer of the
 * responsible department in the hall and every supervisor of the hall (UsersService.overseers).
 */
@Injectable()
export class OversightService {
  constructor(
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly catalog: CatalogService,
  ) {}

  /** The department of a service (id and name), or nulls when the service is unknown. Raises nothing. */
  async departmentOfService(serviceId: string | null): Promise<{ id: string | null; name: string | null }> {
    const s = serviceId ? await this.catalog.service(serviceId) : null;
    if (!s?.departmentId) return { id: null, name: null };
    return { id: s.departmentId, name: await this.departmentName(s.departmentId) };
  }

  /** A department's name, or null. Raises nothing. */
  async departmentName(departmentId: string | null): Promise<string | null> {
    if (!departmentId) return null;
    return (await this.catalog.listDepartments()).find((d) => d.id === departmentId)?.name ?? null;
  }

  /**
   * Tell the department's reviewers and the hall's supervisors of a late item, once each (the
   * dedupe key). Returns how many of each it was put before — also when they had been told already
   * by an earlier run — and the department's name. Through `em`, in the transaction of the change
   * that made the item late. Raises nothing of its own.
   */
  async escalate(item: LateItem, em?: EntityManager): Promise<Escalation> {
    const { reviewers, supervisors } = await this.users.overseers(item.hallId, item.departmentId);
    const ids = [...new Set([...reviewers, ...supervisors].map((u) => u.id))];
    for (const userId of ids) {
      await this.notifications.send({ userId, type: 'supervision', title: item.title, body: item.body, link: item.link, dedupeKey: item.dedupeKey }, em);
    }
    return { reviewers: reviewers.length, supervisors: supervisors.length, departmentName: await this.departmentName(item.departmentId) };
  }
}
