// Picks the view the address names, renders it, and keeps it current from the engine's change stream.
import { h, fill } from './dom.js';
import { follow } from './live.js';
import { devicesView } from './devices.js';
import { deviceView } from './device.js';
import { actionsView } from './actions.js';
import { loadSession, showSignedIn, notConfiguredView, unreachableView } from './session.js';

const ROUTES = [
  { pattern: /^\/(devices\/?)?$/, nav: 'devices', title: 'Devices', view: (main, params) => devicesView(main, params) },
  { pattern: /^\/devices\/([^/]+)$/, nav: 'devices', title: 'Device',
    view: (main, params, id) => deviceView(main, params, decodeURIComponent(id)) },
  { pattern: /^\/actions\/?$/, nav: 'actions', title: 'Action center', view: (main, params) => actionsView(main, params) },
];

async function start() {
  const main = document.getElementById('main');
  const path = window.location.pathname;
  const route = ROUTES.find((candidate) => candidate.pattern.test(path));
  if (!route) {
    fill(main, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '/devices' }, 'Go to the devices')));
    return;
  }
  document.title = `${route.title} · Cordon`;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === route.nav) link.setAttribute('aria-current', 'page');
  }
  const session = await loadSession();
  if (session.notConfigured || session.unreachable) {
    document.title = 'Cordon';
    (session.notConfigured ? notConfiguredView : unreachableView)(main);
    return;
  }
  showSignedIn(session);
  const [, id] = path.match(route.pattern);
  const view = await route.view(main, new URLSearchParams(window.location.search), id);
  // Opened once the view has read everything; the stream's first event makes it read once more, which covers
  // any change between that first read and the stream opening.
  follow((changes) => view.refresh(changes));
  document.body.dataset.ready = 'true';
}

start();
