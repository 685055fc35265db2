// One channel: large live view, snapshot, statistics, events and manual recording.
import { api } from './api.js';
import { eventItem, eventList } from './eventlist.js';
import { el, badge, renderRecording } from './dom.js';
import { LivePlayer, disposePlayer } from './player.js';
import { EffectLayer, effectSelect } from './effects.js';

export async function showChannel(view, feed, id) {
  const channel = await api(`channels/${encodeURIComponent(id)}`);
  const video = el('video', { muted: true, playsinline: true, autoplay: true, 'aria-label': `${channel.label} live`,
    'data-channel': channel.id });
  const stage = el('div', { class: 'stage' }, video);
  const layer = new EffectLayer(stage, video);
  const player = new LivePlayer(video, channel.id);
  player.start();

  let statusBadge = badge(channel.status);
  const warning = el('p', { class: 'warning', role: 'alert' }, channel.status.warning || '');
  const message = el('p', { class: 'status-message' }, channel.status.message);
  const rec = el('span', { class: 'rec', role: 'status' });
  let recording = channel.recording;
  let paused = channel.recordingPaused;
  renderRecording(rec, recording, paused);
  const notice = el('p', { class: 'warning notice', role: 'alert' });
  const recordButton = el('button', { type: 'button', onclick: () => record(channel.id, 30, recordButton, notice) },
    'Record 30 s');
  const stopButton = el('button', { type: 'button', onclick: () => api(`channels/${encodeURIComponent(channel.id)}`
    + '/record/stop', { method: 'POST' }).then(() => { notice.textContent = ''; },
    (error) => { notice.textContent = error.message; }) }, 'Stop recording');
  const controls = el('div', { class: 'controls' }, recordButton, stopButton,
    el('a', { href: channel.snapshotUrl, target: '_blank', rel: 'noopener' }, 'Snapshot'),
    el('a', { href: `#/recordings/${encodeURIComponent(channel.id)}` }, 'Recordings'),
    effectSelect(layer, channel.label));
  const stats = el('dl', { class: 'stats', 'aria-label': 'Statistics' });
  renderStats(stats, channel.statistics);
  const events = await eventList(id);
  const side = el('aside', {},
    el('section', { class: 'panel' }, el('h2', {}, 'Statistics'), stats),
    el('section', { class: 'panel' }, el('h2', {}, 'Events'), events));
  const heading = el('h1', { class: 'panel' }, channel.label, ' ', statusBadge, ' ', rec);
  view.replaceChildren(el('div', { class: 'channel' },
    el('section', {}, heading, stage, message, warning, controls, notice), side));

  const unsubscribe = feed.subscribe((event) => {
    if (event.channel !== channel.id) {
      return;
    }
    if (event.type === 'statistics') {
      renderStats(stats, { ...channel.statistics, ...event.details });
    } else if (event.type === 'status') {
      const next = badge({ state: event.details.state, message: event.details.message });
      statusBadge.replaceWith(next);
      statusBadge = next;
      message.textContent = event.details.message;
      warning.textContent = event.details.warning || '';
      recording = event.details.recording ?? recording;
      paused = event.details.recordingPaused || null;
      renderRecording(rec, recording, paused);
    } else if (event.type === 'recording') {
      recording = event.details.phase === 'started';
      renderRecording(rec, recording, paused);
      events.prepend(eventItem(event));
    } else {
      events.prepend(eventItem(event));
    }
  });
  return () => {
    unsubscribe();
    layer.destroy();
    disposePlayer(player);
  };
}

async function record(id, seconds, button, notice) {
  button.disabled = true;
  try {
    await api(`channels/${encodeURIComponent(id)}/record?seconds=${seconds}`, { method: 'POST' });
    notice.textContent = '';
  } catch (error) { // e.g. "recording paused: disk full (12 MiB free)"
    notice.textContent = error.message;
  } finally {
    setTimeout(() => { button.disabled = false; }, 1000);
  }
}

function renderStats(list, s) {
  const rows = [
    ['Resolution', s.width ? `${s.width}×${s.height}` : '–'],
    ['Codec', s.codec || '–'],
    ['Frame rate', s.fps ? `${Number(s.fps).toFixed(1)} fps` : '–'],
    ['Bitrate', s.bitrateBps ? `${(s.bitrateBps / 1e6).toFixed(2)} Mbit/s` : '–'],
    ['Keyframe every', s.gopSeconds ? `${Number(s.gopSeconds).toFixed(1)} s` : '–'],
    ['Pre-roll held', s.ringSeconds !== undefined ? `${Number(s.ringSeconds).toFixed(1)} s` : '–'],
    ['Reconnects', s.reconnects ?? '–'],
    ['Viewer skips', s.viewerSkips ?? '–'],
  ];
  list.replaceChildren(...rows.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}
