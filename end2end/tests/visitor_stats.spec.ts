import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADMIN, BROWSER_USER_AGENT } from '../playwright.config';
import { RestartableServer, SEED_SLUG, jsEnabled, signIn, waitForHydration } from './helpers';

/** A browser context that the counter sees as a different person. */
async function reader(browser: Browser, javaScriptEnabled: boolean) {
  const userAgent = `${BROWSER_USER_AGENT} Reader-${Math.random().toString(36).slice(2)}`;
  return browser.newContext({ userAgent, javaScriptEnabled });
}

/** Today's page views, from the first row of the statistics table in the back office. */
async function pageViewsToday(admin: Page): Promise<number> {
  await admin.goto('/quan-tri/thong-ke');
  const cell = admin.locator('.visits-table tbody tr').first().locator('td').nth(2);
  return Number(await cell.textContent());
}

const number = async (page: Page, stat: string) => Number(await page.locator(`.visitor-stats [data-stat="${stat}"]`).textContent());

test('opening a page in one browser raises "Đang online" in another without a reload', async ({ browser }, info) => {
  test.skip(!jsEnabled(info), 'live updates need JavaScript; without it the numbers are as rendered');
  const watcherContext = await reader(browser, true);
  const watcher = await watcherContext.newPage();
  await watcher.goto('/trang/gioi-thieu');
  await waitForHydration(watcher);
  await expect(watcher.locator('.visitor-stats [data-live="connected"]')).toHaveCount(1);
  const onlineBefore = await number(watcher, 'online');
  const todayBefore = await number(watcher, 'today');
  await watcher.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const visitorContext = await reader(browser, true);
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/bai-viet/${SEED_SLUG}`);
  await waitForHydration(visitor);

  await expect.poll(() => number(watcher, 'online'), { timeout: 10_000 }).toBeGreaterThan(onlineBefore);
  await expect.poll(() => number(watcher, 'today'), { timeout: 10_000 }).toBeGreaterThan(todayBefore);
  expect(await watcher.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await visitorContext.close();
  await watcherContext.close();
});

test('after a server restart an open page reconnects by itself, keeping its numbers meanwhile', async ({ browser }, info) => {
  test.skip(!jsEnabled(info), 'live updates need JavaScript');
  // A server of its own, so stopping it does not disturb the other tests.
  const server = new RestartableServer(3927);
  await server.start();
  try {
    const watcherContext = await reader(browser, true);
    const watcher = await watcherContext.newPage();
    await watcher.goto(`${server.url}/`);
    await waitForHydration(watcher);
    const live = watcher.locator('.visitor-stats .visitor-numbers');
    await expect(live).toHaveAttribute('data-live', 'connected');
    const todayBefore = await number(watcher, 'today');

    await server.stop();
    await expect(live).toHaveAttribute('data-live', 'offline', { timeout: 10_000 });
    expect(await number(watcher, 'today')).toBe(todayBefore);

    await server.start();
    await expect(live).toHaveAttribute('data-live', 'connected', { timeout: 20_000 });
    const visitorContext = await reader(browser, true);
    await (await visitorContext.newPage()).goto(`${server.url}/tim-kiem?q=thanh+hoa`);
    await expect.poll(() => number(watcher, 'today'), { timeout: 10_000 }).toBeGreaterThan(todayBefore);
    await visitorContext.close();
    await watcherContext.close();
  } finally {
    await server.stop();
  }
});

// For the whole file: the hasty reader below has its WebAssembly refused on purpose.
test.use({ allowedError: /^Failed to load resource: net::ERR_FAILED$|^Failed to fetch$/ });

test('each page view is counted exactly once, with or without JavaScript, and editors are not counted', async ({ browser }, info) => {
  const adminContext = await browser.newContext({ userAgent: BROWSER_USER_AGENT });
  const admin = await adminContext.newPage();
  await signIn(admin);
  // The signed-in administrator browsing the public site is not counted.
  await admin.goto('/');
  await admin.waitForTimeout(1_500);
  const before = await pageViewsToday(admin);

  const readerContext = await reader(browser, jsEnabled(info));
  const page = await readerContext.newPage();
  await page.goto('/chuyen-muc/tin-tuc-su-kien');
  if (jsEnabled(info)) await waitForHydration(page);

  await expect.poll(() => pageViewsToday(admin), { timeout: 10_000 }).toBe(before + 1);
  // Long enough for any second count (a beacon and a pixel both) to have been stored.
  await admin.waitForTimeout(1_500);
  expect(await pageViewsToday(admin)).toBe(before + 1);

  // The next page: opened inside the app with JavaScript, loaded afresh without.
  await page.locator('.content a[href^="/bai-viet/"]').first().click();
  await expect(page).toHaveURL(/\/bai-viet\//);
  await expect.poll(() => pageViewsToday(admin), { timeout: 10_000 }).toBe(before + 2);
  await admin.waitForTimeout(1_500);
  expect(await pageViewsToday(admin)).toBe(before + 2);
  await readerContext.close();

  if (jsEnabled(info)) {
    // A reader who leaves before the app has loaded still counts, once.
    const hastyContext = await reader(browser, true);
    const hasty = await hastyContext.newPage();
    await hasty.route('**/*.wasm', (route) => route.abort());
    await hasty.goto('/trang/gioi-thieu');
    await expect.poll(() => pageViewsToday(admin), { timeout: 10_000 }).toBe(before + 3);
    await hastyContext.close();
  }
  await adminContext.close();
});

test('an administrator sees the chart and most-read list, and hides and shows the public widget', async ({ browser }, info) => {
  const adminContext = await browser.newContext({ userAgent: BROWSER_USER_AGENT });
  const admin = await adminContext.newPage();
  await signIn(admin);
  await expect(admin.getByRole('heading', { name: 'Thống kê truy cập', level: 1 })).toBeVisible();
  await expect(admin.locator('.visits-chart svg[role="img"]')).toHaveCount(1);
  await expect(admin.locator('.visits-chart rect.bar')).toHaveCount(30);
  await admin.getByRole('link', { name: '90 ngày' }).click();
  await expect(admin.locator('.visits-chart rect.bar')).toHaveCount(90);
  await expect(admin.getByRole('heading', { name: 'Bài viết được đọc nhiều nhất' })).toBeVisible();
  await expect(admin.locator('.most-read tbody tr').first()).toBeVisible();

  await admin.getByRole('button', { name: 'Ẩn bộ đếm' }).click();
  await expect(admin.getByText('Bộ đếm đang ẩn khỏi trang công khai.')).toBeVisible();
  const readerContext = await reader(browser, jsEnabled(info));
  const page = await readerContext.newPage();
  await page.goto('/');
  await expect(page.locator('.visitor-stats')).toHaveCount(0);
  await admin.getByRole('button', { name: 'Hiện bộ đếm' }).click();
  await expect(admin.getByText('Bộ đếm đang hiển thị trên trang công khai.')).toBeVisible();
  if (jsEnabled(info)) {
    await waitForHydration(page);
    // The open page shows the widget again by itself.
    await expect(page.locator('.visitor-stats')).toHaveCount(1, { timeout: 10_000 });
  } else {
    await page.reload();
    await expect(page.locator('.visitor-stats')).toHaveCount(1);
  }
  await readerContext.close();
  await adminContext.close();
});

test('a wrong password is refused with a message and no session', async ({ page }) => {
  await page.goto('/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập hoặc email').fill(ADMIN.username);
  await page.getByLabel('Mật khẩu').fill('khong-dung-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await page.goto('/quan-tri');
  await expect(page).toHaveURL(/\/quan-tri\/dang-nhap/);
});
