import { expect, test } from './fixtures';
import { SEED_TITLE, jsEnabled, waitForHydration } from './helpers';

for (const query of ['dang bo', 'Đảng bộ', 'ĐẢNG BỘ']) {
  test(`the header search finds the same articles for "${query}"`, async ({ page }, info) => {
    await page.goto('/');
    if (jsEnabled(info)) await waitForHydration(page);
    await page.getByRole('search').first().getByLabel('Tìm kiếm tin bài').fill(query);
    await page.getByRole('search').first().getByRole('button', { name: 'Tìm' }).click();
    await expect(page).toHaveURL(/\/tim-kiem\?q=/);
    await expect(page.getByRole('status')).toHaveText(/Tìm thấy 2 bài viết phù hợp/);
    const first = page.locator('.search-result').first();
    await expect(first.getByRole('link', { name: SEED_TITLE })).toBeVisible();
    await expect(first.locator('mark').first()).toHaveText('Đảng');
  });
}

test('"thanh hoa" finds "Thanh Hóa", filters narrow the results, and an empty search helps', async ({ page }) => {
  await page.goto('/tim-kiem?q=thanh+hoa');
  // Each matched word is marked: "thanh hoa" marks the "Hóa" of "Thanh Hóa".
  await expect(page.locator('.search-result mark', { hasText: /^Hóa$/ }).first()).toBeVisible();

  await page.goto('/tim-kiem?q=so&category=chuyen-doi-so');
  await expect(page.getByRole('status')).toHaveText(/Tìm thấy 2 bài viết/);
  await expect(page.locator('#search-category')).toHaveValue('chuyen-doi-so');

  await page.goto('/tim-kiem?q=hoi+nghi&from=2022-12-26&to=2022-12-26');
  await expect(page.locator('.search-result')).toHaveCount(1);

  await page.goto('/tim-kiem?q=xyzkhongco');
  await expect(page.getByText('Không tìm thấy bài viết nào phù hợp')).toBeVisible();
  await expect(page.locator('.no-results').getByRole('link', { name: 'trang chủ' })).toBeVisible();
});
