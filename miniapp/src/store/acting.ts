import { useSyncExternalStore } from 'react'
import type { OnBehalfOf } from '@gov/shared'
import { createStore, readStorage, removeStorage, writeStorage } from './storage'
import { session } from './session'

/**
 * 为谁办理: whom the signed-in user acts for — themselves (null), a company they belong to, or a
 * principal who authorised them. Chosen on the switcher page (subpackages/company/pages/acting);
 * booking and filing pages read it with useActingFor(), pass it as `onBehalfOf` to the API, and
 * show it (components/ActingBar: "为 … 办理") above the form and beside the confirm button.
 *
 * It never lingers unnoticed: it goes back to 本人 once a booking, off-hours request or filing has
 * been made with it (acting.done()), on sign-out or another user's sign-in, and when it was
 * chosen more than ACTING_TTL_MS ago (an errand for a company yesterday is not today's).
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
  /** when it was chosen (ms since the epoch) */
  at?: number
}

const STORAGE_KEY = 'gov.acting.v1'
const EMPTY: ActingState = { userId: null, choice: null }
/** A choice lapses back to 本人 this long after it was made. */
export const ACTING_TTL_MS = 2 * 60 * 60 * 1000

const lapsed = (state: ActingState): boolean => typeof state.at !== 'number' || Date.now() - state.at > ACTING_TTL_MS

function load(): ActingState {
  const stored = readStorage<ActingState>(STORAGE_KEY)
  if (!stored || typeof stored !== 'object' || !stored.choice || !stored.userId) return EMPTY
  const c = stored.choice
  if ((c.type !== 'person' && c.type !== 'enterprise') || typeof c.id !== 'string') return EMPTY
  if (lapsed(stored)) {
    removeStorage(STORAGE_KEY)
    return EMPTY
  }
  return stored
}

const store = createStore<ActingState>(load())

function currentUserId(): string | null {
  return session.get().user?.id ?? null
}

/** The choice, if it belongs to the user signed in now and has not lapsed. */
function validChoice(state: ActingState): ActingChoice | null {
  if (!state.choice || lapsed(state)) return null
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
    const next: ActingState = choice && uid ? { userId: uid, choice, at: Date.now() } : EMPTY
    if (next.choice) writeStorage(STORAGE_KEY, next)
    else removeStorage(STORAGE_KEY)
    store.set(next)
  },
  clear() {
    acting.set(null)
  },
  /**
   * A booking, off-hours request or filing was made with the current choice: back to 本人, so
   * that the next errand is not made in someone else's name without the user choosing it again.
   * Returns the name it was made for (null: 本人), for the confirmation message.
   */
  done(): string | null {
    const c = validChoice(store.get())
    if (c) acting.clear()
    return c ? c.name : null
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
