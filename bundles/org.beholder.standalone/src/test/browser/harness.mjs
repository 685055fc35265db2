// Starts the real standalone Beholder with --demo and a real headless Chromium for the page tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const JAR = process.env.BEHOLDER_JAR;
const JAVA = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

export async function startBeholder() {
  if (!JAR) {
    throw new Error('BEHOLDER_JAR is not set (the Maven build sets it)');
  }
  const data = mkdtempSync(join(tmpdir(), 'beholder-page-'));
  const child = spawn(JAVA, ['--enable-native-access=ALL-UNNAMED', '-jar', JAR, '--demo', '--port', '0', '--data', data],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Beholder did not start:\n${output}`)), 90_000);
    const read = (chunk) => {
      output += chunk;
      const url = output.match(/open (http:\/\/\S+\/beholder\/)/);
      const password = output.match(/password: (\S+)/);
      if (url && password) {
        clearTimeout(timer);
        resolve({ url: url[1], password: password[1] });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`Beholder exited (${code}):\n${output}`)));
  });
  const { url, password } = await ready;
  return {
    url,
    origin: new URL(url).origin,
    credentials: { username: 'demo', password },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/**
 * A browser context logged in the way the page logs in: POST /beholder/login sets the session cookie in the
 * context's cookie jar, which every page of the context then sends.
 */
export async function loggedIn(browser, beholder, options = {}) {
  const context = await browser.browser.newContext(options);
  const answer = await context.request.post(beholder.origin + '/beholder/login',
    { data: { name: beholder.credentials.username, password: beholder.credentials.password } });
  if (!answer.ok()) {
    throw new Error(`login failed: ${answer.status()} ${await answer.text()}`);
  }
  return context;
}

/** Debian's Chromium; Playwright gives every launch a fresh temporary profile (its own --user-data-dir). */
export async function startBrowser() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      // WebGL in software for the Pixi.js effects; a real browser uses its GPU
      '--enable-unsafe-swiftshader'],
  });
  return { browser, close: () => browser.close() };
}
