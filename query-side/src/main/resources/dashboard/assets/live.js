// Server-sent events from GET /api/changes: the engine says what changed, after its read models have it; the
// view then reads again what it shows. Nothing is patched locally, so what is on screen is always what the
// API answers.

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

  const source = new EventSource('/api/changes');
  source.addEventListener('ready', () => {
    show('live', 'Live');
    // Whatever changed before the stream was (re)opened was not sent on it: read everything once more.
    schedule(null);
  });
  source.addEventListener('change', (event) => {
    try {
      schedule(JSON.parse(event.data));
    } catch {
      schedule(null);
    }
  });
  source.addEventListener('reset', () => schedule(null));
  // EventSource reconnects by itself (the server asks for 3 s); until then the page says it may be stale.
  source.addEventListener('error', () => show('offline', 'Reconnecting… (updates paused)'));
  window.addEventListener('pagehide', () => source.close());
  return source;
}
