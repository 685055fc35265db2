// The Beholder page: a hash router over three views, one pushed event feed shared by all of them.
import { EventFeed } from './api.js';
import { showGrid } from './grid.js';
import { showChannel } from './channel.js';
import { showRecordings } from './timeline.js';

const view = document.getElementById('view');
const connection = document.getElementById('connection');
const feed = new EventFeed((state) => { connection.textContent = `events: ${state}`; });
let teardown = () => {};

async function route() {
  teardown();
  teardown = () => {};
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query || '');
  try {
    if (parts[0] === 'channel' && parts[1]) {
      teardown = await showChannel(view, feed, parts[1]);
    } else if (parts[0] === 'recordings') {
      teardown = await showRecordings(view, feed, parts[1], params.get('at'));
    } else {
      teardown = await showGrid(view, feed);
    }
    view.dataset.view = parts[0] || 'grid';
  } catch (error) {
    view.replaceChildren(Object.assign(document.createElement('p'), { role: 'alert',
      textContent: `Could not load this view: ${error.message}` }));
  }
}

window.addEventListener('hashchange', route);
route();
