// Boot: the shell from the list of pages, then the page the path names. A page module exports
// mount(root, context) and returns { refresh, every }: refresh() loads its data (the first call
// is the time to data that docs/benchmarks.md measures, marked 'vorlauf:data'), every is the
// auto-refresh interval in ms (0 for none).

import { PAGES, route } from './pages.js';
import { renderShell } from './shell.js';
import { el } from './dom.js';
import { startRefresh } from './refresh.js';

async function boot() {
  const found = route(window.location.pathname);
  const page = found?.page ?? null;
  const frame = renderShell(document.body, PAGES, page);
  if (!found) {
    frame.root.append(el('p', {}, 'There is no page at this address. The navigation above lists every page.'));
    return;
  }
  const module = await found.load();
  const { refresh, every = 0 } = await module.mount(frame.root, { frame, id: found.id });
  if (every) frame.refreshing(every);
  let first = true;
  await startRefresh(async () => {
    await refresh();
    if (first) {
      first = false;
      performance.mark('vorlauf:data');
      document.body.dataset.loaded = found.id === null ? page.id : `${page.id}-detail`;
    }
  }, every);
}

boot();
