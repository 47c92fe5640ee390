import { expect, test } from './fixtures';
import { jsEnabled, png, signIn, waitForHydration } from './helpers';

// The upload is a plain multipart form, so it is tested with JavaScript on and off; with JavaScript
// the page sends each file itself and shows its progress.
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
  await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
  if (jsEnabled(info)) {
    await expect(page.locator('.upload-list li').filter({ hasText: name })).toContainText('Đã tải lên');
    await expect(page.getByRole('progressbar', { name: `Tải lên ${name}` })).toHaveAttribute('value', '100');
  } else {
    await expect(page.getByRole('status')).toHaveText('Đã tải lên 1 tệp.');
  }

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
  await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
  if (jsEnabled(info)) {
    await expect(page.locator('.upload-list li').filter({ hasText: 'anh-gia.jpg' })).toContainText(
      'Không tải lên được: Không nhận loại tệp này.',
    );
  } else {
    await expect(page.getByRole('alert')).toContainText('anh-gia.jpg: Không nhận loại tệp này.');
  }
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
  await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
  const card = page.getByRole('listitem').filter({ hasText: name }).filter({ has: page.getByLabel('Chú thích') });
  await card.getByLabel('Chú thích').fill('Ảnh: Đ/c Lê Hải Quân phát biểu');
  await card.getByLabel('Nguồn / tác giả').fill('Trung tâm Truyền thông');
  await card.getByRole('button', { name: 'Lưu mô tả' }).click();
  await expect(page.getByText('Đã lưu mô tả.')).toBeVisible();
  await page.goto('/quan-tri/thu-vien?q=le+hai+quan');
  await expect(page.getByRole('listitem').filter({ hasText: name }).getByLabel('Chú thích')).toHaveValue(
    'Ảnh: Đ/c Lê Hải Quân phát biểu',
  );
});

test('files dropped or pasted on the library upload one by one with a progress bar each', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'dropping and pasting files needs JavaScript; the form above does not');
  // The upload script arrives late, as on a slow line: files dropped before it wait for it.
  let releaseScript = () => {};
  const scriptHeld = new Promise<void>((resolve) => (releaseScript = resolve));
  await page.route('**/editor/editor.js', async (route) => {
    await scriptHeld;
    await route.continue();
  });
  await signIn(page, '/quan-tri/thu-vien');
  await waitForHydration(page);
  const zone = page.getByRole('button', { name: /Kéo thả tệp vào đây/ });
  const names = [`anh-keo-tha-a-${Date.now()}.png`, `anh-keo-tha-b-${Date.now()}.png`];
  const pictures = [png(4).toString('base64'), png(5).toString('base64')];
  await zone.evaluate(
    (element, { names, pictures }) => {
      const data = new DataTransfer();
      names.forEach((name, i) => {
        const bytes = Uint8Array.from(atob(pictures[i]), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], name, { type: 'image/png' }));
      });
      element.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { names, pictures },
  );
  releaseScript();
  for (const name of names) {
    await expect(page.getByRole('progressbar', { name: `Tải lên ${name}` })).toHaveAttribute('value', '100');
    await expect(page.getByRole('listitem').filter({ hasText: name }).filter({ has: page.getByLabel('Chú thích') })).toBeVisible();
  }

  const pasted = `anh-dan-${Date.now()}.png`;
  const picture = png(6).toString('base64');
  await zone.evaluate(
    (element, { pasted, picture }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(picture), (c) => c.charCodeAt(0))], pasted, { type: 'image/png' }));
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { pasted, picture },
  );
  await expect(page.locator('.upload-list li').filter({ hasText: pasted })).toContainText('Đã tải lên');
});
