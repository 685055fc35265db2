// The embed page: only the live player, for dashboards and iframes (/beholder/embed?channel=<id>).
import { LivePlayer } from './player.js';

const id = new URLSearchParams(location.search).get('channel');
const video = document.getElementById('player');
const status = document.getElementById('status');
if (!id) {
  status.textContent = 'Missing ?channel=<id>';
} else {
  video.setAttribute('aria-label', `Live camera ${id}`);
  video.dataset.channel = id;
  const player = new LivePlayer(video, id, (state) => { status.textContent = state === 'playing' ? '' : state; });
  player.start();
}
