import { expect, test } from './fixtures';
import { SEED_TITLE } from './helpers';

// A common phone screen: 390 × 844 CSS pixels.
test.use({ viewport: { width: 390, height: 844 } });

test('on a phone the first headline shows without scrolling and one button opens the whole menu', async ({ page }) => {
  await page.goto('/');
  const headline = page.locator('.lead-story .card-title');
  await expect(headline).toHaveText(SEED_TITLE);
  const box = (await headline.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The menu bar gives way to the button; the menu stays shut until asked for.
  await expect(page.locator('.main-menu')).toBeHidden();
  const menu = page.getByRole('navigation', { name: 'Chuyên mục' });
  await expect(menu).toHaveCount(0);

  // Opened from the keyboard (a <details> disclosure, so this works without JavaScript too).
  const button = page.locator('.phone-menu > summary');
  await expect(button).toHaveText('Chuyên mục');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.phone-menu')).toHaveAttribute('open', '');
  for (const name of ['Trang chủ', 'Tin tức - Sự kiện', 'Hoạt động của Sở', 'Đảng bộ', 'Chuyển đổi số', 'Thông báo']) {
    await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // Sub-categories sit under their category, indented, not spilled onto a bar of their own.
  const parent = (await menu.getByRole('link', { name: 'Tin tức - Sự kiện' }).boundingBox())!;
  const child = (await menu.getByRole('link', { name: 'Đảng bộ' }).boundingBox())!;
  expect(child.y).toBeGreaterThan(parent.y);
  expect(child.x).toBeGreaterThan(parent.x);

  await menu.getByRole('link', { name: 'Chuyển đổi số' }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/chuyen-doi-so$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Chuyển đổi số' })).toBeVisible();
  await expect(page.locator('.phone-menu')).not.toHaveAttribute('open', '');

  await button.click();
  await expect(page.locator('.phone-menu')).toHaveAttribute('open', '');
  await button.click();
  await expect(page.locator('.phone-menu')).not.toHaveAttribute('open', '');
});

test('on a wide screen the menu bar shows and the phone button does not', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.locator('.phone-menu')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Chuyển đổi số' })).toBeVisible();
});
