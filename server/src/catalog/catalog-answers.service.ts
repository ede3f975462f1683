import { Injectable } from '@nestjs/common';
import type { GuideView, Page, ServiceSearch, ServiceSummary } from '@gov/shared';
import { notModifiedHeaders } from '../common/http/fast-lane.rules';
import { etagOf } from './catalog.rules';
import { CatalogIndexService } from './catalog-index.service';
import { CatalogVersionService } from './catalog-version.service';
import { CatalogService } from './catalog.service';

/** A public catalogue answer ready to send: the JSON text of a `T` and its strong ETag. */
export interface CachedAnswer<T> {
  body: string;
  etag: string;
  /** the catalogue version (and, for a search, the index build) the answer was built at */
  stamp: string;
  /** the view `body` is the JSON of (for the type checker only: the wire contract; never set) */
  readonly view?: T;
}

/** Which public read a request's URL was answered by (its answer's validity differs: a search also depends on the index). */
export type AnswerKind = 'search' | 'guide';

/** An answer kept under the request's own URL for the fast lane, with the headers the full pipeline sent with it. */
export interface UrlAnswer {
  kind: AnswerKind;
  stamp: string;
  answer: CachedAnswer<unknown>;
  headers: Readonly<Record<string, string>>;
  notModified: Readonly<Record<string, string>>;
}

/** Past this many cached answers (queries are the public's input) the cache is emptied rather than grown. */
export const MAX_ANSWERS = 5_000;

/**
 * The public catalogue's answers (GET /services, GET /services/:id) kept in process as serialized
 * JSON, keyed by the query, so that a repeated read costs no database query, no view building and no
 * serialization. An answer is good for the catalogue version it was built at (CatalogVersionService,
 * shared by the instances through the database; admin writes bump it through `changed()`), and a
 * search answer also for the build of the search index it came from. Errors (404) are not cached.
 */
@Injectable()
export class CatalogAnswersService {
  private readonly answers = new Map<string, { stamp: string; answer: CachedAnswer<unknown> }>();
  private readonly byUrl = new Map<string, UrlAnswer>();
  private indexVersion = -1;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly catalog: CatalogService,
    private readonly index: CatalogIndexService,
    private readonly versions: CatalogVersionService,
  ) {}

  /** GET /services: the page as CatalogService.search answers it. */
  async search(s: ServiceSearch): Promise<CachedAnswer<Page<ServiceSummary>>> {
    const version = await this.versions.current();
    if (version !== this.indexVersion) await this.syncIndex(version);
    const key = `s\u0000${s.q ?? ''}\u0000${s.category ?? ''}\u0000${s.audience ?? ''}\u0000${s.departmentId ?? ''}\u0000${s.page ?? ''}\u0000${s.pageSize ?? ''}`;
    return this.cached(key, this.stamp('search', version), () => this.catalog.search(s));
  }

  /** GET /services/:id: the published guide; NOT_FOUND as CatalogService.guide throws it. */
  async guide(id: string): Promise<CachedAnswer<GuideView>> {
    const version = await this.versions.current();
    return this.cached<GuideView>(`g\u0000${id}`, this.stamp('guide', version), () => this.catalog.guide(id));
  }

  /**
   * Keep `answer`, just sent by the full pipeline for the request URL `url` (path and query as the
   * client wrote them), for the fast lane; `headers` are the response's headers but its request id.
   */
  rememberUrl(url: string, kind: AnswerKind, answer: CachedAnswer<unknown>, headers: Record<string, string>): void {
    const version = this.versions.peek();
    if (version === null || (kind === 'search' && version !== this.indexVersion)) return;
    // an answer built before a catalogue write that came while it was being built is not kept
    if (answer.stamp !== this.stamp(kind, version)) return;
    if (this.byUrl.size >= MAX_ANSWERS) this.byUrl.clear();
    this.byUrl.set(url, { kind, stamp: answer.stamp, answer, headers, notModified: notModifiedHeaders(headers) });
  }

  /**
   * The answer kept for this request URL and its headers, when still good for the catalogue version
   * this instance knows without waiting; null otherwise (the full pipeline answers, reads the
   * version again and keeps the answer anew). Synchronous: no I/O.
   */
  peekUrl(url: string): Readonly<UrlAnswer> | null {
    const hit = this.byUrl.get(url);
    if (!hit) return null;
    const version = this.versions.peek();
    if (version === null || (hit.kind === 'search' && version !== this.indexVersion)) return null;
    return hit.stamp === this.stamp(hit.kind, version) ? hit : null;
  }

  private stamp(kind: AnswerKind, version: number): string {
    return kind === 'search' ? `${version}:${this.index.generation}` : String(version);
  }

  /** After an admin catalogue write committed: a new version for every instance, and this one's index and answers afresh. */
  async changed(): Promise<void> {
    await this.versions.bump();
    this.answers.clear();
    this.byUrl.clear();
    await this.syncIndex(await this.versions.current());
  }

  private async cached<T>(key: string, stamp: string, build: () => Promise<T>): Promise<CachedAnswer<T>> {
    const hit = this.answers.get(key);
    if (hit && hit.stamp === stamp) return hit.answer as CachedAnswer<T>;
    const body = JSON.stringify(await build());
    const answer: CachedAnswer<T> = { body, etag: etagOf(body), stamp };
    if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
    this.answers.set(key, { stamp, answer });
    return answer;
  }

  /** Rebuild the search index once for a version this instance has not indexed yet (one rebuild however many requests wait). */
  private async syncIndex(version: number): Promise<void> {
    if (!this.syncing) {
      this.syncing = this.index
        .refresh()
        .then(() => {
          this.indexVersion = version;
        })
        .finally(() => (this.syncing = null));
    }
    await this.syncing;
  }
}
