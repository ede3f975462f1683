import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { clientErrorAnswer } from './error-classify.rules';
import { httpStatusOf } from './error-status';

/**
 * Requests that Node's HTTP parser refuses (headers over the limit, garbage, a request that never
 * finished) never reach Nest or the global filter; Node would answer them with a bare status line.
 * This answers them in the contract's shape `{ code, message, details }` too, and closes the connection.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const a = clientErrorAnswer(err.code);
    if (!a || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = httpStatusOf(a.code);
    const body = JSON.stringify({ code: a.code, message: a.message, details: a.details });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
