import { spawn } from 'node:child_process';
import { Server as NetServer, Socket, createServer } from 'node:net';
import type { Server as HttpServer } from 'node:http';

/**
 * The helper process: it sends back every handle it is sent. A handle passed over IPC arrives as a
 * new descriptor (SCM_RIGHTS), so each round trip gives the server one more descriptor of its own
 * listening socket; the helper never listens or accepts on what it holds.
 */
const ECHO = "process.on('message', (m, h) => process.send(m, h));";

/** How long the helper may take to answer (start-up goes on with what it got). */
const ROUND_TRIP_MS = 5_000;

/** The most extra accepting handles `addAcceptors` makes (HTTP_ACCEPTORS is validated to 1–64 in all). */
export const MAX_EXTRA_ACCEPTORS = 63;

/** The listening socket's own handle (Node's TCP wrap): what `net.Server#listen(handle)` and IPC take. */
type ListenHandle = object;

function handleOf(server: NetServer): ListenHandle | null {
  return (server as unknown as { _handle?: ListenHandle | null })._handle ?? null;
}

/**
 * More connections taken per turn of the event loop (issue 18). Since libuv 1.45 (Node 20) a
 * listening handle accepts one connection per turn ("unix: don't accept() connections in a loop",
 * libuv#3696). A busy server's turns are long — each serves every request that is ready — so when
 * thousands open new connections at once (slots opening at 8:00), connections wait in the kernel's
 * queue while requests on open ones are served: in the flash crowd of `npm run bench` the first
 * arrivals waited up to 1.9 s before the server read them. Each extra handle on the same listening
 * socket takes one more per turn; the connections it takes become `server`'s own, as its own accept
 * makes them (the same socket options; counted among its connections, so that closing it waits for
 * them; handed to its `'connection'` listener): keep-alive, timeouts, the fast lane are the same.
 *
 * Node 20 cannot duplicate a descriptor itself: a short-lived helper process returns the handle it
 * is sent over IPC, once per extra handle. `server.close()` (a shutdown) stops the extras accepting
 * at once, with its own handle.
 *
 * @param server an HTTP server already listening on TCP
 * @param extra how many handles to add besides the server's own (0 to MAX_EXTRA_ACCEPTORS)
 * @param backlog the listen backlog to keep (a handle's listen sets it anew for the socket)
 * @returns the extra servers now accepting (fewer, or none, when the helper could not be run or
 *   the server does not listen on TCP: the server then accepts as Node does); never throws
 */
export async function addAcceptors(server: HttpServer, extra: number, backlog: number): Promise<NetServer[]> {
  const own = handleOf(server);
  const n = Math.max(0, Math.min(MAX_EXTRA_ACCEPTORS, Math.floor(extra)));
  if (n === 0 || !own || !server.listening || typeof server.address() !== 'object') return [];
  const handles = await duplicates(own, n).catch(() => [] as ListenHandle[]);
  if (!server.listening) {
    // closed while the helper answered (a shutdown at start-up): the copies must not accept
    for (const h of handles) (h as { close?: () => void }).close?.();
    return [];
  }
  // the server's own socket options for what the extras accept (an HTTP server sets TCP_NODELAY)
  const { noDelay, keepAlive, keepAliveInitialDelay } = server as unknown as SocketOptions;
  const extras = handles.map((h) => {
    const s = createServer({ noDelay, keepAlive, keepAliveInitialDelay });
    s.on('connection', (socket) => adopt(server, s, socket));
    // a failure on an extra handle must not stop the process: the server's own handle still accepts
    s.on('error', () => s.close());
    s.listen(h as never, backlog);
    return s;
  });
  if (!extras.length) return extras;
  // closing the server (a shutdown) stops every handle from accepting at once, not only its own
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    for (const s of extras) if (s.listening) s.close();
    return close(cb);
  }) as HttpServer['close'];
  server.once('close', () => {
    for (const s of extras) if (s.listening) s.close();
  });
  return extras;
}

/** A net.Server's socket options (public fields of Node's net.Server since Node 18). */
interface SocketOptions {
  noDelay: boolean;
  keepAlive: boolean;
  keepAliveInitialDelay: number;
}

/** Node's own count of a server's open connections, which `close()` waits for (net.js). */
interface Counted {
  _connections: number;
}

/**
 * Make a connection an extra handle accepted the server's own, as Node's accept would have: counted
 * among the server's connections (so that `server.close()` — a shutdown — waits for it to finish,
 * and the socket's end uncounts it there), then handed to the HTTP server's connection listener.
 */
function adopt(server: HttpServer, from: NetServer, socket: Socket): void {
  const s = socket as Socket & { server: unknown; _server: unknown };
  (from as unknown as Counted)._connections--;
  (server as unknown as Counted)._connections++;
  s.server = s._server = server;
  server.emit('connection', socket);
}

/**
 * `n` new descriptors of the listening socket behind `handle`, through the echo helper; settles once
 * the helper has exited (no other process holds the socket after that).
 */
function duplicates(handle: ListenHandle, n: number): Promise<ListenHandle[]> {
  return new Promise((resolve) => {
    const got: ListenHandle[] = [];
    const child = spawn(process.execPath, ['-e', ECHO], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: {} });
    let timer: NodeJS.Timeout | undefined;
    const done = (): void => {
      clearTimeout(timer);
      resolve(got);
    };
    const finish = (): void => {
      clearTimeout(timer);
      child.removeAllListeners('message');
      if (!child.kill()) done();
    };
    const ask = (): void => {
      if (got.length >= n) return finish();
      clearTimeout(timer);
      timer = setTimeout(finish, ROUND_TRIP_MS);
      child.send('dup', handle as never, (e) => e && finish());
    };
    child.on('message', (_m, h?: ListenHandle) => {
      if (h) got.push(h);
      ask();
    });
    child.once('exit', done);
    child.once('error', done);
    ask();
  });
}
