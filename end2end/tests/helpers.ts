import { expect, type Page, type TestInfo } from '@playwright/test';
import { ADMIN } from '../playwright.config';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

export const SEED_SLUG = 'hoi-nghi-tong-ket-cong-tac-dang-nam-2022-va-trien-khai-nhiem-vu-cong-tac-nam-2023';
export const SEED_TITLE = 'Hội nghị tổng kết công tác Đảng năm 2022 và triển khai nhiệm vụ công tác năm 2023';

export const jsEnabled = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;

/** The reference page's article lines (lead first, "Ảnh:" captions where the photos stand), from ../shared. */
export function referenceArticleLines(): string[] {
  const text = readFileSync(resolve(__dirname, '../../../shared/seed-article.md'), 'utf8');
  const body = text.split('```text')[2].split('```')[0];
  return body.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

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
 * A PNG (48×32 unless told), left half red and right half a blue that differs with `shade`: the library keeps one
 * copy of identical pictures, so each test uploads its own.
 */
export function png(shade: number, width = 48, height = 32): Buffer {
  const row = (y: number) =>
    Buffer.from([0, ...Array.from({ length: width }, (_, x) => (x < width / 2 ? [200, 40, 60] : [20, 40 + (shade % 200), (220 - y) & 255])).flat()]);
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

/** Waits until the wasm bundle has hydrated the server-rendered page. */
export async function waitForHydration(page: Page) {
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1, { timeout: 15_000 });
}

export interface Account {
  username: string;
  password: string;
}

/** Signs in as `account` (the administrator the test server was started with, unless given), from a back-office page. */
export async function signIn(page: Page, path = '/quan-tri/thong-ke', account: Account = ADMIN) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/quan-tri\/dang-nhap\?tiep=/);
  await page.getByLabel('Tên đăng nhập hoặc email').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

/** Creates a back-office account in the test server's database with the `create-user` command. */
export function createAccount(role: 'quan-tri' | 'bien-tap-vien-truong' | 'phong-vien', username: string): Account {
  const password = 'mat-khau-kiem-thu-2026';
  const made = spawnSync(
    resolve(__dirname, '../../target/release/server'),
    ['create-user', '--username', username, '--email', `${username}@stttt.example.gov.vn`, '--display-name', username, '--role', role],
    { env: { PATH: process.env.PATH, DATABASE_URL: `sqlite://${resolve(__dirname, '../.data/e2e.db')}`, PORTAL_USER_PASSWORD: password }, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`create-user failed: ${made.stderr}`);
  return { username, password };
}

/** The release server on a port and database of its own, which a test may stop and start again. */
export class RestartableServer {
  private process?: ChildProcess;
  private readonly folder = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  readonly url: string;

  constructor(private readonly port: number) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start() {
    this.process = spawn(resolve(__dirname, '../../target/release/server'), ['serve'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite://${this.folder}/portal.db`,
        LEPTOS_SITE_ADDR: `127.0.0.1:${this.port}`,
        LEPTOS_SITE_ROOT: resolve(__dirname, '../../target/site'),
        PORTAL_DEMO_CONTENT: 'true',
        RUST_LOG: 'warn',
      },
      stdio: 'ignore',
    });
    for (let attempt = 0; attempt < 300; attempt++) {
      try {
        if ((await fetch(`${this.url}/api/thong-ke`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`the server on ${this.url} did not start`);
  }

  /** SIGTERM, as a service manager stops it; resolves when the process has exited. */
  async stop() {
    const running = this.process;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill('SIGTERM');
    await exited;
  }
}
