import { expect, test } from './fixtures';
import { SEED_SLUG, jsEnabled, waitForHydration } from './helpers';

// The page's Content-Security-Policy must block nothing the site itself needs: the reader and hydration
// scripts carry the response's nonce (or, on pages from the page cache, are named by their hashes),
// styles come from the style sheet, the wasm may compile.
for (const path of ['/', `/bai-viet/${SEED_SLUG}`, '/tim-kiem?q=thanh+hoa', '/quan-tri/dang-nhap']) {
  test(`${path}: the security policy is sent and blocks nothing the page uses`, async ({ page }, info) => {
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
      });
    });
    const response = await page.goto(path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    const fromCache = path === '/' || path.startsWith('/bai-viet/');
    expect(policy).toMatch(
      fromCache
        ? /script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+ 'wasm-unsafe-eval'/
        : /script-src 'self' 'nonce-[A-Za-z0-9_-]+' 'wasm-unsafe-eval'/,
    );
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    if (!jsEnabled(info)) return;
    await waitForHydration(page);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
}
