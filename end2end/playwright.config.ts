import { defineConfig } from '@playwright/test';

// The release server built by `cargo leptos build --release`, on a fresh SQLite database with the demo content.
const port = Number(process.env.PORTAL_E2E_PORT ?? 3917);
const baseURL = `http://127.0.0.1:${port}`;

export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const ADMIN = { username: 'quantri', password: 'mat-khau-kiem-thu-2026' };

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  },
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  // A desktop browser's user agent: the visitor counter does not count "HeadlessChrome", as it
  // would not count any other robot.
  use: { baseURL, trace: 'off', userAgent: BROWSER_USER_AGENT },
  projects: [
    { name: 'js-on', use: { ...chromium, javaScriptEnabled: true } },
    { name: 'js-off', use: { ...chromium, javaScriptEnabled: false } },
  ],
  webServer: {
    command: 'rm -rf .data && mkdir -p .data && ../target/release/server serve',
    url: `${baseURL}/`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: 'sqlite://.data/e2e.db',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: '../target/site',
      PORTAL_DEMO_CONTENT: 'true',
      PORTAL_ADMIN_USERNAME: ADMIN.username,
      PORTAL_ADMIN_EMAIL: 'quantri@stttt.example.gov.vn',
      PORTAL_ADMIN_PASSWORD: ADMIN.password,
      RUST_LOG: 'warn',
    },
  },
});
