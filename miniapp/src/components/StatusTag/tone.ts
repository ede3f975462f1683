/** The colour of a status tag: one per kind of state, the same on every page. */
export type Tone = 'info' | 'success' | 'warning' | 'danger' | 'muted'
