import { createStore } from './storage'

/**
 * The query handed from the home search bar to 办事 (tab pages take no URL parameters
 * in mini-programs, so it travels through this store).
 */
export const pendingSearch = createStore<string | null>(null)
