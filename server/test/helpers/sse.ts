/** A client of `text/event-stream` routes for the integration suites (what EventSource does, with an Authorization header). */

/** Reads a `text/event-stream` over HTTP and hands out its `data:` payloads, parsed, one at a time. */
export async function openStream(url: string, token?: string) {
  const ctrl = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal: ctrl.signal });
  const queue: unknown[] = [];
  let waiter: (() => void) | null = null;
  let buf = '';
  const pump = async () => {
    if (!res.body || res.status !== 200) return;
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (data) queue.push(JSON.parse(data));
          waiter?.();
        }
      }
    } catch {
      /* aborted */
    }
  };
  void pump();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    /** the next event, or throws after `ms` */
    async next<T>(ms = 8000): Promise<T> {
      const deadline = Date.now() + ms;
      while (queue.length === 0) {
        if (Date.now() > deadline) throw new Error('no event in time');
        await new Promise<void>((r) => {
          waiter = r;
          setTimeout(r, 100);
        });
      }
      return queue.shift() as T;
    },
    close: () => ctrl.abort(),
  };
}
