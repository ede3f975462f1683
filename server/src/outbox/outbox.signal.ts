import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * Wakes the outbox worker when deliveries were written: at once when written outside a
 * transaction, and after the commit of the transaction that wrote them (never before: the worker
 * would not see them yet), so that a message reaches WeChat or SMS within moments of the change
 * without the request waiting for it.
 */
@Injectable()
export class OutboxSignal implements OnModuleInit {
  private readonly pending = new WeakSet<QueryRunner>();
  private readonly listeners: Array<() => void> = [];

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (e: TransactionCommitEvent) => {
        if (this.pending.delete(e.queryRunner)) this.kick();
      },
      afterTransactionRollback: (e: TransactionRollbackEvent) => {
        this.pending.delete(e.queryRunner);
      },
    };
    this.ds.subscribers.push(subscriber);
  }

  /** Deliveries were written through `em` (or outside any transaction). */
  written(em?: EntityManager): void {
    const qr = em?.queryRunner;
    if (qr?.isTransactionActive) this.pending.add(qr);
    else this.kick();
  }

  /** Wake every listener (the worker) now. */
  kick(): void {
    for (const l of this.listeners) l();
  }

  /** Called on every kick (the in-process runner, or the BullMQ producer). */
  onKick(listener: () => void): void {
    this.listeners.push(listener);
  }
}
