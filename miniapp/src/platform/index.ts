/**
 * The one place that knows which platform we run on, split by concern; pages import from
 * `@/platform` and this file re-exports every part.
 */
export * from './env'
export * from './auth'
export * from './scan'
export * from './media'
export * from './upload'
export * from './files'
export * from './subscribe'
export * from './contact'
export * from './privacy'
export * from './desk'
