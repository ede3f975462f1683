import { useSyncExternalStore } from 'react'
import type { OnBehalfOf } from '@gov/shared'
import { createStore, readStorage, removeStorage, writeStorage } from './storage'
import { session } from './session'

/**
 * 为谁办理: whom the signed-in user acts for — themselves (null), a company they belong to, or a
 * principal who authorised them. Chosen on the switcher page (subpackages/company/pages/acting);
 * booking and filing pages read it with useActingFor() and pass it as `onBehalfOf` to the API.
 * Kept in storage for the user who chose it; another sign-in starts from 本人 again.
 */
export interface ActingChoice extends OnBehalfOf {
  /** shown in the switcher bar: the company's name or the principal's (masked) name */
  name: string
  /** the authorisation it relies on (agents) */
  authorizationId?: string | null
}

interface ActingState {
  userId: string | null
  choice: ActingChoice | null
}

const STORAGE_KEY = 'gov.acting.v1'
const EMPTY: ActingState = { userId: null, choice: null }

function load(): ActingState {
  const stored = readStorage<ActingState>(STORAGE_KEY)
  if (!stored || typeof stored !== 'object' || !stored.choice || !stored.userId) return EMPTY
  const c = stored.choice
  if ((c.type !== 'person' && c.type !== 'enterprise') || typeof c.id !== 'string') return EMPTY
  return stored
}

const store = createStore<ActingState>(load())

function currentUserId(): string | null {
  return session.get().user?.id ?? null
}

/** The choice, if it belongs to the user signed in now. */
function validChoice(state: ActingState): ActingChoice | null {
  if (!state.choice) return null
  const uid = currentUserId()
  return uid && uid === state.userId ? state.choice : null
}

export const acting = {
  subscribe: store.subscribe,
  /** the current choice (null: 本人) */
  get(): ActingChoice | null {
    return validChoice(store.get())
  },
  /** the `onBehalfOf` value for the API (null: for oneself) */
  onBehalfOf(): OnBehalfOf | null {
    const c = validChoice(store.get())
    return c ? { type: c.type, id: c.id } : null
  },
  set(choice: ActingChoice | null) {
    const uid = currentUserId()
    const next: ActingState = choice && uid ? { userId: uid, choice } : EMPTY
    if (next.choice) writeStorage(STORAGE_KEY, next)
    else removeStorage(STORAGE_KEY)
    store.set(next)
  },
  clear() {
    acting.set(null)
  },
}

// sign-out or another user: back to 本人
session.subscribe(() => {
  const s = store.get()
  if (s.choice && s.userId !== currentUserId() && session.get().user) acting.clear()
  else if (s.choice && !session.get().accessToken) acting.clear()
})

// cached snapshots so that useSyncExternalStore sees a stable value between changes
let lastState: ActingState | null = null
let lastUserId: string | null = null
let lastChoice: ActingChoice | null = null
function snapshot(): ActingChoice | null {
  const s = store.get()
  const uid = currentUserId()
  if (s !== lastState || uid !== lastUserId) {
    lastState = s
    lastUserId = uid
    lastChoice = validChoice(s)
  }
  return lastChoice
}

let lastObh: OnBehalfOf | null = null
function obhSnapshot(): OnBehalfOf | null {
  const c = snapshot()
  if (!c) {
    lastObh = null
    return null
  }
  if (!lastObh || lastObh.type !== c.type || lastObh.id !== c.id) lastObh = { type: c.type, id: c.id }
  return lastObh
}

const subscribeBoth = (fn: () => void) => {
  const a = store.subscribe(fn)
  const b = session.subscribe(fn)
  return () => {
    a()
    b()
  }
}

/** The `onBehalfOf` value to send with bookings, off-hours requests and filings, or null (本人). */
export function useActingFor(): OnBehalfOf | null {
  return useSyncExternalStore(subscribeBoth, obhSnapshot, obhSnapshot)
}

/** The whole choice with its display name, or null (本人). */
export function useActingChoice(): ActingChoice | null {
  return useSyncExternalStore(subscribeBoth, snapshot, snapshot)
}
