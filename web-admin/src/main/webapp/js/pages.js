// The one list of pages. A page added here appears in the navigation (with aria-current when it is
// the one shown), gets its path, and is checked by the accessibility test, which reads the nav.
// Each module exports mount(root, context) -> { refresh, every } (see shell.js).

export const PAGES = [
  { id: 'status', path: '/', title: 'Status', load: () => import('./pages/status.js') },
  { id: 'fleet', path: '/fleet', title: 'Fleet', load: () => import('./pages/fleet.js') },
  { id: 'buildings', path: '/buildings', title: 'Buildings', load: () => import('./pages/buildings.js') },
  { id: 'devices', path: '/devices', title: 'Devices', load: () => import('./pages/devices.js') },
  { id: 'gateways', path: '/gateways', title: 'Gateways', load: () => import('./pages/gateways.js') },
  { id: 'quarantine', path: '/quarantine', title: 'Quarantine', load: () => import('./pages/quarantine.js') },
  { id: 'integrations', path: '/integrations', title: 'Integrations', load: () => import('./pages/integrations.js') },
  { id: 'schedules', path: '/schedules', title: 'Schedules', load: () => import('./pages/schedules.js') },
  { id: 'etl', path: '/etl', title: 'ETL', load: () => import('./pages/etl.js') },
  { id: 'audit', path: '/audit', title: 'Audit log', load: () => import('./pages/audit.js') },
  { id: 'logging', path: '/logging', title: 'Logging', load: () => import('./pages/logging.js') },
];

export function pageFor(pathname) {
  const path = pathname === '/index.html' ? '/' : pathname.replace(/\/+$/, '') || '/';
  return PAGES.find((page) => page.path === path) ?? null;
}
