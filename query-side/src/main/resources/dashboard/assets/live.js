// Server-sent events from GET /api/changes: the engine says what changed, after its read models have it; the
// view then reads again what it shows. Nothing is patched locally, so what is on screen is always what the
// API answers.

import { signedOut } from './session.js';

const DEBOUNCE_MS = 150;

/**
 * Calls `refresh(changes)` after each burst of changes, and with null whenever the stream (re)opens or the read
 * models were rebuilt: changes may have been missed then, so everything is read again.
 */
export function follow(refresh) {
  const indicator = document.getElementById('live-state');
  let pending = [];
  let everything = false;
  let timer = null;

  const schedule = (change) => {
    if (change) pending.push(change); else everything = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changes = everything ? null : pending;
      pending = [];
      everything = false;
      refresh(changes);
    }, DEBOUNCE_MS);
  };

  const show = (state, text) => {
    indicator.dataset.state = state;
    indicator.querySelector('.live-text').textContent = text;
  };

  // fetch, not EventSource: it sees the answer's status, so a session that has ended goes back to sign-in.
  let stopped = false;
  let retryMs = 3000;
  let controller = null;
  const handle = (block) => {
    let name = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    }
    if (name === 'ready') {
      show('live', 'Live');
      // Whatever changed before the stream was (re)opened was not sent on it: read everything once more.
      schedule(null);
    } else if (name === 'change') {
      try {
        schedule(JSON.parse(data.join('\n')));
      } catch {
        schedule(null);
      }
    } else if (name === 'reset') {
      schedule(null);
    }
  };
  const connect = async () => {
    controller = new AbortController();
    try {
      const response = await fetch('/dashboard/api/changes', { headers: { Accept: 'text/event-stream' },
        credentials: 'same-origin', cache: 'no-store', signal: controller.signal });
      if (response.status === 401) {
        await signedOut();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`The change stream answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.search(/\r?\n\r?\n/);
        while (end >= 0) {
          handle(buffer.slice(0, end));
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          end = buffer.search(/\r?\n\r?\n/);
        }
      }
    } catch {
      // Reconnected below, as EventSource would.
    }
    if (stopped) return;
    // Until the stream is open again (the server asks for 3 s), the page says it may be stale.
    show('offline', 'Reconnecting… (updates paused)');
    setTimeout(connect, retryMs);
  };
  connect();
  window.addEventListener('pagehide', () => {
    stopped = true;
    controller?.abort();
  });
}
