import { test as base, expect, type Browser, type BrowserContext, type ConsoleMessage, type Page } from '@playwright/test';

/**
 * Every test fails on any uncaught exception or console error in any page it opened (in its own
 * context or in contexts it made with `browser.newContext()`), as the Leptos examples' tests do:
 * a panic in the WebAssembly shows up there and nowhere else.
 *
 * Allowed without saying: the browser's own line for a request the test meant to be refused
 * (a 4xx answer to a page or a server function, not to a file of the bundle). A test that provokes
 * other errors on purpose names them with `test.use({ allowedError: /…|…/ })`.
 */
export const test = base.extend<{ allowedError: RegExp | undefined; failOnPageErrors: void }>({
  allowedError: [undefined, { option: true }],
  failOnPageErrors: [
    async ({ browser, context, allowedError }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error' && !expected(message, allowedError)) {
            errors.push(`${page.url()}: console error: ${message.text()}`);
          }
        });
        page.on('pageerror', (error) => {
          if (!allowedError?.test(error.message)) {
            errors.push(`${page.url()}: uncaught: ${error.message}`);
          }
        });
      };
      const watchContext = (watched: BrowserContext) => {
        watched.pages().forEach(watch);
        watched.on('page', watch);
      };
      watchContext(context);
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = async (...options: Parameters<Browser['newContext']>) => {
        const made = await newContext(...options);
        watchContext(made);
        return made;
      };
      await use();
      browser.newContext = newContext;
      expect(errors, 'console errors and uncaught exceptions in the pages this test opened').toEqual([]);
    },
    { auto: true },
  ],
});

function expected(message: ConsoleMessage, allowed: RegExp | undefined): boolean {
  const text = message.text();
  if (allowed?.test(text)) return true;
  const refused = /^Failed to load resource: the server responded with a status of 4\d\d/.test(text);
  const bundleFile = /\/pkg\/|\.(js|wasm|css)(\?|$)/.test(message.location().url ?? '');
  return refused && !bundleFile;
}

export { expect };
