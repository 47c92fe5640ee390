import { expect, test } from '@playwright/test';
import { jsEnabled, signIn, waitForHydration } from './helpers';

// A 48×32 PNG, left half red, right half blue.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAOElEQVR42u3OQQkAQAgAMEMYwhDXnwthGEuIr8ECLH69FVm9IoSEhISEhISEhISEhISEhISELkMDKrzMWzpTDesAAAAASUVORK5CYII=',
  'base64',
);

// The upload is a plain multipart form, so it is tested with JavaScript on and off.
test('an editor uploads a photo, finds it in the library and the portal serves it', async ({ page }, info) => {
  await signIn(page, '/quan-tri/thu-vien');
  if (jsEnabled(info)) await waitForHydration(page);
  const name = `anh-kiem-thu-${info.project.name}-${Date.now()}.png`;
  const alt = `Toàn cảnh hội nghị ${info.project.name}`;

  await page.getByLabel('Chọn ảnh (JPEG, PNG, WebP, GIF) hoặc tài liệu (PDF, DOCX, XLSX)').setInputFiles({
    name,
    mimeType: 'image/png',
    buffer: PNG,
  });
  await page.getByLabel('Mô tả ảnh cho người khiếm thị (alt)').fill(alt);
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã tải lên 1 tệp.');

  const card = page.getByRole('listitem').filter({ hasText: name });
  const preview = card.getByRole('img', { name: alt });
  await expect(preview).toBeVisible();
  // The browser really decoded the stored copy (a WebP variant chosen from srcset).
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  const address = await card.getByLabel(`Địa chỉ của “${name}”`).inputValue();
  expect(address).toMatch(/^\/media\/[0-9a-f]{24}\.png$/);
  const served = await page.request.get(address);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  await page.goto(`/quan-tri/thu-vien?q=${encodeURIComponent('toan canh hoi nghi ' + info.project.name)}`);
  await expect(page.getByText('1 tệp', { exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toBeVisible();
});

test('a file that is not an image or a document is refused with the reason', async ({ page }, info) => {
  await signIn(page, '/quan-tri/thu-vien');
  if (jsEnabled(info)) await waitForHydration(page);
  await page.getByLabel('Chọn ảnh (JPEG, PNG, WebP, GIF) hoặc tài liệu (PDF, DOCX, XLSX)').setInputFiles({
    name: 'anh-gia.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  });
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await expect(page.getByRole('alert')).toContainText('anh-gia.jpg: Không nhận loại tệp này.');
});

test('describing a photo keeps its caption for the editor', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'the description form is a server action of the hydrated page');
  await signIn(page, '/quan-tri/thu-vien');
  await waitForHydration(page);
  const name = `anh-chu-thich-${Date.now()}.png`;
  await page.getByLabel('Chọn ảnh (JPEG, PNG, WebP, GIF) hoặc tài liệu (PDF, DOCX, XLSX)').setInputFiles({
    name,
    mimeType: 'image/png',
    buffer: PNG,
  });
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã tải lên 1 tệp.');
  await waitForHydration(page);
  const card = page.getByRole('listitem').filter({ hasText: name });
  await card.getByLabel('Chú thích').fill('Ảnh: Đ/c Lê Hải Quân phát biểu');
  await card.getByLabel('Nguồn / tác giả').fill('Trung tâm Truyền thông');
  await card.getByRole('button', { name: 'Lưu mô tả' }).click();
  await expect(page.getByText('Đã lưu mô tả.')).toBeVisible();
  await page.goto('/quan-tri/thu-vien?q=le+hai+quan');
  await expect(page.getByRole('listitem').filter({ hasText: name }).getByLabel('Chú thích')).toHaveValue(
    'Ảnh: Đ/c Lê Hải Quân phát biểu',
  );
});
