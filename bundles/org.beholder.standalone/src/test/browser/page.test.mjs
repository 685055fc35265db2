// The Beholder page in a real browser (Debian's Chromium) against the real standalone --demo.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loggedIn, startBeholder, startBrowser } from './harness.mjs';

const SCREENSHOTS = process.env.SCREENSHOTS || 'target/screenshots';
let beholder;
let browser;
let page;

/** Per video: playback position, picture width and how far behind the newest buffered data it is. */
function videoStates(selector = 'video[data-channel]') {
  return page.$$eval(selector, (videos) => videos.map((v) => ({
    channel: v.dataset.channel, time: v.currentTime, width: v.videoWidth,
    behind: v.buffered.length ? v.buffered.end(v.buffered.length - 1) - v.currentTime : null,
  })));
}

async function waitUntil(description, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last === true) {
      return;
    }
    await page.waitForTimeout(100);
  }
  assert.fail(`${description}: not within ${timeoutMs} ms (last seen: ${JSON.stringify(last)})`);
}

async function api(path, method = 'GET') {
  return page.evaluate(async ([p, m]) => {
    const response = await fetch(`/beholder/api/${p}`, { method: m });
    return response.json();
  }, [path, method]);
}

describe('Beholder page', () => {
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    beholder = await startBeholder();
    browser = await startBrowser();
    const context = await loggedIn(browser, beholder, { viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  });

  after(async () => {
    await browser?.close();
    await beholder?.stop();
  });

  test('refuses visitors who are not logged in', async () => {
    const anonymous = await browser.browser.newContext();
    for (const path of ['/beholder/', '/beholder/embed?channel=garden', '/beholder/events?channel=garden']) {
      const response = await anonymous.request.get(beholder.origin + path, { maxRedirects: 0 });
      assert.equal(response.status(), 302, path);
      assert.match(response.headers()['location'] || '', /\/beholder\/login\.html\?next=/, path);
    }
    for (const path of ['/beholder/js/app.js', '/beholder/api/channels']) {
      const response = await anonymous.request.get(beholder.origin + path);
      assert.equal(response.status(), 401, path);
      assert.equal(response.headers()['www-authenticate'], undefined, `no Basic dialog: ${path}`);
    }
    await anonymous.close();
  });

  test('logs in on the login page and out again', async () => {
    const context = await browser.browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(beholder.url);
    await visitor.waitForURL(/\/beholder\/login\.html/);
    await visitor.fill('#name', beholder.credentials.username);
    await visitor.fill('#password', 'not the password');
    await visitor.click('#submit');
    await visitor.waitForFunction(() => document.getElementById('problem').textContent.length > 0);
    await visitor.fill('#password', beholder.credentials.password);
    await visitor.click('#submit');
    await visitor.waitForSelector('video[data-channel]');
    assert.equal(new URL(visitor.url()).pathname, '/beholder/');
    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.httpOnly && c.sameSite === 'Strict'), JSON.stringify(cookies));
    await visitor.click('#logout');
    await visitor.waitForURL(/\/beholder\/login\.html/);
    assert.equal((await context.request.get(beholder.origin + '/beholder/api/channels')).status(), 401,
      'the session ended');
    await context.close();
  });

  test('every tile of the grid plays within 5 s', async () => {
    const started = Date.now();
    await page.goto(beholder.url);
    await page.waitForSelector('video[data-channel]');
    const first = await videoStates();
    assert.equal(first.length, 3, 'three demo cameras');
    await waitUntil('all tiles playing', async () => {
      const states = await videoStates();
      return states.every((s) => s.time > 0.3 && s.width > 0) || states;
    }, 5000 - (Date.now() - started));
    await page.screenshot({ path: join(SCREENSHOTS, 'grid.png') });
  });

  test('after 10 s every tile is at most 0.5 s behind the newest data', async () => {
    await page.waitForTimeout(10_000);
    const states = await videoStates();
    for (const state of states) {
      assert.ok(state.behind !== null && state.behind <= 0.5, `${state.channel} is ${state.behind} s behind`);
    }
    await page.waitForTimeout(1000);
    const again = await videoStates();
    for (let i = 0; i < states.length; i++) {
      assert.ok(again[i].time > states[i].time, `${states[i].channel} still advancing`);
    }
  });

  test('an effect changes the rendered pixels', async () => {
    const select = 'select[aria-label="Effect for Lobby (looping file)"]';
    await page.selectOption(select, 'edges');
    const canvas = '[data-channel="lobby"] canvas';
    await page.waitForSelector(canvas, { timeout: 10_000 });
    await page.waitForTimeout(1500);
    // Edge glow keeps a quarter of the picture's brightness and draws its edges in cyan: the mean brightness
    // falls and green outweighs red, while the black-and-white pinwheel underneath has red equal to green.
    const means = await page.evaluate((selector) => {
      const mean = (source, width, height) => {
        const scratch = document.createElement('canvas');
        scratch.width = width;
        scratch.height = height;
        const g = scratch.getContext('2d');
        g.drawImage(source, 0, 0, width, height);
        const pixels = g.getImageData(0, 0, width, height).data;
        const sum = [0, 0, 0];
        for (let i = 0; i < pixels.length; i += 4) {
          sum[0] += pixels[i];
          sum[1] += pixels[i + 1];
          sum[2] += pixels[i + 2];
        }
        return sum.map((v) => v / (pixels.length / 4));
      };
      const video = document.querySelector('video[data-channel="lobby"]');
      const effect = document.querySelector(selector);
      return { video: mean(video, 320, 180), effect: mean(effect, effect.width, effect.height) };
    }, canvas);
    const brightness = (rgb) => (rgb[0] + rgb[1] + rgb[2]) / 3;
    assert.ok(brightness(means.video) > 60, `the pinwheel is bright: ${JSON.stringify(means)}`);
    assert.ok(brightness(means.effect) < brightness(means.video) * 0.6, `darker: ${JSON.stringify(means)}`);
    assert.ok(means.effect[1] > means.effect[0] * 1.2, `cyan edges: ${JSON.stringify(means)}`);
    assert.ok(Math.abs(means.video[1] - means.video[0]) < 10, `video is grey: ${JSON.stringify(means)}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'grid-effect.png') });
    await page.selectOption(select, 'none');
    assert.equal(await page.locator(canvas).count(), 0, 'no effect, no canvas');
  });

  test('the channel view shows live video, statistics and a manual recording in its events', async () => {
    await page.goto(`${beholder.url}#/channel/garden`);
    await waitUntil('channel video playing', async () => {
      const [state] = await videoStates();
      return (state && state.time > 0.3 && state.width === 640) || state;
    }, 10_000);
    await page.getByRole('button', { name: 'Record 30 s' }).click();
    await page.waitForTimeout(4000);
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await waitUntil('recording stopped event listed', async () => {
      const types = await page.$$eval('.events li', (items) => items.map((li) => li.textContent));
      return types.some((t) => t.includes('recording stopped')) || types;
    }, 20_000);
    const statistics = await page.textContent('dl.stats');
    assert.match(statistics, /640×360/);
    assert.match(statistics, /H\.264/);
    await page.screenshot({ path: join(SCREENSHOTS, 'channel.png') });
  });

  test('the recording appears on the timeline, plays and seeks', async () => {
    // What the timeline shows, as the page fetched it: the time window it asked for and the recordings in it.
    let shown = null;
    const onResponse = async (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/beholder/api/channels/garden/recordings' && response.ok()) {
        shown = { from: Date.parse(url.searchParams.get('from')), to: Date.parse(url.searchParams.get('to')),
          recordings: await response.json() };
      }
    };
    page.on('response', onResponse);
    await page.goto(`${beholder.url}#/recordings/garden`);
    await waitUntil('timeline fetched a finished recording',
      () => shown?.recordings.some((r) => !r.open) || 'no closed recording yet', 10_000);
    page.off('response', onResponse);
    const timeline = page.locator('canvas.timeline[data-channel="garden"]');
    const drawn = new RegExp(`: ${shown.recordings.length} recordings? shown`);
    await waitUntil('the timeline tells what it drew', async () => {
      const label = await timeline.getAttribute('aria-label');
      return drawn.test(label) || label;
    }, 5000);
    // Click the middle of the recorded span on the canvas, which spans the fetched window.
    const recording = shown.recordings.find((r) => !r.open);
    const middle = (Date.parse(recording.start) + Date.parse(recording.end)) / 2;
    const box = await timeline.boundingBox();
    const point = { x: box.x + ((middle - shown.from) / (shown.to - shown.from)) * box.width,
      y: box.y + box.height / 2 };
    await page.mouse.click(point.x, point.y);
    const playback = 'video[aria-label="Recording playback"]';
    await waitUntil('recording loaded', () => page.$eval(playback, (v) => v.readyState >= 2 || v.readyState),
      15_000);
    const clickedAt = await page.$eval(playback, (v) => v.currentTime);
    assert.ok(clickedAt > 1, `started from the clicked moment, not the beginning: ${clickedAt}`);
    await waitUntil('recording playing on', () => page.$eval(playback, (v, from) => (v.currentTime > from + 0.5
      && !v.paused) || { time: v.currentTime, paused: v.paused }, clickedAt), 10_000);
    const duration = await page.$eval(playback, (v) => v.duration);
    assert.ok(duration >= 4, `pre-roll plus about 4 s recorded, got ${duration}`);
    await page.$eval(playback, (v) => { v.currentTime = 1; });
    await waitUntil('seeked to 1 s and playing on', () => page.$eval(playback, (v) => (!v.seeking
      && v.currentTime >= 1 && v.currentTime < 3) || { time: v.currentTime, seeking: v.seeking }), 10_000);
    const download = await page.getAttribute('.playback a', 'href');
    assert.match(download, /\/download$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'timeline.png') });
  });

  test('the embed page plays by itself', async () => {
    await page.goto(`${beholder.origin}/beholder/embed?channel=driveway`);
    await waitUntil('embed playing', async () => {
      const [state] = await videoStates('video#player');
      return (state.time > 0.3 && state.width > 0) || state;
    }, 8000);
    assert.equal(await page.locator('header, nav').count(), 0, 'only the player');
  });

  test('the embed page of an unknown channel says so and stops', async () => {
    const sockets = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(`${beholder.origin}/beholder/embed?channel=nowhere`);
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('No live view'));
    const said = await page.textContent('#status');
    assert.match(said, /nowhere.*not found/i);
    await page.waitForTimeout(2500); // a reconnecting player would have tried again by now
    assert.equal(await page.textContent('#status'), said, 'no "reconnecting"');
    assert.deepEqual(sockets, [], 'no live socket for a channel that does not exist');
  });

  test('the embeddable event list shows a channel\'s events and adds new ones live', async () => {
    await page.goto(`${beholder.origin}/beholder/events?channel=garden`);
    await waitUntil('past recording events listed', () => page.$$eval('ol.events li',
      (items) => items.some((li) => li.dataset.type === 'recording') || items.length), 5000);
    const link = page.locator('ol.events li a').first();
    assert.equal(await link.getAttribute('target'), '_top', 'links leave the dashboard frame');
    assert.match(await link.getAttribute('href'), /^\.\/#\/recordings\/garden\?at=/);
    await page.waitForSelector('body[data-feed="live"]', { timeout: 5000 });
    const before = await page.locator('ol.events li').count();
    // One recording event, whatever the demo's motion is doing: stop the running recording, or start one.
    const garden = await api('channels/garden');
    await api(garden.recording ? 'channels/garden/record/stop' : 'channels/garden/record?seconds=2', 'POST');
    await waitUntil('the new recording arrives without reloading', async () => {
      const count = await page.locator('ol.events li').count();
      const type = await page.locator('ol.events li').first().getAttribute('data-type');
      return (count > before && type === 'recording') || { before, count, type };
    }, 8000);
    assert.equal(await page.locator('video').count(), 0, 'only the list');
  });

  test('is usable on a phone', async () => {
    const phone = await loggedIn(browser, beholder,
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const small = await phone.newPage();
    await small.goto(beholder.url);
    await small.waitForSelector('video[data-channel]');
    const layout = await small.evaluate(() => ({
      overflow: document.scrollingElement.scrollWidth - window.innerWidth,
      widths: [...document.querySelectorAll('.tile')].map((t) => t.getBoundingClientRect().width),
      columns: new Set([...document.querySelectorAll('.tile')].map((t) => Math.round(t.getBoundingClientRect().left)))
        .size,
      clipped: [...document.querySelectorAll('.tile select, .tile header a')].filter((control) => {
        const tile = control.closest('.tile').getBoundingClientRect();
        const box = control.getBoundingClientRect();
        return box.right > tile.right + 0.5 || box.left < tile.left - 0.5;
      }).map((control) => control.getAttribute('aria-label') || control.textContent),
    }));
    assert.deepEqual(layout.clipped, [], 'every control inside its tile');
    assert.ok(layout.overflow <= 0, `no sideways scrolling: ${JSON.stringify(layout)}`);
    assert.equal(layout.columns, 1, 'one tile per row');
    await small.waitForTimeout(2000);
    await small.screenshot({ path: join(SCREENSHOTS, 'phone.png') });
    await phone.close();
  });

  test('no camera credentials reach the page', async () => {
    const channels = await api('channels');
    assert.equal(channels.length, 3);
    for (const channel of channels) {
      assert.equal(channel.url, undefined);
      assert.equal(channel.username, undefined);
    }
  });
});
