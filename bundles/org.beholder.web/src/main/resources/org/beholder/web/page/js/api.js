// Talking to Beholder: JSON API calls and the pushed event stream (server-sent events, no polling).
const BASE = '/beholder/api/';

let loginPage = false;

/** Where this host has its own login page (the standalone), a lost session goes back to it. */
export function useLoginPage(enabled) {
  loginPage = enabled;
}

export function toLoginPage() {
  location.href = 'login.html?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
}

export async function api(path, options = {}) {
  const response = await fetch(BASE + path, { credentials: 'same-origin', ...options });
  if (response.status === 401 && loginPage) {
    toLoginPage();
  }
  const json = (response.headers.get('content-type') || '').includes('application/json');
  const body = json ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : `HTTP ${response.status}`);
  }
  return body;
}

export function liveSocketUrl(channelId) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/beholder/live?channel=${encodeURIComponent(channelId)}`;
}

const EVENT_TYPES = ['recording', 'status', 'statistics', 'motion', 'object', 'qr', 'camera'];

/** One EventSource for the whole page; views subscribe and unsubscribe. The browser reconnects by itself. */
export class EventFeed {
  constructor(onConnection) {
    this.listeners = new Set();
    this.source = new EventSource(BASE + 'events');
    for (const type of EVENT_TYPES) {
      this.source.addEventListener(type, (message) => {
        const event = JSON.parse(message.data);
        for (const listener of this.listeners) {
          listener(event);
        }
      });
    }
    this.source.onopen = () => onConnection('live');
    this.source.onerror = () => onConnection('reconnecting…');
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function describeEvent(event) {
  const d = event.details || {};
  switch (event.type) {
    case 'recording': return d.phase ? `recording ${d.phase}` : `recording (${(d.reasons || []).join(', ')})`;
    case 'motion': return `motion ${d.phase === 'stop' ? 'ended' : 'started'}${d.zone && d.zone !== 'all' ? ` in ${d.zone}` : ''}`;
    case 'object': return `${d.label || 'object'}${d.score ? ` ${Math.round(d.score * 100)}%` : ''}`;
    case 'qr': return `QR: ${d.text || ''}`;
    case 'camera': return `camera: ${d.kind || 'event'}${d.active === true ? ' started' : d.active === false ? ' ended' : ''}`;
    default: return event.type;
  }
}

export function timeOf(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
