// Live video: MPEG-TS over WebSocket into Media Source Extensions with mpegts.js, chasing the live edge so
// that the picture stays under half a second behind; HLS of the live ring where MSE is missing (old iPhones).
import { liveSocketUrl } from './api.js';

const MAX_BEHIND = 0.5;
const players = new Set();

export class LivePlayer {
  constructor(video, channelId, onState = () => {}) {
    this.video = video;
    this.channelId = channelId;
    this.onState = onState;
    this.backoff = 1000;
    video.muted = true;
    video.playsInline = true;
  }

  start() {
    if (this.player || this.nativeHls) {
      return;
    }
    players.add(this);
    this.stopped = false;
    if (window.mpegts && mpegts.getFeatureList().mseLivePlayback) {
      this.startMse();
    } else {
      this.nativeHls = true; // Safari without MSE plays HLS itself, a little further behind
      this.video.src = `/beholder/api/channels/${encodeURIComponent(this.channelId)}/live.m3u8`;
      this.video.play().catch(() => {});
    }
  }

  startMse() {
    const player = mpegts.createPlayer({ type: 'mpegts', isLive: true, url: liveSocketUrl(this.channelId) }, {
      enableWorker: false,
      enableStashBuffer: false,
      stashInitialSize: 64 * 1024,
      lazyLoad: false,
      autoCleanupSourceBuffer: true,
      autoCleanupMaxBackwardDuration: 20,
      autoCleanupMinBackwardDuration: 10,
      liveBufferLatencyChasing: true,
      liveBufferLatencyMaxLatency: 0.45,
      liveBufferLatencyMinRemain: 0.1,
      liveSync: true,
      liveSyncMaxLatency: 0.3,
      liveSyncTargetLatency: 0.15,
      liveSyncPlaybackRate: 1.15,
    });
    player.on(mpegts.Events.ERROR, () => this.restart('connection lost'));
    player.on(mpegts.Events.LOADING_COMPLETE, () => this.restart('stream ended'));
    player.attachMediaElement(this.video);
    player.load();
    this.player = player;
    this.chaser = setInterval(() => this.chase(), 250);
    this.video.onplaying = () => {
      this.backoff = 1000;
      this.onState('playing');
    };
    Promise.resolve(player.play()).catch(() => {});
  }

  /** Jumps to the newest data when more than half a second behind (e.g. after the tab slept). */
  chase() {
    const buffered = this.video.buffered;
    if (!buffered.length) {
      return;
    }
    const end = buffered.end(buffered.length - 1);
    if (end - this.video.currentTime > MAX_BEHIND) {
      this.video.currentTime = Math.max(buffered.start(buffered.length - 1), end - 0.1);
    }
    if (this.video.paused && !this.stopped) {
      this.video.play().catch(() => {});
    }
  }

  restart(reason) {
    this.stop();
    this.onState(`${reason}; reconnecting`);
    this.retry = setTimeout(() => this.start(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, 8000);
  }

  stop() {
    this.stopped = true;
    clearInterval(this.chaser);
    clearTimeout(this.retry);
    if (this.player) {
      try {
        this.player.destroy();
      } catch (e) {
        // already torn down
      }
      this.player = null;
    }
    if (this.nativeHls) {
      this.video.removeAttribute('src');
      this.video.load();
      this.nativeHls = false;
    }
    players.delete(this);
  }
}

// A hidden tab costs nothing: players stop and come back when the tab is visible again.
const paused = new Set();

/** Stops a player for good (its view is gone). */
export function disposePlayer(player) {
  paused.delete(player);
  player.stop();
}
document.addEventListener('visibilitychange', () => {
  if (document.hidden) {
    for (const player of [...players]) {
      paused.add(player);
      player.stop();
    }
  } else {
    for (const player of paused) {
      player.start();
    }
    paused.clear();
  }
});
