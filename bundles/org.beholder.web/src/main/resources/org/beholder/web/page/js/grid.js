// The live grid: every channel playing at once, muted, with status, recording indicator and last event.
import { api, describeEvent, timeOf } from './api.js';
import { el, badge, renderRecording } from './dom.js';
import { LivePlayer, disposePlayer } from './player.js';
import { EffectLayer, effectSelect } from './effects.js';

export async function showGrid(view, feed) {
  const channels = await api('channels');
  const grid = el('section', { class: 'grid', 'aria-label': 'Live cameras' });
  const tiles = new Map();
  for (const channel of channels) {
    const tile = tileFor(channel);
    tiles.set(channel.id, tile);
    grid.append(tile.node);
  }
  view.replaceChildren(channels.length ? grid : el('p', {}, 'No cameras configured.'));
  const unsubscribe = feed.subscribe((event) => tiles.get(event.channel)?.update(event));
  return () => {
    unsubscribe();
    for (const tile of tiles.values()) {
      tile.dispose();
    }
  };
}

function tileFor(channel) {
  const video = el('video', { muted: true, playsinline: true, autoplay: true, 'aria-label': `${channel.label} live`,
    'data-channel': channel.id });
  const stage = el('div', { class: 'stage' }, video);
  let statusBadge = badge(channel.status);
  const rec = el('span', { class: 'rec', role: 'status' });
  let recording = channel.recording;
  let paused = channel.recordingPaused;
  renderRecording(rec, recording, paused);
  const last = el('span', { class: 'last-event' }, channel.lastEvent ? lastEventText(channel.lastEvent) : '');
  const layer = new EffectLayer(stage, video);
  const header = el('header', {}, el('a', { href: `#/channel/${encodeURIComponent(channel.id)}` }, channel.label),
    statusBadge, rec, last, effectSelect(layer, channel.label));
  const player = new LivePlayer(video, channel.id);
  player.start();
  return {
    node: el('article', { class: 'tile', 'data-channel': channel.id }, header, stage),
    update(event) {
      if (event.type === 'status') {
        const next = badge({ state: event.details.state, message: event.details.message });
        statusBadge.replaceWith(next);
        statusBadge = next;
        recording = event.details.recording ?? recording;
        paused = event.details.recordingPaused || null;
        renderRecording(rec, recording, paused);
      } else if (event.type === 'recording') {
        recording = event.details.phase === 'started';
        renderRecording(rec, recording, paused);
        last.textContent = lastEventText(event);
      } else if (event.type !== 'statistics') {
        last.textContent = lastEventText(event);
      }
    },
    dispose() {
      layer.destroy();
      disposePlayer(player);
    },
  };
}

function lastEventText(event) {
  return `${describeEvent(event)} · ${timeOf(event.time)}`;
}
