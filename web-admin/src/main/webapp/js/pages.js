// The one list of pages. A page added here appears in the navigation (with aria-current when it is
// the one shown), gets its path, and is checked by the accessibility test, which reads the nav.
// Each module exports mount(root, context) -> { refresh, every } (see shell.js).
// A page may have a detail view at <path>/<id> (one building, one workflow run): its `detail`
// loads that module, which gets the decoded id as context.id and names itself with
// context.frame.setTitle(); the navigation marks the parent page.

export const PAGES = [
  { id: 'status', path: '/', title: 'Status', load: () => import('./pages/status.js') },
  { id: 'fleet', path: '/fleet', title: 'Fleet', load: () => import('./pages/fleet.js') },
  { id: 'buildings', path: '/buildings', title: 'Buildings', load: () => import('./pages/buildings.js'), detail: () => import('./pages/building.js') },
  { id: 'devices', path: '/devices', title: 'Devices', load: () => import('./pages/devices.js') },
  { id: 'gateways', path: '/gateways', title: 'Gateways', load: () => import('./pages/gateways.js') },
  { id: 'quarantine', path: '/quarantine', title: 'Quarantine', load: () => import('./pages/quarantine.js') },
  { id: 'integrations', path: '/integrations', title: 'Integrations', load: () => import('./pages/integrations.js') },
  { id: 'schedules', path: '/schedules', title: 'Schedules', load: () => import('./pages/schedules.js') },
  { id: 'portfolio', path: '/portfolio', title: 'Portfolio', load: () => import('./pages/portfolio.js') },
  { id: 'etl', path: '/etl', title: 'ETL', load: () => import('./pages/etl.js') },
  { id: 'workflows', path: '/workflows', title: 'Workflows', load: () => import('./pages/workflows.js'), detail: () => import('./pages/workflow.js') },
  { id: 'experiments', path: '/experiments', title: 'Experiments', load: () => import('./pages/experiments.js'), detail: () => import('./pages/experiment.js') },
  { id: 'models', path: '/models', title: 'Models', load: () => import('./pages/models.js'), detail: () => import('./pages/model.js') },
  { id: 'tokens', path: '/tokens', title: 'API tokens', load: () => import('./pages/tokens.js') },
  { id: 'audit', path: '/audit', title: 'Audit log', load: () => import('./pages/audit.js') },
  { id: 'logging', path: '/logging', title: 'Logging', load: () => import('./pages/logging.js') },
];

/** The page a path names: { page, id, load } (id null for a list page), or null. */
export function route(pathname) {
  const path = pathname === '/index.html' ? '/' : pathname.replace(/\/+$/, '') || '/';
  const page = PAGES.find((candidate) => candidate.path === path);
  if (page) return { page, id: null, load: page.load };
  const detail = /^(\/[a-z][a-z0-9-]*)\/([^/]+)$/.exec(path);
  const parent = detail && PAGES.find((candidate) => candidate.path === detail[1] && candidate.detail);
  if (!parent) return null;
  let id;
  try {
    id = decodeURIComponent(detail[2]);
  } catch {
    return null;
  }
  return { page: parent, id, load: parent.detail };
}

/** The address of one item's detail view, e.g. detailPath('buildings', 'b-001'). */
export function detailPath(pageId, id) {
  const page = PAGES.find((candidate) => candidate.id === pageId);
  return `${page.path}/${encodeURIComponent(id)}`;
}
