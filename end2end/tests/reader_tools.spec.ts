import { expect, test } from './fixtures';
import { SEED_SLUG, jsEnabled, waitForHydration } from './helpers';

test('printing shows the article alone, with its address and date', async ({ page }) => {
  await page.goto(`/bai-viet/${SEED_SLUG}`);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.sidebar', '.site-footer', '.reader-toolbar', '.story-list', '.breadcrumb']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  await expect(page.locator('.article-title')).toBeVisible();
  await expect(page.locator('.article-date')).toBeVisible();
  await expect(page.locator('.print-only')).toHaveText(new RegExp(`Nguồn: http.*/bai-viet/${SEED_SLUG}`));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.print-only')).toBeHidden();
});

test('the text size control enlarges the article and is remembered', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'the text size buttons need JavaScript and are hidden without it');
  await page.goto(`/bai-viet/${SEED_SLUG}`);
  await waitForHydration(page);
  const body = page.locator('.article-body p').first();
  const before = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByRole('button', { name: /Tăng cỡ chữ/ }).click();
  await page.getByRole('button', { name: /Tăng cỡ chữ/ }).click();
  const larger = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(larger).toBeGreaterThan(before * 1.2);

  await page.reload();
  await waitForHydration(page);
  await expect.poll(() => body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(larger, 1);
  await page.getByRole('button', { name: /Cỡ chữ mặc định/ }).click();
  await expect.poll(() => body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(before, 1);
});

test('without JavaScript the buttons that need it are hidden and the share links still work', async ({ page }, info) => {
  test.skip(jsEnabled(info), 'checks the page as a reader without JavaScript sees it');
  await page.goto(`/bai-viet/${SEED_SLUG}`);
  await expect(page.getByRole('button', { name: /Tăng cỡ chữ/ })).toBeHidden();
  await expect(page.getByRole('link', { name: /Facebook/ })).toHaveAttribute('href', /facebook\.com\/sharer/);
});

test('static pages and the sitemap page are reachable from the footer', async ({ page }) => {
  await page.goto('/');
  await page.locator('footer').getByRole('link', { name: 'Liên hệ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liên hệ');
  await expect(page.getByRole('main').getByText(/Điện thoại: \(02373\) 713\.985/)).toBeVisible();
  await page.locator('footer').getByRole('link', { name: 'Sơ đồ trang' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sơ đồ trang');
  await expect(page.getByRole('main').getByRole('link', { name: 'Đảng bộ' })).toBeVisible();
});

test('pages fit a 360-pixel phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/chuyen-muc/tin-tuc-su-kien', `/bai-viet/${SEED_SLUG}`, '/tim-kiem?q=dang']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('copy link puts the article address on the clipboard and says so', async ({ page, context }, info) => {
  test.skip(!jsEnabled(info), 'the copy button needs JavaScript');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/bai-viet/${SEED_SLUG}`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
  await expect(page.getByRole('button', { name: 'Đã sao chép liên kết' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/bai-viet/${SEED_SLUG}$`));
});
