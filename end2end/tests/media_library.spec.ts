import { expect, test } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { jsEnabled, signIn, waitForHydration } from './helpers';

/** CRC-32 as PNG chunks use it. */
function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/**
 * A 48×32 PNG, left half red and right half a blue that differs with `shade`: the library keeps one
 * copy of identical pictures, so each test uploads its own.
 */
function png(shade: number): Buffer {
  const [width, height] = [48, 32];
  const row = (y: number) =>
    Buffer.from([0, ...Array.from({ length: width }, (_, x) => (x < 24 ? [200, 40, 60] : [20, 40 + (shade % 200), 220 - y])).flat()]);
  const raw = Buffer.concat(Array.from({ length: height }, (_, y) => row(y)));
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The upload is a plain multipart form, so it is tested with JavaScript on and off.
test('an editor uploads a photo, finds it in the library and the portal serves it', async ({ page }, info) => {
  await signIn(page, '/quan-tri/thu-vien');
  if (jsEnabled(info)) await waitForHydration(page);
  const name = `anh-kiem-thu-${info.project.name}-${Date.now()}.png`;
  const alt = `Toàn cảnh hội nghị ${info.project.name}`;

  await page.getByLabel('Chọn ảnh (JPEG, PNG, WebP, GIF) hoặc tài liệu (PDF, DOCX, XLSX)').setInputFiles({
    name,
    mimeType: 'image/png',
    buffer: png(jsEnabled(info) ? 1 : 2),
  });
  await page.getByLabel('Mô tả ảnh cho người khiếm thị (alt)').fill(alt);
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã tải lên 1 tệp.');

  const card = page.getByRole('listitem').filter({ hasText: name });
  const preview = card.getByRole('img', { name: alt });
  await expect(preview).toBeVisible();
  // The browser really loaded and decoded the stored WebP copy it chose from srcset.
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc))
    .toMatch(/\/media\/[0-9a-f]{24}-48\.webp$/);
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
    buffer: png(3),
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
