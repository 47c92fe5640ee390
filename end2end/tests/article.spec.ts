import { expect, test } from './fixtures';
import { SEED_SLUG, SEED_TITLE, jsEnabled, referenceArticleLines, waitForHydration } from './helpers';

test('the seed article is shown exactly as on the reference page', async ({ page }, info) => {
  const response = await page.goto(`/bai-viet/${SEED_SLUG}`);
  expect(response?.status()).toBe(200);
  if (jsEnabled(info)) await waitForHydration(page);

  await expect(page).toHaveTitle(`${SEED_TITLE} - Sở Thông tin và truyền thông Thanh Hóa`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  await expect(page.locator('.article-date')).toHaveText('Thứ Hai, 26/12/2022 - 08:30');
  await expect(page.getByRole('navigation', { name: 'Đường dẫn' })).toContainText('Tin tức - Sự kiện');
  await expect(page.getByRole('navigation', { name: 'Đường dẫn' })).toContainText('Đảng bộ');

  const shown = await page.locator('.sapo, .article-body > p, .article-body figcaption').allTextContents();
  expect(shown.map((line) => line.trim())).toEqual(referenceArticleLines());

  const figures = page.locator('.article-body figure');
  await expect(figures).toHaveCount(3);
  for (const figure of await figures.all()) {
    await expect(figure.locator('figcaption')).toHaveText(/^Ảnh: /);
    await expect(figure.locator('img')).not.toHaveAttribute('alt', '');
  }
});
