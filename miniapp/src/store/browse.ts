import { createStore } from './storage'

/** How the 办事 tab should open when reached from a home-page theme (tab pages take no URL parameters). */
export type BrowseMode = 'person' | 'enterprise' | 'department'
export const pendingBrowse = createStore<BrowseMode | null>(null)
