import { expect, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEED_SLUG = 'hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023';
export const SEED_TITLE = 'Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023';

export const jsEnabled = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;

/** The reference page's article lines (lead first, "Ảnh:" captions where the photos stand), from ../shared. */
export function referenceArticleLines(): string[] {
  const text = readFileSync(resolve(__dirname, '../../../shared/seed-article.md'), 'utf8');
  const body = text.split('```text')[2].split('```')[0];
  return body.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

/** Collects console errors and uncaught exceptions so a test can assert there were none. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Waits until the wasm bundle has hydrated the server-rendered page. */
export async function waitForHydration(page: Page) {
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1, { timeout: 15_000 });
}
