// Debian's Chromium driven by playwright-core (no browser download): the console's tests and
// its screenshots. Every console error or uncaught exception in a page is collected.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = () => fs.existsSync(CHROMIUM);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The closed network here refuses Chromium's background connections: turn them off.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  await page.goto(url);
  return { page, problems };
}

export async function signInAs(page: Page, username: string, password: string, institution?: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  if (institution) await page.getByLabel(/单位代码/).fill(institution);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('who').waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.getByLabel('用户名').waitFor();
}

/** Picks an option of the open Ant Design select (its visible list, not the hidden a11y one). */
export const chooseOption = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();

export const goTo = (page: Page, label: string) => page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: label, exact: true }).click();
