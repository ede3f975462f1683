import { spawn } from 'node:child_process';
import { createServer as createHttpServer, Server as HttpServer } from 'node:http';
import { AddressInfo, connect, createServer, Server as NetServer } from 'node:net';
import { addAcceptors } from './acceptors';

const listening = (server: HttpServer | NetServer, port = 0): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', backlog: 511 }, () => resolve((server.address() as AddressInfo).port));
  });
const closed = (server: HttpServer): Promise<void> => new Promise((resolve) => server.close(() => resolve()));
const fdOf = (s: NetServer | HttpServer): number => (s as unknown as { _handle: { fd: number } })._handle.fd;

/** `n` new connections at once from another process, one GET each: the statuses it got. */
function crowd(port: number, n: number): { answers: Promise<number[]>; started: Promise<void> } {
  const code = `
    const http = require('node:http');
    process.stdout.write('go\\n');
    Promise.all(Array.from({ length: ${n} }, () => new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port: ${port}, path: '/', agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); })
        .on('error', () => resolve(0));
    }))).then((s) => process.stdout.write(JSON.stringify(s) + '\\n'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let go: () => void = () => undefined;
  const started = new Promise<void>((r) => (go = r));
  const answers = new Promise<number[]>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('go\n')) go();
    });
    child.on('exit', () => resolve(JSON.parse(out.split('\n')[1] || '[]') as number[]));
  });
  return { answers, started };
}

describe('addAcceptors', () => {
  let server: HttpServer;
  beforeEach(() => {
    server = createHttpServer((_req, res) => res.end('ok'));
  });
  afterEach(async () => {
    if (server.listening) await closed(server);
  });

  it('adds handles of their own on the same listening socket, and the connections they take are served by the server', async () => {
    const port = await listening(server);
    const extras = await addAcceptors(server, 3, 511);
    expect(extras).toHaveLength(3);
    for (const s of extras) {
      expect(s.listening).toBe(true);
      expect((s.address() as AddressInfo).port).toBe(port);
    }
    expect(new Set([server, ...extras].map(fdOf)).size).toBe(4); // four descriptors of one socket
    const taken = extras.map(() => 0);
    extras.forEach((s, i) => s.on('connection', () => taken[i]++));

    // the crowd connects while this process is busy: once it is free, each handle takes one connection per turn
    const { answers, started } = crowd(port, 24);
    await started;
    const until = Date.now() + 300;
    while (Date.now() < until); // (busy on purpose: the connections wait in the kernel's queue)
    expect(await answers).toEqual(Array(24).fill(200));
    expect(taken.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('closing the server stops every handle accepting at once and waits for the requests under way on any of them', async () => {
    let received = 0;
    let answered = 0;
    const viaExtra = new WeakSet<object>();
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      received++;
      // the requests an extra handle took finish last: the close must wait for them
      setTimeout(
        () => {
          answered++;
          res.end('ok');
        },
        viaExtra.has(req.socket) ? 600 : 100,
      );
    });
    const port = await listening(server);
    const extras = await addAcceptors(server, 3, 511);
    const taken = extras.map(() => 0);
    extras.forEach((s, i) =>
      s.on('connection', (c: object) => {
        taken[i]++;
        viaExtra.add(c);
      }),
    );
    const { answers, started } = crowd(port, 24);
    await started;
    const until = Date.now() + 300;
    while (Date.now() < until); // (busy on purpose: the connections wait to be taken by all four handles)
    while (received < 24) await new Promise((r) => setTimeout(r, 10));
    expect(taken.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const done = new Promise<number>((resolve) => server.close(() => resolve(answered)));
    // no handle takes a new connection once the shutdown began
    const refused = await new Promise<string>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve('connected');
      });
      c.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    // the server closes only once every request under way was answered, whichever handle took it
    expect(await done).toBe(24);
    expect(await answers).toEqual(Array(24).fill(200));
  });

  it('closes its handles with the server: the port is free again', async () => {
    const port = await listening(server);
    const extras = await addAcceptors(server, 2, 511);
    expect(extras).toHaveLength(2);
    const extrasClosed = Promise.all(extras.map((s) => new Promise((r) => s.once('close', r))));
    await closed(server);
    await extrasClosed;
    expect(extras.map((s) => s.listening)).toEqual([false, false]);
    const again = createServer();
    await expect(listening(again, port)).resolves.toBe(port);
    await new Promise((r) => again.close(r));
  });

  it('adds nothing when the server is closed while the handles are being fetched (a shutdown at start-up): the port is free', async () => {
    const port = await listening(server);
    const adding = addAcceptors(server, 4, 511);
    await closed(server);
    const got = await adding;
    for (const s of got) s.close(); // (were there any, they would hold the port)
    expect(got).toEqual([]);
    const again = createServer();
    await expect(listening(again, port)).resolves.toBe(port);
    await new Promise((r) => again.close(r));
  });

  it('adds nothing when none are asked for or the server does not listen', async () => {
    expect(await addAcceptors(server, 4, 511)).toEqual([]); // not listening yet
    await listening(server);
    expect(await addAcceptors(server, 0, 511)).toEqual([]);
  });
});
