import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Account, createAccount, jsEnabled, signIn, waitForHydration } from './helpers';

// The editor works in the hydrated app; the reader side of the same journey is checked without JS
// by the reader-page tests.
test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'the back office edits with JavaScript');

const suffix = `${Date.now()}`;

/** A page of its own browser context, signed in as `account`; the context closes when the test ends. */
async function signedInPage(browser: Browser, account: Account, path: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, path, account);
  await waitForHydration(page);
  return page;
}

const contexts: import('@playwright/test').BrowserContext[] = [];

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});


const editor = (page: Page) => page.getByRole('textbox', { name: 'Nội dung bài viết' });

/** Replaces the article body with `text`, typed into the rich text editor. */
async function typeBody(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function writeDraft(page: Page, title: string, body: string): Promise<string> {
  await page.goto('/quan-tri/bai-viet/moi');
  await waitForHydration(page);
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await page.getByLabel('Sapo', { exact: true }).fill('Sapo của bài kiểm thử.');
  await typeBody(page, body);
  await page.getByLabel('Chuyên mục').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page).toHaveURL(/\/quan-tri\/bai-viet\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Sửa bài viết' })).toBeVisible();
  return page.url();
}

test('an author writes and submits a draft, an editor approves it, readers see it', async ({ browser, page: reader }, info) => {
  test.skip(!jsEnabled(info));
  const author = createAccount('phong-vien', `phongvien${suffix}`);
  const editor = createAccount('bien-tap-vien-truong', `bientap${suffix}`);
  const title = `Bài kiểm thử quy trình ${suffix}`;

  const authorPage = await signedInPage(browser, author, '/quan-tri');
  const editUrl = await writeDraft(authorPage, title, 'Nội dung do phóng viên viết.');
  await expect(authorPage.getByRole('heading', { name: /Trạng thái: Nháp/ })).toBeVisible();
  await expect(authorPage.getByRole('button', { name: 'Duyệt và xuất bản' })).toHaveCount(0);
  await authorPage.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(authorPage.getByRole('heading', { name: /Trạng thái: Chờ duyệt/ })).toBeVisible();
  await expect(authorPage.getByRole('button', { name: 'Lưu', exact: true })).toHaveCount(0);

  const slug = `bai-kiem-thu-quy-trinh-${suffix}`;
  expect((await reader.goto(`/bai-viet/${slug}`))?.status()).toBe(404);

  const editorPage = await signedInPage(browser, editor, '/quan-tri');
  await expect(editorPage.getByRole('region', { name: 'Bài chờ duyệt' }).getByRole('link', { name: title })).toBeVisible();
  await editorPage.goto('/quan-tri/bai-viet?trang-thai=cho-duyet');
  await editorPage.getByRole('link', { name: title }).click();
  await expect(editorPage).toHaveURL(editUrl);
  // Dated in the past, so it does not become the home page's lead story for the other tests.
  await editorPage.getByLabel('Hẹn giờ (để trống: xuất bản ngay)').fill('2020-01-06T08:00');
  await editorPage.getByRole('button', { name: 'Duyệt và xuất bản' }).click();
  await expect(editorPage.getByRole('heading', { name: /Trạng thái: Đã xuất bản/ })).toBeVisible();

  await reader.goto(`/bai-viet/${slug}`);
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.getByText('Nội dung do phóng viên viết.')).toBeVisible();

  await editorPage.getByRole('button', { name: 'Gỡ xuống' }).click();
  await expect(editorPage.getByRole('heading', { name: /Trạng thái: Gỡ xuống/ })).toBeVisible();
  expect((await reader.goto(`/bai-viet/${slug}`))?.status()).toBe(404);
});

test('two people saving the same article: the later save is refused and keeps both texts', async ({ browser }, info) => {
  test.skip(!jsEnabled(info));
  const first = createAccount('bien-tap-vien-truong', `bientapa${suffix}`);
  const second = createAccount('bien-tap-vien-truong', `bientapb${suffix}`);
  const firstPage = await signedInPage(browser, first, '/quan-tri');
  const editUrl = await writeDraft(firstPage, `Bài hai người sửa ${suffix}`, 'Bản đầu tiên.');
  const secondPage = await signedInPage(browser, second, '/quan-tri');
  await secondPage.goto(editUrl);
  await waitForHydration(secondPage);
  await expect(secondPage.getByRole('status').filter({ hasText: `Đang mở bài này: bientapa${suffix}` })).toBeVisible();

  await typeBody(firstPage, 'Bản của người thứ nhất.');
  await firstPage.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(firstPage.getByText('Đã lưu (phiên bản 2).')).toBeVisible();

  await typeBody(secondPage, 'Bản của người thứ hai.');
  await secondPage.getByRole('button', { name: 'Lưu', exact: true }).click();
  const conflict = secondPage.getByRole('alert').filter({ hasText: 'đã lưu bài này (phiên bản 2)' });
  await expect(conflict).toBeVisible();
  await expect(conflict.locator('.diff ins')).toHaveText(['của người thứ', 'nhất.']);
  await expect(conflict.locator('.diff del')).toHaveText(['đầu', 'tiên.']);
  await expect(editor(secondPage)).toHaveText('Bản của người thứ hai.');

  await conflict.getByRole('button', { name: 'Giữ bản của tôi' }).click();
  await secondPage.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(secondPage.getByText('Đã lưu (phiên bản 3).')).toBeVisible();

  await firstPage.reload();
  await waitForHydration(firstPage);
  await expect(editor(firstPage)).toHaveText('Bản của người thứ hai.');
  await firstPage.getByLabel('So sánh').selectOption('2');
  await firstPage.getByLabel('với').selectOption('3');
  await firstPage.getByRole('button', { name: 'So sánh', exact: true }).click();
  await expect(firstPage.locator('.diff del')).toHaveText('nhất.');
  await expect(firstPage.locator('.diff ins')).toHaveText('hai.');
});
