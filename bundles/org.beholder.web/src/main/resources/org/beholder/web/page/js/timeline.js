// Recordings: a zoomable timeline per channel (an hour to a week) with recorded spans and events; a click plays
// the recording from that moment with hls.js; each recording downloads as one file.
import { api } from './api.js';
import { el } from './dom.js';

const HOUR = 3600 * 1000;
const ZOOMS = [['1 hour', HOUR], ['6 hours', 6 * HOUR], ['1 day', 24 * HOUR], ['1 week', 7 * 24 * HOUR]];
const MIN_SPAN = 10 * 60 * 1000;
const MAX_SPAN = 7 * 24 * HOUR;

export async function showRecordings(view, feed, focusId, at) {
  const channels = (await api('channels')).filter((c) => !focusId || c.id === focusId);
  const window_ = { span: HOUR, end: Date.now() + 5 * 60 * 1000 };
  if (at) {
    window_.span = HOUR;
    window_.end = new Date(at).getTime() + HOUR / 2;
  }
  const player = new Playback();
  const rows = channels.map((channel) => new TimelineRow(channel, window_, (recording, offset) =>
    player.play(channel, recording, offset)));
  const zoomButtons = ZOOMS.map(([label, span]) => el('button', { type: 'button', 'aria-label': `Show ${label}`,
    onclick: () => { window_.span = span; window_.end = Date.now() + span * 0.05; refresh(); } }, label));
  const nowButton = el('button', { type: 'button', onclick: () => { window_.end = Date.now() + window_.span * 0.05; refresh(); } },
    'Now');
  view.replaceChildren(el('section', { 'aria-label': 'Recordings' },
    el('div', { class: 'controls' }, ...zoomButtons, nowButton,
      el('span', { class: 'last-event' }, 'Scroll to zoom, drag to move, click to play')),
    ...rows.map((row) => row.node), player.node));

  async function refresh() {
    await Promise.all(rows.map((row) => row.load()));
  }
  for (const row of rows) {
    row.onWindowChange = () => {
      for (const other of rows) {
        other.draw();
      }
    };
    row.onWindowSettled = refresh;
  }
  await refresh();
  const onResize = () => rows.forEach((row) => row.draw());
  window.addEventListener('resize', onResize);
  const unsubscribe = feed.subscribe((event) => {
    if (event.type === 'recording') {
      rows.find((row) => row.channel.id === event.channel)?.load();
    }
  });
  return () => {
    unsubscribe();
    window.removeEventListener('resize', onResize);
    player.stop();
  };
}

class TimelineRow {
  constructor(channel, window_, onPick) {
    this.channel = channel;
    this.window = window_;
    this.onPick = onPick;
    this.recordings = [];
    this.events = [];
    this.canvas = el('canvas', { class: 'timeline', role: 'img', tabindex: 0, 'data-channel': channel.id,
      'aria-label': `Recordings of ${channel.label}; Enter plays the latest` });
    this.summary = el('span', { class: 'last-event' });
    this.node = el('div', { class: 'timeline-row' }, el('h3', {}, channel.label, ' ', this.summary), this.canvas);
    this.wire();
  }

  async load() {
    const from = new Date(this.window.end - this.window.span).toISOString();
    const to = new Date(this.window.end).toISOString();
    const id = encodeURIComponent(this.channel.id);
    const [recordings, events] = await Promise.all([api(`channels/${id}/recordings?from=${from}&to=${to}`),
      api(`channels/${id}/events?from=${from}&to=${to}`)]);
    this.recordings = recordings;
    this.events = events.filter((e) => e.type !== 'recording');
    this.summary.textContent = `${recordings.length} recording${recordings.length === 1 ? '' : 's'}`;
    this.canvas.setAttribute('aria-label', `${this.channel.label}: ${this.summary.textContent} shown; `
      + 'Enter plays the latest');
    this.draw();
  }

  x(time) {
    return ((time - (this.window.end - this.window.span)) / this.window.span) * this.canvas.width;
  }

  timeAt(clientX) {
    const box = this.canvas.getBoundingClientRect();
    return this.window.end - this.window.span + ((clientX - box.left) / box.width) * this.window.span;
  }

