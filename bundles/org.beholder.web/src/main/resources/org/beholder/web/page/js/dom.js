// Tiny helpers for building the page without a framework.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

export function badge(status) {
  return el('span', { class: `badge ${status.state}`, title: status.message, role: 'status' }, status.state.toLowerCase());
}

/**
 * The recording indicator of a tile or channel view: "● REC" while recording, "REC paused — <reason>" (in words,
 * not only a tooltip) while the server cannot record, e.g. because the disk is full; hidden otherwise.
 */
export function renderRecording(node, recording, paused) {
  node.classList.toggle('paused', Boolean(paused));
  node.textContent = paused ? `REC paused — ${paused}` : '● REC';
  node.title = paused ? `Recording paused: ${paused}` : '';
  node.hidden = !paused && !recording;
}
