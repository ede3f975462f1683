/**
 * A reader of `text/event-stream` (server-sent events, WHATWG HTML §9.2): pure, no platform API,
 * so that the queue pages' live updates are unit-tested (test/miniapp/queue.spec.ts).
 */

export interface SseEvent {
  /** the `event:` field, `message` when the server named none */
  event: string
  /** the `data:` lines joined with "\n" */
  data: string
}

/**
 * Split what has arrived so far into whole events and the unfinished rest (keep the rest and
 * prepend it to the next chunk). Events end with a blank line; CRLF, CR and LF all end lines;
 * comment lines (`: keep-alive`) and events without data are dropped.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n')
  const events: SseEvent[] = []
  let start = 0
  for (let end = text.indexOf('\n\n', start); end !== -1; end = text.indexOf('\n\n', start)) {
    const block = text.slice(start, end)
    start = end + 2
    let event = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon === -1 ? line : line.slice(0, colon)
      let value = colon === -1 ? '' : line.slice(colon + 1)
      if (value.startsWith(' ')) value = value.slice(1)
      if (field === 'event') event = value || 'message'
      else if (field === 'data') data.push(value)
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') })
  }
  return { events, rest: text.slice(start) }
}

/** The JSON payload of an event, or null when it is not JSON (a heartbeat, a malformed line). */
export function eventJson<T>(e: SseEvent): T | null {
  try {
    return JSON.parse(e.data) as T
  } catch {
    return null
  }
}