  draw() {
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.canvas;
    canvas.width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    canvas.height = Math.round(canvas.clientHeight * ratio);
    const g = canvas.getContext('2d');
    g.fillStyle = '#0b0e11';
    g.fillRect(0, 0, canvas.width, canvas.height);
    this.drawTicks(g, ratio);
    const now = Date.now();
    g.fillStyle = '#4fb3ff';
    for (const r of this.recordings) {
      const start = this.x(new Date(r.start).getTime());
      const end = this.x(r.end ? new Date(r.end).getTime() : now);
      g.fillRect(start, canvas.height * 0.35, Math.max(2 * ratio, end - start), canvas.height * 0.4);
    }
    g.fillStyle = '#f5b83d';
    for (const e of this.events) {
      g.fillRect(this.x(new Date(e.time).getTime()), canvas.height * 0.78, 2 * ratio, canvas.height * 0.2);
    }
    g.fillStyle = '#ff5c5c';
    g.fillRect(this.x(now), 0, ratio, canvas.height);
  }

  drawTicks(g, ratio) {
    const steps = [5, 15, 30, 60, 180, 360, 720, 1440].map((m) => m * 60 * 1000);
    const step = steps.find((s) => this.window.span / s <= 12) || steps[steps.length - 1];
    const start = this.window.end - this.window.span;
    g.fillStyle = '#8b98a5';
    g.font = `${11 * ratio}px system-ui`;
    for (let t = Math.ceil(start / step) * step; t < this.window.end; t += step) {
      const x = this.x(t);
      g.fillRect(x, 0, ratio, this.canvas.height * 0.3);
      const date = new Date(t);
      const label = step >= 24 * HOUR ? date.toLocaleDateString([], { weekday: 'short', day: 'numeric' })
        : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      g.fillText(label, x + 3 * ratio, 12 * ratio);
    }
  }

  /** The recording at a time, or failing that the first one after it. */
  pick(time) {
    const now = Date.now();
    const at = this.recordings.find((r) => new Date(r.start).getTime() <= time
      && (r.end ? new Date(r.end).getTime() : now) >= time);
    if (at) {
      return [at, (time - new Date(at.start).getTime()) / 1000];
    }
    const after = this.recordings.find((r) => new Date(r.start).getTime() > time);
    return after ? [after, 0] : null;
  }

  wire() {
    let drag = null;
    this.canvas.addEventListener('pointerdown', (e) => {
      drag = { x: e.clientX, end: this.window.end, moved: false };
      this.canvas.setPointerCapture(e.pointerId);
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!drag) {
        return;
      }
      const dx = e.clientX - drag.x;
      drag.moved = drag.moved || Math.abs(dx) > 4;
      this.window.end = drag.end - (dx / this.canvas.getBoundingClientRect().width) * this.window.span;
      this.onWindowChange();
    });
    this.canvas.addEventListener('pointerup', (e) => {
      const moved = drag && drag.moved;
      drag = null;
      if (moved) {
        this.onWindowSettled();
        return;
      }
      const picked = this.pick(this.timeAt(e.clientX));
      if (picked) {
        this.onPick(...picked);
      }
    });
    this.canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      const pivot = this.timeAt(e.clientX);
      const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, this.window.span * (e.deltaY > 0 ? 1.25 : 0.8)));
      const share = (pivot - (this.window.end - this.window.span)) / this.window.span;
      this.window.end = pivot + (1 - share) * span;
      this.window.span = span;
      this.onWindowChange();
      clearTimeout(this.settle);
      this.settle = setTimeout(() => this.onWindowSettled(), 250);
    }, { passive: false });
    this.canvas.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && this.recordings.length) {
        this.onPick(this.recordings[this.recordings.length - 1], 0);
      }
    });
  }
}

class Playback {
  constructor() {
    this.video = el('video', { controls: true, playsinline: true, 'aria-label': 'Recording playback' });
    this.title = el('h2', {}, 'Click a recording on a timeline to play it');
    this.download = el('a', { hidden: true }, 'Download this recording');
    this.node = el('section', { class: 'panel playback' }, this.title, this.video, el('p', {}, this.download));
  }

  play(channel, recording, offsetSeconds) {
    this.stop();
    this.current = recording;
    this.title.textContent = `${channel.label}: ${new Date(recording.start).toLocaleString()}`
      + ` (${recording.reasons.join(', ')})`;
    this.download.href = recording.downloadUrl;
    this.download.hidden = false;
    const seek = () => {
      this.video.currentTime = Math.max(0, offsetSeconds);
      this.video.play().catch(() => {});
    };
    if (window.Hls && Hls.isSupported()) {
      this.hls = new Hls({ maxBufferLength: 30 });
      this.hls.loadSource(recording.playlistUrl);
      this.hls.attachMedia(this.video);
      this.hls.on(Hls.Events.MANIFEST_PARSED, seek);
    } else {
      this.video.src = recording.playlistUrl;
      this.video.addEventListener('loadedmetadata', seek, { once: true });
    }
  }

  stop() {
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
  }
}

