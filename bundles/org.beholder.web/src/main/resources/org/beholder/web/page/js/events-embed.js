// The embeddable event list (/beholder/events?channel=<id>), for dashboards: newest first, live.
import { EventFeed } from './api.js';
import { eventItem, eventList } from './eventlist.js';

const LIVE_TYPES = new Set(['recording', 'motion', 'object', 'qr', 'camera']);
const MAX_ITEMS = 200;
const id = new URLSearchParams(location.search).get('channel');
const status = document.getElementById('status');

async function start() {
  if (!id) {
    status.textContent = 'Missing ?channel=<id>';
    return;
  }
  // Listen before loading the past, so nothing that happens in between is lost.
  let list = null;
  const pending = [];
  const feed = new EventFeed((state) => {
    status.textContent = state === 'live' ? '' : state;
    document.body.dataset.feed = state;
  });
  // Links open the Beholder page itself, not inside the dashboard's frame.
  const show = (event) => {
    list.prepend(eventItem(event, './', '_top'));
    while (list.children.length > MAX_ITEMS) {
      list.lastElementChild.remove();
    }
  };
  feed.subscribe((event) => {
    if (event.channel === id && LIVE_TYPES.has(event.type)) {
      if (list) {
        show(event);
      } else {
        pending.push(event);
      }
    }
  });
  list = await eventList(id, './', '_top');
  document.getElementById('events').replaceWith(list);
  const listed = new Set([...list.children].map((item) => item.textContent));
  for (const event of pending) {
    if (!listed.has(eventItem(event).textContent)) {
      show(event);
    }
  }
}

start().catch((error) => { status.textContent = `Could not load events: ${error.message}`; });
