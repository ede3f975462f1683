import { useSyncExternalStore } from 'react'
import { isH5 } from '../platform'
import { createStore, readStorage, writeStorage } from './storage'

/** App-wide display settings, persisted in storage. */
export interface Settings {
  /** 大字模式 (适老化): larger text and touch targets on every page */
  largeFont: boolean
}

const STORAGE_KEY = 'gov.settings.v1'
const stored = readStorage<Partial<Settings>>(STORAGE_KEY)
const store = createStore<Settings>({ largeFont: stored?.largeFont === true })

export const settings = {
  get: store.get,
  subscribe: store.subscribe,
  setLargeFont(largeFont: boolean) {
    const next = { ...store.get(), largeFont }
    writeStorage(STORAGE_KEY, next)
    store.set(next)
    settings.applyToDocument()
  },
  /** H5: mirror the setting on <html> so that overlays outside the page root follow it. */
  applyToDocument() {
    if (!isH5 || typeof document === 'undefined') return
    document.documentElement.classList.toggle('gov-large-font', store.get().largeFont)
  },
}

export function useSettings(): Settings {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
