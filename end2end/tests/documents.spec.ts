import { expect, test } from './fixtures';
import { jsEnabled, waitForHydration } from './helpers';

// The demo's thirty documents (one a draft, never shown). The same steps with JavaScript on and
// off: the filters are a plain GET form.

test('a reader narrows the documents by type and effect, with the counts beside each choice', async ({ page }, info) => {
  await page.goto('/van-ban');
  if (jsEnabled(info)) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Văn bản' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('29 văn bản');
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định (12)' });
  await page.getByLabel('Hiệu lực').selectOption('het-hieu-luc');
  await page.getByRole('button', { name: 'Tìm văn bản' }).click();
  await expect(page).toHaveURL(/type=quyet-dinh/);
  await expect(page).toHaveURL(/effect=het-hieu-luc/);
  const rows = page.locator('.document-table tbody tr');
  await expect(rows.filter({ hasText: '15/2023/QĐ-UBND' })).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Quyết định');
    await expect(row).toContainText('Hết hiệu lực toàn bộ');
  }
  await page.getByRole('link', { name: 'Xóa bộ lọc' }).click();
  await expect(page.getByRole('status')).toHaveText('29 văn bản');
});

test('a number typed loosely finds the document, and its page says why it is no longer in force', async ({ page }) => {
  await page.goto('/van-ban');
  await page.getByLabel('Số ký hiệu, trích yếu hoặc nội dung').fill('qd-ubnd 15');
  await page.getByRole('button', { name: 'Tìm văn bản' }).click();
  await page.getByRole('link', { name: '15/2023/QĐ-UBND' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quyết định 15/2023/QĐ-UBND');
  await expect(page.locator('.document-effect-line')).toContainText(
    'Hết hiệu lực toàn bộ (bị thay thế bởi 20/2024/QĐ-UBND từ 01/03/2024)',
  );
  await expect(page.getByRole('heading', { name: 'Văn bản thay thế' })).toBeVisible();
  await page.locator('.related-documents').getByRole('link', { name: '20/2024/QĐ-UBND' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quyết định 20/2024/QĐ-UBND');
  await expect(page.getByRole('heading', { name: 'Thay thế văn bản' })).toBeVisible();
});

test('an attachment downloads as a PDF the browser can show, and a scan says it has no text', async ({ page }) => {
  await page.goto('/van-ban/120-kh-ubnd');
  const link = page.locator('.document-files a[download]').first();
  await expect(link).toContainText('ke-hoach-120-kh-ubnd.pdf');
  await expect(page.locator('.document-files')).toContainText('SHA-256:');
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  await page.goto('/van-ban/1850-stttt-bcxb');
  await expect(page.locator('.document-files')).toContainText('Bản quét');
});

test('a filter that does not exist answers 400 with the reason', async ({ page }) => {
  const response = await page.goto('/van-ban?type=khong-co');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('Không có loại văn bản “khong-co”');
});

test('the sidebar lists the newest documents on every reader page', async ({ page }) => {
  await page.goto('/');
  const widget = page.getByRole('region', { name: 'Văn bản mới' });
  // The newest: a decision issued on 25/11/2026, with its effect beside it.
  await expect(widget.getByRole('listitem').first()).toContainText('35/2026/QĐ-UBND');
  await expect(widget.getByRole('listitem').first()).toContainText('hiệu lực');
  await expect(widget.getByRole('listitem')).toHaveCount(5);
  await widget.getByRole('link', { name: 'Tất cả văn bản' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Văn bản' })).toBeVisible();
});
