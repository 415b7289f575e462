/** Headless Chromium for the browser tests: Debian's `chromium` driven by playwright-core. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no chromium binary (apt-get install chromium)');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A page in its own browser context (its own storage: one user), recording console errors and uncaught exceptions. */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** `console.error` lines, failed resource loads and uncaught exceptions, in order. */
  readonly errors: string[];
}

export async function openWatchedPage(browser: Browser, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.goto(url);
  return { page, context, errors };
}
