import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { requestIdOf, urlForLog } from '../logging/logging';
import { parseStrictJson } from './fast-lane.rules';

/** A ready answer a lane found for a request: sent as it is, without the framework. */
export interface LaneAnswer {
  status: number;
  /** every header but the request id (added here) and Content-Length (computed here) */
  headers: Readonly<Record<string, string>>;
  /** null for a 304 */
  body: string | null;
  /** the route pattern the full pipeline would have matched (metrics, logs) */
  route: string;
}

/** Looks at a request's line and headers (never its body) and answers it, or null: the full pipeline does. Synchronous. */
export type Lane = (req: IncomingMessage) => LaneAnswer | null;

/**
 * What a body lane decided: an answer ready now (nothing was done for it), work to run for the answer
 * (it may change things — a booking — so it runs only once the rate limit let the request through),
 * or null: the full pipeline answers.
 */
export type LaneDecision = LaneAnswer | { work: () => Promise<LaneAnswer> } | null;

/**
 * A lane for a small JSON POST: `wants` looks at the request line and headers only; `decide` sees
 * the parsed body too and decides without side effects (see LaneDecision); a request it leaves goes
 * to the full pipeline with the body already parsed (`req.body`).
 */
export interface BodyLane {
  /** the route pattern of the requests it takes (the rate limit's key, metrics, logs) */
  route: string;
  wants(req: IncomingMessage): boolean;
  decide(req: IncomingMessage, body: unknown): LaneDecision | Promise<LaneDecision>;
}

/** The largest body a body lane reads (a larger one goes to the full pipeline unread). */
export const LANE_BODY_MAX_BYTES = 4096;

/** The structured logger's calls a lane needs (pino's). */
export interface LaneLog {
  isLevelEnabled(level: string): boolean;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The rate limit a lane answer counts against — the full pipeline's own (the throttler's shared
 * counters, lane-limiter.ts): the `X-RateLimit-*` headers to send (name, value, …), or null when the
 * address is over the limit (the full pipeline then answers, with its 429).
 */
export type LaneLimit = (req: IncomingMessage, route: string) => Promise<string[] | null>;

export interface FastLaneOptions {
  lanes: Lane[];
  bodyLanes: BodyLane[];
  /** the answer to a body that is not JSON, as the full pipeline's body parser would give it */
  badJson: () => LaneAnswer;
  /** the log level of an answer with this status, as the full pipeline's access log has it */
  levelOf: (status: number) => 'info' | 'warn' | 'error';
  /** the app's request logger, read at each request (it exists once the app started) */
  log: () => LaneLog | undefined;
  /** told of each answer, as the metrics middleware is for the full pipeline */
  answered: (method: string, route: string, status: number, seconds: number) => void;
  limit: LaneLimit;
}

/**
 * The fast lane (issue 18): requests a lane can answer from memory (the public catalogue's cached
 * answers, a refusal of a full slot) or with the service alone (a citizen's booking) are answered
 * before Express, Nest and their per-request costs — with the same headers, body, request id,
 * access-log line, metrics and rate limit as the full pipeline would give. Everything else, and
 * every request a lane declines, goes on to the app's own request listener unchanged.
 */
export function installFastLane(server: Server, o: FastLaneOptions): void {
  const app = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  const full = (req: IncomingMessage, res: ServerResponse): void => {
    for (const l of app) l.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // CORS answers depend on the Origin: those stay with the full pipeline's CORS middleware
    if (req.headers.origin !== undefined) return full(req, res);
    const started = process.hrtime.bigint();
    if (req.method === 'GET') {
      let a: LaneAnswer | null = null;
      for (const lane of o.lanes) if ((a = lane(req))) break;
      if (!a) return full(req, res);
      const answer = a;
      o.limit(req, answer.route).then(
        (limits) => (limits ? send(req, res, answer, started, o, limits) : full(req, res)),
        () => full(req, res),
      );
      return;
    }
    const lane = req.method === 'POST' ? o.bodyLanes.find((l) => l.wants(req)) : undefined;
    if (!lane || !smallJson(req)) return full(req, res);
    readBody(req, (text) => {
      const parsed = parseStrictJson(text);
      // (answered whatever the limit: the full pipeline could no longer read the body)
      if (parsed === undefined) return void send(req, res, o.badJson(), started, o, []);
      const handOn = (): void => {
        // the body is read: Express's parsers see a finished request and leave `req.body` as it is
        (req as IncomingMessage & { body?: unknown }).body = parsed;
        full(req, res);
      };
      void (async () => {
        const decision = await lane.decide(req, parsed);
        if (!decision) return handOn();
        // the limit before any work: past it the full pipeline answers 429 and nothing is done
        const limits = await o.limit(req, lane.route);
        if (!limits) return handOn();
        send(req, res, 'work' in decision ? await decision.work() : decision, started, o, limits);
      })().catch(handOn);
    });
  });
}

/** A JSON body of a known, small length in UTF-8, not compressed: what a body lane reads. */
function smallJson(req: IncomingMessage): boolean {
  const h = req.headers;
  const length = Number(h['content-length']);
  if (!(length >= 0 && length <= LANE_BODY_MAX_BYTES) || h['content-encoding'] !== undefined) return false;
  return /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(h['content-type'] ?? '');
}

function readBody(req: IncomingMessage, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.once('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

/** Each answer's headers as the flat list writeHead takes, Content-Length included, made once per headers object and body length. */
const lists = new WeakMap<object, { length: number; list: string[] }>();

function headerList(a: LaneAnswer): string[] {
  const length = a.body === null ? -1 : Buffer.byteLength(a.body);
  const known = lists.get(a.headers);
  if (known && known.length === length) return known.list;
  const list = Object.entries(a.headers).flat();
  if (length >= 0) list.push('content-length', String(length));
  lists.set(a.headers, { length, list });
  return list;
}

/** Send a lane's answer with the request id and the rate limit's headers; log it (as pino-http would) and count it. */
function send(req: IncomingMessage, res: ServerResponse, a: LaneAnswer, started: bigint, o: FastLaneOptions, limits: string[]): void {
  const id = requestIdOf(req);
  res.writeHead(a.status, [...headerList(a), ...limits, 'x-request-id', id]);
  res.end(a.body ?? undefined);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const method = req.method ?? 'GET';
  o.answered(method, a.route, a.status, seconds);
  const log = o.log();
  const level = o.levelOf(a.status);
  if (log?.isLevelEnabled(level)) {
    const line = { req: { id, method, url: urlForLog(req.url) }, res: { statusCode: a.status }, responseTime: Math.round(seconds * 1000) };
    // a 5xx is "request errored" with an error, as pino-http logs it on the full pipeline
    if (a.status >= 500) log[level]({ ...line, err: new Error(`failed with status code ${a.status}`) }, 'request errored');
    else log[level](line, 'request completed');
  }
}

/**
 * The headers a synchronous header-setting middleware (helmet) sets, captured once on a stand-in
 * response, for the lanes to send with their answers.
 */
export function headersSetBy(middleware: (req: never, res: never, next: (err?: unknown) => void) => void): Record<string, string> {
  const set = new Map<string, string>();
  const res = {
    setHeader: (k: string, v: string | number | readonly string[]) => void set.set(k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)),
    removeHeader: (k: string) => void set.delete(k.toLowerCase()),
    getHeader: (k: string) => set.get(k.toLowerCase()),
  };
  let called = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as never, res as never, () => (called = true));
  if (!called) throw new Error('headersSetBy: the middleware did not finish synchronously');
  return Object.fromEntries(set);
}
