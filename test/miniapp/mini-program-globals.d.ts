/**
 * Globals of the mini-program runtimes that miniapp/src refers to (miniapp/types/global.d.ts
 * declares them for the mini-app's own build; that file also narrows NODE_ENV, which the
 * server's tests set to `test`, so tsconfig.test.json takes only this).
 */
declare const my: any;
