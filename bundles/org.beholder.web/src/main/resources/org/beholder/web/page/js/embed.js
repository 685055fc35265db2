// The embed page: only the live player, for dashboards and iframes (/beholder/embed?channel=<id>).
import { api } from './api.js';
import { LivePlayer } from './player.js';

const id = new URLSearchParams(location.search).get('channel');
const video = document.getElementById('player');
const status = document.getElementById('status');

async function start() {
  if (!id) {
    status.textContent = 'Missing ?channel=<id>';
    return;
  }
  try {
    await api(`channels/${encodeURIComponent(id)}`);
  } catch (error) { // an unknown channel never comes: say so once instead of reconnecting forever
    status.textContent = `No live view of "${id}": ${error.message}`;
    return;
  }
  video.setAttribute('aria-label', `Live camera ${id}`);
  video.dataset.channel = id;
  const player = new LivePlayer(video, id, (state) => { status.textContent = state === 'playing' ? '' : state; });
  player.start();
}

start();
