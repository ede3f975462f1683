import { useCallback, useEffect, useRef, useState } from 'react'
import { API_BASE } from '@/api/client'
import { isH5 } from '@/platform'
import { session } from '@/store/session'
import { eventJson, parseSse } from '@/utils/sse'

/** How often the pages ask again where no event stream is open (mini-programs, or the stream broke). */
export const POLL_MS = 4000

/**
 * Whether this platform reads server-sent events: the H5 build in a browser with streaming fetch.
 * (WeChat and Alipay have no EventSource: they poll.) A stream is read with fetch rather than
 * EventSource so that it carries the bearer token like every other call.
 */
export const canStream = (): boolean =>
  isH5 && typeof fetch === 'function' && typeof ReadableStream !== 'undefined' && typeof TextDecoder !== 'undefined'

/**
 * Read an event stream (GET, `Accept: text/event-stream`), calling onData with each event's JSON.
 * Resolves when the stream ends; rejects when it cannot be opened (not 2xx) or breaks.
 */
async function readStream<T>(path: string, auth: boolean, signal: AbortSignal, onData: (value: T) => void): Promise<void> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' }
  const token = auth ? session.get().accessToken : null
  if (token) headers.Authorization = `Bearer ${token}`
  const res = await fetch(API_BASE + path, { headers, signal, cache: 'no-store' })
  if (!res.ok || !res.body) throw new Error(`event stream ${res.status}`)
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let rest = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    const parsed = parseSse(rest + decoder.decode(value, { stream: true }))
    rest = parsed.rest
    for (const e of parsed.events) {
      const json = eventJson<T>(e)
      if (json !== null) onData(json)
    }
  }
}

export interface LiveState<T> {
  data: T | undefined
  error: unknown
  /** the first load is under way */
  loading: boolean
  reload: () => void
  /** how updates arrive now: an open event stream, or asking every POLL_MS */
  mode: 'stream' | 'poll'
}

interface LiveOptions<T> {
  /** one read of the current state (GET /tickets/:id, GET /halls/:id/queue) */
  load: () => Promise<T>
  /** the event stream of the same state (path under the API base), or null to poll only */
  stream: string | null
  /** send the session's token with the stream (the ticket's stream; the call screen is public) */
  auth: boolean
  enabled: boolean
  /** true when nothing will change any more (a finished ticket): no stream, no polling */
  settled?: (value: T) => boolean
  /** told of every new state (for the called banner's vibration) */
  onChange?: (value: T, before: T | undefined) => void
}

/**
 * The state of something that changes in the hall, kept live: read once, then follow its event
 * stream where the platform has one (H5), else (and whenever the stream fails) ask again every
 * POLL_MS. A broken stream is opened again after a while; polling covers the gap.
 */
export function useLive<T>({ load, stream, auth, enabled, settled, onChange }: LiveOptions<T>): LiveState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(enabled)
  const [mode, setMode] = useState<'stream' | 'poll'>('poll')
  const [round, setRound] = useState(0)
  const ref = useRef({ load, settled, onChange, data: undefined as T | undefined })
  ref.current.load = load
  ref.current.settled = settled
  ref.current.onChange = onChange

  const accept = useCallback((value: T) => {
    const before = ref.current.data
    ref.current.data = value
    setData(value)
    setError(null)
    ref.current.onChange?.(value, before)
  }, [])

  const fetchOnce = useCallback(async (): Promise<T | undefined> => {
    try {
      const value = await ref.current.load()
      accept(value)
      return value
    } catch (e) {
      setError(e)
      return undefined
    } finally {
      setLoading(false)
    }
  }, [accept])

  useEffect(() => {
    if (!enabled) {
      setLoading(false)
      return
    }
    let alive = true
    let timer: ReturnType<typeof setTimeout> | null = null
    const abort = typeof AbortController !== 'undefined' ? new AbortController() : null
    const isSettled = () => {
      const d = ref.current.data
      return d !== undefined && !!ref.current.settled?.(d)
    }
    const poll = () => {
      timer = setTimeout(async () => {
        if (!alive || isSettled()) return
        await fetchOnce()
        if (alive) poll()
      }, POLL_MS)
    }
    setLoading(ref.current.data === undefined)
    void fetchOnce().then(() => {
      if (!alive || isSettled()) return
      if (stream && abort && canStream()) {
        setMode('stream')
        readStream<T>(stream, auth, abort.signal, (v) => alive && accept(v))
          .catch(() => undefined)
          .then(() => {
            if (!alive) return
            // the stream ended or broke: poll, and try the stream again in a minute
            setMode('poll')
            poll()
            setTimeout(() => alive && !isSettled() && setRound((r) => r + 1), 60_000)
          })
      } else {
        setMode('poll')
        poll()
      }
    })
    return () => {
      alive = false
      if (timer) clearTimeout(timer)
      abort?.abort()
    }
  }, [enabled, stream, auth, round, fetchOnce, accept])

  const reload = useCallback(() => {
    setLoading(ref.current.data === undefined)
    void fetchOnce()
  }, [fetchOnce])

  return { data, error, loading, reload, mode }
}
