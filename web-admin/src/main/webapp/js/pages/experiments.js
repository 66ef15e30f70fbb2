// Experiments: every experiment the training tracks (issue 19), the one with the latest run first,
// with its runs, how many are running and how long it keeps artifacts. Each leads to the
// experiment's runs (/experiments/<name>), where runs are filtered, opened and compared.

import { api } from '../api.js';
import { el } from '../dom.js';
import { formatNumber, formatTime, relative } from '../format.js';
import { detailPath } from '../pages.js';
import { statusLine } from '../components/live.js';

export async function mount(root) {
  const message = statusLine({ 'data-testid': 'experiments-message' });
  const tbody = el('tbody');
  const table = el('table', { id: 'experiments', 'data-testid': 'experiments' },
    el('caption', {}, 'Experiments'),
    el('thead', {}, el('tr', {}, ...['Experiment', 'Description', 'Runs', 'Running', 'Last run', 'Artifacts kept']
      .map((h) => el('th', { scope: 'col' }, h)))),
    tbody);
  root.append(
    el('p', { class: 'muted' }, 'Training runs record their parameters, metrics, learning curves, artifacts and lineage here (the data and ETL runs they trained on, the code version, the workflow). Open an experiment to filter its runs, see one, or compare two to five.'),
    message.element, el('div', { class: 'table-scroll' }, table));

  async function refresh() {
    try {
      const experiments = await api('/experiments');
      tbody.replaceChildren(...experiments.map((e) => el('tr', { 'data-testid': 'experiment-row', 'data-key': e.name },
        el('th', { scope: 'row' }, el('a', { href: detailPath('experiments', e.name), 'data-testid': 'experiment-link' }, e.name)),
        el('td', {}, e.description ?? ''),
        el('td', {}, formatNumber(e.runs)),
        el('td', {}, formatNumber(e.running)),
        el('td', {}, e.lastStartedAt ? el('time', { datetime: e.lastStartedAt, title: formatTime(e.lastStartedAt) }, relative(e.lastStartedAt)) : '–'),
        el('td', {}, `${formatNumber(e.artifactRetentionDays)} days after the run`))));
      if (!experiments.length) {
        tbody.append(el('tr', { class: 'empty' }, el('td', { colspan: 6 }, 'No experiments yet: the first training run creates its experiment.')));
      }
      message.say('');
    } catch (e) {
      message.say(`Cannot load the experiments: ${e.message}`, 'error');
      throw e;
    }
  }

  return { refresh, every: 15000 };
}
