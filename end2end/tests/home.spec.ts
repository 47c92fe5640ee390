import { expect, test } from './fixtures';
import { SEED_TITLE, jsEnabled, waitForHydration } from './helpers';

test('the home page is complete from the server: header, stories, widgets and footer', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('Sở Thông tin và truyền thông Thanh Hóa');
  await expect(page.locator('.brand-name')).toHaveText('Sở Thông tin và truyền thông Thanh Hóa');
  await expect(page.locator('.lead-story .card-title')).toHaveText(SEED_TITLE);
  await expect(page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Chuyển đổi số' })).toBeVisible();

  const links = page.locator('.web-links');
  await expect(links.getByRole('heading', { name: 'Liên kết website' })).toBeVisible();
  await links.getByText('Liên kết chính phủ').click();
  await expect(links.getByRole('link', { name: /Cổng Thông tin điện tử Chính phủ/ })).toHaveAttribute('href', 'https://chinhphu.vn');

  const stats = page.locator('.visitor-stats');
  await expect(stats.getByRole('heading', { name: 'Thống kê truy cập' })).toBeVisible();
  // The demo continues from the old site's total; earlier tests' page views have been added since.
  await expect(stats.locator('[data-stat="total"]')).toHaveText(/^78\d{5}$/);
  for (const label of ['Đang online:', 'Hôm nay:', 'Đã truy cập:']) {
    await expect(stats.getByText(label)).toBeVisible();
  }

  const footer = page.locator('footer');
  for (const line of [
    'TRANG THÔNG TIN ĐIỆN TỬ SỞ THÔNG TIN VÀ TRUYỀN THÔNG THANH HÓA',
    'Giấy phép số 12/GP-TTĐT do Cục Quản lý Phát thanh, Truyền hình và Thông tin điện tử cấp ngày 11/4/2014',
    'Chịu trách nhiệm: Ông Đỗ Hữu Quyết - Giám đốc',
    'Địa chỉ: Tòa nhà Trung tâm Công nghệ thông tin tỉnh Thanh Hóa, Đại lộ Nam Sông Mã - Phố Ái Sơn 2 - Phường Đông Hải - Thành phố Thanh Hóa',
    'Số ĐT: (02373) 713.985 - Fax: (02373) 713.985',
    'Website được thiết kế bởi Trung tâm Công nghệ thông tin và truyền thông Thanh Hóa',
  ]) {
    await expect(footer.getByText(line, { exact: true })).toBeVisible();
  }
});

test('home → category → article → back works, in the browser once hydrated', async ({ page }, info) => {
  await page.goto('/');
  if (jsEnabled(info)) {
    await waitForHydration(page);
    // A full page load would wipe this marker; client-side navigation keeps it.
    await page.evaluate(() => ((window as unknown as { navigationMarker: number }).navigationMarker = 42));
  }
  await page.locator('.category-section .section-title').getByRole('link', { name: 'Tin tức - Sự kiện' }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/tin-tuc-su-kien$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tin tức - Sự kiện');
  await expect(page).toHaveTitle(/^Tin tức - Sự kiện - /);

  await page.getByRole('link', { name: SEED_TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_TITLE);
  await expect(page).toHaveTitle(`${SEED_TITLE} - Sở Thông tin và truyền thông Thanh Hóa`);

  await page.goBack();
  await expect(page).toHaveURL(/\/chuyen-muc\/tin-tuc-su-kien$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tin tức - Sự kiện');
  if (jsEnabled(info)) {
    expect(await page.evaluate(() => (window as unknown as { navigationMarker?: number }).navigationMarker)).toBe(42);
  }
});

test('an unknown address answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/khong-co-trang-nay');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await expect(page.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
  await page.getByLabel('Từ khóa').fill('chuyen doi so');
  await page.getByRole('main').getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=chuyen\+doi\+so/);
  await expect(page.locator('.search-result').first()).toBeVisible();
  const article = await page.goto('/bai-viet/bai-viet-khong-ton-tai');
  expect(article?.status()).toBe(404);
});
