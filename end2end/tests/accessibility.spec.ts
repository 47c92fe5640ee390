import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { SEED_SLUG, jsEnabled, signIn, waitForHydration } from './helpers';

const pages = {
  home: '/',
  category: '/chuyen-muc/tin-tuc-su-kien',
  article: `/bai-viet/${SEED_SLUG}`,
  search: '/tim-kiem?q=chuyen+doi+so',
  'static page': '/trang/gioi-thieu',
  'site map': '/so-do-trang',
  documents: '/van-ban',
  'documents filtered': '/van-ban?type=quyet-dinh&effect=het-hieu-luc',
  document: '/van-ban/15-2023-qd-ubnd',
  'not found': '/khong-co-trang-nay',
  'sign-in': '/quan-tri/dang-nhap',
};

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const backOfficePages = [
  '/quan-tri',
  '/quan-tri/thong-ke',
  '/quan-tri/bai-viet',
  '/quan-tri/bai-viet/moi',
  '/quan-tri/chuyen-muc',
  '/quan-tri/lien-ket',
  '/quan-tri/thu-vien',
  '/quan-tri/tai-khoan',
  '/quan-tri/cai-dat',
  '/quan-tri/nhat-ky',
  '/quan-tri/doi-mat-khau',
];

test('the back-office pages have no serious or critical accessibility violations', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'axe-core runs as a script in the page');
  await signIn(page);
  for (const path of backOfficePages) {
    await page.goto(path);
    await waitForHydration(page);
    await expect(page.locator('h1'), path).toHaveCount(1);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

for (const [name, path] of Object.entries(pages)) {
  test(`the ${name} page has no serious or critical accessibility violations (WCAG 2.1 AA)`, async ({ page }, info) => {
    test.skip(!jsEnabled(info), 'axe-core runs as a script in the page');
    await page.goto(path);
    await waitForHydration(page);
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.locator('h1')).toHaveCount(1);
  });
}

// Lighthouse's accessibility score counts this best-practice rule, which the WCAG run above leaves out.
test('reader pages’ headings go down one level at a time', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'axe-core runs as a script in the page');
  for (const path of [pages.home, pages.category, pages.article, pages.search]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
    const skips = results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
    expect(skips, path).toEqual([]);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('reader pages with the menu open have no serious or critical accessibility violations', async ({ page }, info) => {
    test.skip(!jsEnabled(info), 'axe-core runs as a script in the page');
    for (const path of [pages.home, pages.article]) {
      await page.goto(path);
      await waitForHydration(page);
      await page.locator('.phone-menu > summary').click();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});
