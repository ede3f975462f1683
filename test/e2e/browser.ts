import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { e2eStateFile, E2eState } from './e2e-state';

export const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

export function e2eState(): E2eState {
  return JSON.parse(fs.readFileSync(e2eStateFile(), 'utf8')) as E2eState;
}

/** "Now" as the e2e server sees it (its clock ticks from 10:00 Asia/Shanghai of the run's date). */
export function serverNow(): Date {
  return new Date(Date.now() + (e2eState().clockOffsetMs ?? 0));
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * The suite's Chromium: launched before the suite (launch), closed after it. Answers a getter for
 * the running browser, to call inside tests and hooks:
 *
 *   const browser = useBrowser();
 *   it('…', async () => { const { page } = await phonePage(browser()); … });
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running (use it inside tests and hooks)');
    return browser;
  };
}

export type Opened = { context: BrowserContext; page: Page };

/** A page on the H5 build, in a context of its own (Shanghai time, zh-CN) of the given size. */
async function openPage(browser: Browser, size: BrowserContextOptions): Promise<Opened> {
  const context = await browser.newContext({ ...size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: e2eState().url });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** A phone-sized page (375×812, touch) on the H5 build. */
export const phonePage = (browser: Browser): Promise<Opened> =>
  openPage(browser, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

/** A desk-sized page (1280×800), not signed in. */
export const deskPage = (browser: Browser): Promise<Opened> => openPage(browser, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });

/** The session as the sign-in answers it (and the H5 build keeps it). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  user: object;
}

/** Open the H5 build already signed in (the session store reads Taro storage: { data } in localStorage). */
export async function signInBrowser(context: BrowserContext, tokens: SessionTokens): Promise<void> {
  const value = JSON.stringify({ data: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user } });
  await context.addInitScript(
    ([key, v]) => {
      if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, v);
    },
    ['gov.session.v1', value] as const,
  );
}

/** A phone- or desk-sized page already signed in as these tokens. */
export async function signedInContext(browser: Browser, tokens: SessionTokens, kind: 'phone' | 'desk'): Promise<Opened> {
  const opened = kind === 'phone' ? await phonePage(browser) : await deskPage(browser);
  await signInBrowser(opened.context, tokens);
  return opened;
}

/** The same, opened at `path` of the H5 build. */
export async function signedInAt(browser: Browser, tokens: SessionTokens, kind: 'phone' | 'desk', path: string): Promise<Opened> {
  const opened = await signedInContext(browser, tokens, kind);
  await opened.page.goto(path);
  return opened;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

let seq = Math.floor(Math.random() * 1e6);
export function e2ePhone(): string {
  seq = (seq + 104729) % 1e8;
  return `137${String(seq).padStart(8, '0')}`;
}
