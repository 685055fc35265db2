// A channel's event list: shared by the channel view and the embeddable /beholder/events page.
import { api, describeEvent, timeOf } from './api.js';
import { el } from './dom.js';

/** One event; a recording links to its place on the timeline (pageBase: where the Beholder page is). */
export function eventItem(event, pageBase = '', target = null) {
  const link = event.type === 'recording' && event.details.id
    ? el('a', { href: `${pageBase}#/recordings/${encodeURIComponent(event.channel)}?at=${encodeURIComponent(event.time)}`,
      ...(target ? { target } : {}) }, 'play')
    : null;
  return el('li', { 'data-type': event.type }, el('span', { class: 'type' }, describeEvent(event)),
    timeOf(event.time), ' ', link);
}

/** The last day's events of a channel, newest first, in a fresh list. */
export async function eventList(id, pageBase = '', target = null) {
  const list = el('ol', { class: 'events', 'aria-label': 'Events', reversed: true });
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  for (const event of (await api(`channels/${encodeURIComponent(id)}/events?from=${since}`)).reverse()) {
    list.append(eventItem(event, pageBase, target));
  }
  return list;
}
