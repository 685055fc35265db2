// The embeddable event list (/beholder/events?channel=<id>), for dashboards: newest first, live.
import { EventFeed } from './api.js';
import { eventItem, eventList } from './eventlist.js';

const LIVE_TYPES = new Set(['recording', 'motion', 'object', 'qr', 'camera']);
const id = new URLSearchParams(location.search).get('channel');
const status = document.getElementById('status');

async function start() {
  if (!id) {
    status.textContent = 'Missing ?channel=<id>';
    return;
  }
  // Links open the Beholder page itself, not inside the dashboard's frame.
  const list = await eventList(id, './', '_top');
  document.getElementById('events').replaceWith(list);
  const feed = new EventFeed((state) => { status.textContent = state === 'live' ? '' : state; });
  feed.subscribe((event) => {
    if (event.channel === id && LIVE_TYPES.has(event.type)) {
      list.prepend(eventItem(event, './', '_top'));
      while (list.children.length > 200) {
        list.lastElementChild.remove();
      }
    }
  });
}

start().catch((error) => { status.textContent = `Could not load events: ${error.message}`; });
