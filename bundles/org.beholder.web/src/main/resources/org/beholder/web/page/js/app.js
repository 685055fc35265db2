// The Beholder page: a hash router over three views, one pushed event feed shared by all of them.
import { EventFeed, useLoginPage } from './api.js';
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

/** The standalone has its own users: a lost session goes to its login page, and there is a way out. */
async function session() {
  try {
    const response = await fetch('api/setup', { credentials: 'same-origin' });
    const setup = response.ok ? await response.json() : {};
    useLoginPage(setup.login === true);
    const logout = document.getElementById('logout');
    logout.hidden = setup.login !== true;
    logout.addEventListener('click', async () => {
      await fetch('logout', { method: 'POST', credentials: 'same-origin' });
      location.href = 'login.html';
    });
  } catch (e) {
    // no answer: the views say so themselves
  }
}

window.addEventListener('hashchange', route);
session().then(route);
