import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SEED_SLUG, SEED_TITLE, jsEnabled, signIn, waitForHydration } from './helpers';

// Reader pages are server-rendered with islands; the reader script opens other reader pages inside
// the same document. A window property stands for "no full reload": a page load would wipe it.
const LIVE_STREAM = '/api/thong-ke/truc-tiep';

async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
}
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

test.beforeEach(async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'in-document navigation is the reader script; without JavaScript every link loads a page, checked in home.spec.ts');
  await page.goto('/');
  await waitForHydration(page);
  await markDocument(page);
});

test('home → category → article → back → forward stays in one document, changing the title and main content', async ({ page }) => {
  await page.locator('.category-section .section-title').getByRole('link', { name: 'Tin tức - Sự kiện' }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/tin-tuc-su-kien$/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Tin tức - Sự kiện');
  await expect(page).toHaveTitle(/^Tin tức - Sự kiện - /);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/chuyen-muc\/tin-tuc-su-kien$/);
  await expect(page.locator('meta[property="og:url"]')).toHaveCount(1);

  // Scrolled down before following a link: the next page starts at its top.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole('main').getByRole('link', { name: SEED_TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  await expect(page).toHaveTitle(`${SEED_TITLE} - Sở Thông tin và truyền thông Thanh Hóa`);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  // Focus moves to the new content, where a screen reader goes on reading.
  await expect(page.locator('main#noi-dung')).toBeFocused();

  await page.goBack();
  await expect(page).toHaveURL(/\/chuyen-muc\/tin-tuc-su-kien$/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Tin tức - Sự kiện');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.lead-story .card-title')).toHaveText(SEED_TITLE);
  expect(await sameDocument(page)).toBe(true);
});

test('a link to another page\'s anchor opens that page scrolled to it', async ({ page }) => {
  await page.evaluate((slug) => {
    const link = document.createElement('a');
    link.href = `/bai-viet/${slug}#category-recent-title`;
    link.textContent = 'Tin cùng chuyên mục của bài hội nghị';
    document.getElementById('noi-dung')!.prepend(link);
  }, SEED_SLUG);
  await page.getByRole('link', { name: 'Tin cùng chuyên mục của bài hội nghị' }).click();
  await expect(page).toHaveURL(new RegExp(`/bai-viet/${SEED_SLUG}#category-recent-title$`));
  await expect(page.locator('#category-recent-title')).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await sameDocument(page)).toBe(true);
});

test('the header search and the search page\'s filters open their results in the same document', async ({ page }) => {
  await page.getByRole('search').first().getByLabel('Tìm kiếm tin bài').fill('thanh hoa');
  await page.getByRole('search').first().getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=thanh\+hoa$/);
  await expect(page.getByRole('status')).toHaveText(/Tìm thấy \d+ bài viết/);

  await page.locator('#search-category').selectOption('chuyen-doi-so');
  await page.getByLabel('Từ khóa').fill('so');
  await page.getByRole('main').getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/category=chuyen-doi-so/);
  await expect(page.getByRole('status')).toHaveText(/Tìm thấy 2 bài viết/);
  await expect(page.locator('#search-category')).toHaveValue('chuyen-doi-so');
  expect(await sameDocument(page)).toBe(true);
});

test('feeds and the back office load as whole pages', async ({ page }) => {
  await page.locator('footer').getByRole('link', { name: 'Sơ đồ trang' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sơ đồ trang');
  expect(await sameDocument(page)).toBe(true);

  // The site map's link to the feed.
  const feed = page.waitForResponse((response) => response.url().endsWith('/rss.xml') && response.request().isNavigationRequest());
  await page.getByRole('main').getByRole('link', { name: 'Tin mới (RSS)' }).click();
  await feed;
  await page.goto('/');
  await waitForHydration(page);
  await markDocument(page);
  await page.evaluate(() => {
    const office = document.createElement('a');
    office.href = '/quan-tri';
    office.textContent = 'Quản trị';
    document.getElementById('noi-dung')!.prepend(office);
  });
  await page.getByRole('link', { name: 'Quản trị' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/dang-nhap/);
  expect(await sameDocument(page)).toBe(false);
});

test('the visitor widget keeps one live connection over five pages and still updates live', async ({ page, browser }) => {
  // A fresh load, counted from its first request.
  let streams = 0;
  const backOfficeFiles: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === LIVE_STREAM) streams += 1;
    if (path.startsWith('/pkg-admin/') || path.startsWith('/editor/')) backOfficeFiles.push(path);
  });
  await page.goto('/');
  await waitForHydration(page);
  await markDocument(page);
  await expect(page.locator('.visitor-stats [data-live="connected"]')).toHaveCount(1);

  const main = page.getByRole('main');
  await page.getByRole('navigation', { name: 'Chuyên mục' }).first().getByRole('link', { name: 'Chuyển đổi số' }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Chuyển đổi số');
  await main.locator('a[href^="/bai-viet/"]').first().click();
  await expect(page.locator('.article-title')).toBeVisible();
  await page.locator('footer').getByRole('link', { name: 'Liên hệ' }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Liên hệ');
  await page.locator('footer').getByRole('link', { name: 'Sơ đồ trang' }).click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Sơ đồ trang');
  await page.locator('.brand').click();
  await expect(page.locator('.lead-story')).toBeVisible();
  expect(await sameDocument(page)).toBe(true);

  const today = () => page.locator('.visitor-stats [data-stat="today"]').textContent().then(Number);
  const before = await today();
  const other = await browser.newContext({ userAgent: `Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Reader-${Date.now()}` });
  await (await other.newPage()).goto('/trang/gioi-thieu');
  await expect.poll(today, { timeout: 10_000 }).toBeGreaterThan(before);
  await other.close();

  expect(streams).toBe(1);
  expect(backOfficeFiles).toEqual([]);
});

test('the text size the reader chose stays across pages and reloads', async ({ page }) => {
  await page.goto(`/bai-viet/${SEED_SLUG}`);
  await waitForHydration(page);
  const body = page.locator('.article-body p').first();
  const size = () => body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await size();
  await page.getByRole('button', { name: /Tăng cỡ chữ/ }).click();
  const larger = await size();
  expect(larger).toBeGreaterThan(normal);

  await markDocument(page);
  await page.getByRole('main').locator('.story-list a[href^="/bai-viet/"]').first().click();
  await expect(page.locator('.article-title')).not.toHaveText(SEED_TITLE);
  expect(await sameDocument(page)).toBe(true);
  expect(await size()).toBeCloseTo(larger, 1);
  // The new page's buttons work too: their island was brought to life after the swap.
  await page.getByRole('button', { name: /Giảm cỡ chữ/ }).click();
  await expect.poll(size).toBeCloseTo(normal, 1);
  await page.getByRole('button', { name: /Tăng cỡ chữ/ }).click();
  await page.reload();
  expect(await size()).toBeCloseTo(larger, 1);
});

test('the back office still runs as a single-page app from its own bundle', async ({ page }) => {
  const files: string[] = [];
  page.on('request', (request) => files.push(new URL(request.url()).pathname));
  await signIn(page, '/quan-tri/bai-viet');
  await waitForHydration(page);
  expect(files.some((path) => path.startsWith('/pkg-admin/admin'))).toBe(true);
  expect(files.some((path) => /^\/pkg\/portal\.[^/]*\.wasm$/.test(path) || path === '/pkg/portal.wasm')).toBe(false);
  await markDocument(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).first().click();
  await expect(page.getByRole('heading', { name: 'Thống kê truy cập', level: 1 })).toBeVisible();
  expect(await sameDocument(page)).toBe(true);
});
