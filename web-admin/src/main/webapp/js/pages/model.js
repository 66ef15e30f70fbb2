// One registered model (/models/<name>): its champion and challenger, its versions with their
// stage, aliases, source run, metrics and the files of the edge export (model.onnx, manifest.json,
// holdout-sample.csv and a zip of them; the server verifies each file's checksum), and its change
// log with who, when, why, on whose authority and the evidence. Moving an alias is an operator's
// action until gated promotion exists: confirmed with a reason, audited and logged.

import { api } from '../api.js';
import { el } from '../dom.js';
import { formatNumber, formatTime } from '../format.js';
import { badge } from '../components/badge.js';
import { confirmAction } from '../components/dialog.js';
import { announce, statusLine } from '../components/live.js';

function headline(metrics) {
  const rmse = Object.entries(metrics).filter(([k]) => k.endsWith('.all.rmse_kw'));
  return rmse.length ? rmse.map(([k, v]) => `${k.split('.')[0]} RMSE ${v.toPrecision(3)} kW`).join(', ') : `${Object.keys(metrics).length} metrics`;
}

function metricsDetails(v) {
  const entries = Object.entries(v.metrics);
  if (!entries.length) return el('span', { class: 'muted' }, 'none');
  return el('details', {},
    el('summary', {}, headline(v.metrics)),
    el('dl', { class: 'facts' }, ...entries.flatMap(([k, value]) => [el('dt', {}, k), el('dd', { class: 'mono' }, formatNumber(value))])));
}

function downloads(v) {
  return el('ul', { class: 'plain', 'data-testid': 'version-files' },
    ...v.files.map((f) => el('li', {}, f.available
      ? el('a', { href: f.download, download: f.name, 'data-testid': 'version-file', 'data-file': f.name, title: f.sha256 ? `SHA-256 ${f.sha256}` : 'checksum in the download (X-Content-SHA256)' }, f.name)
      : el('span', { class: 'muted', 'data-file': f.name }, `${f.name}: not in this version's run`))),
    el('li', {}, el('a', { href: v.bundle, download: `${v.model}-v${v.version}.zip`, 'data-testid': 'version-bundle' }, 'All files (zip)')));
}

function logTable(log) {
  if (!log.length) return el('p', { class: 'muted', 'data-testid': 'model-log' }, 'No changes yet.');
  return el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'model-log' },
    el('caption', {}, 'Change log (newest first; nobody can change or remove a line)'),
    el('thead', {}, el('tr', {}, ...['When', 'Version', 'Change', 'Stage', 'Who', 'Why', 'Authority', 'Evidence'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...log.map((e) => el('tr', { 'data-testid': 'log-row', 'data-change': e.change, 'data-alias': e.alias ?? '' },
      el('td', {}, formatTime(e.at)),
      el('td', {}, `v${e.version}`),
      el('td', {}, e.alias ? `${e.change.toLowerCase().replace('_', ' ')}: ${e.alias}` : e.change.toLowerCase().replace('_', ' ')),
      el('td', {}, e.fromStage ? `${e.fromStage} → ${e.toStage}` : e.toStage),
      el('td', {}, e.actor),
      el('td', { 'data-testid': 'log-reason' }, e.reason),
      el('td', {}, e.authority),
      el('td', { class: 'mono' }, Object.keys(e.evidence).length ? JSON.stringify(e.evidence) : '–'))))));
}

export async function mount(root, context) {
  const name = context.id;
  const message = statusLine({ 'data-testid': 'model-message' });
  const body = el('div', { 'data-testid': 'model-page' });
  root.append(el('p', {}, el('a', { href: '/models', 'data-testid': 'back-to-models' }, '← Models')), message.element, body);

  async function move(alias, version, holder) {
    const clearing = version === null;
    const reason = await confirmAction({
      title: clearing ? `Clear the ${alias}?` : `Make v${version} the ${alias}?`,
      message: clearing
        ? `v${holder} stops being the ${alias} of ${name}${alias === 'champion' ? ' and is archived: consumers asking for the champion get none' : ' and waits in None'}.`
        : `v${version} becomes the ${alias} of ${name}${holder ? `; v${holder} gives it up` : ''}. This is a manual move before gated promotion exists.`,
      confirmLabel: clearing ? 'Clear' : `Make ${alias}`, danger: alias === 'champion', reasonRequired: true,
    });
    if (reason === null) return;
    const path = `/models/${encodeURIComponent(name)}/aliases/${alias}`;
    try {
      await api(path, clearing ? { method: 'DELETE', reason } : { method: 'PUT', json: { version }, reason });
      announce(clearing ? `The ${alias} was cleared.` : `v${version} is the ${alias}.`);
      message.say('');
    } catch (e) {
      message.say(`Not changed: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  async function archive(version) {
    const reason = await confirmAction({
      title: `Archive v${version}?`,
      message: `v${version} of ${name} is set aside; it can still become champion or challenger later.`,
      confirmLabel: 'Archive', danger: false, reasonRequired: true,
    });
    if (reason === null) return;
    try {
      await api(`/models/${encodeURIComponent(name)}/versions/${version}/archive`, { method: 'POST', reason });
      announce(`v${version} archived.`);
      message.say('');
    } catch (e) {
      message.say(`Not archived: ${e.message}`, 'error');
    }
    await refresh().catch(() => null);
  }

  function actions(v, model) {
    const buttons = [];
    if (model.champion !== v.version) {
      buttons.push(el('button', { type: 'button', class: 'secondary', 'data-testid': 'make-champion', onclick: () => move('champion', v.version, model.champion) }, `Make v${v.version} champion`));
    }
    if (model.champion !== v.version && model.challenger !== v.version) {
      buttons.push(el('button', { type: 'button', class: 'secondary', 'data-testid': 'make-challenger', onclick: () => move('challenger', v.version, model.challenger) }, `Make v${v.version} challenger`));
    }
    if (!v.aliases.length && v.stage !== 'ARCHIVED') {
      buttons.push(el('button', { type: 'button', class: 'secondary', 'data-testid': 'archive-version', onclick: () => archive(v.version) }, `Archive v${v.version}`));
    }
    for (const alias of v.aliases) {
      buttons.push(el('button', { type: 'button', class: 'secondary', 'data-testid': `clear-${alias}`, onclick: () => move(alias, null, v.version) }, `Clear ${alias}`));
    }
    return el('div', { class: 'actions' }, ...buttons);
  }

  async function refresh() {
    let detail;
    try {
      detail = await api(`/models/${encodeURIComponent(name)}`);
    } catch (e) {
      message.say(e.status === 404 ? `There is no model ${name}.` : `Cannot load model ${name}: ${e.message}`, 'error');
      throw e;
    }
    const { model, versions, log } = detail;
    context.frame.setTitle(`Model ${model.name}`);
    body.replaceChildren(
      el('dl', { class: 'facts', 'data-testid': 'model-facts' },
        el('dt', {}, 'Champion'), el('dd', { 'data-testid': 'facts-champion' }, model.champion ? `v${model.champion}` : 'none'),
        el('dt', {}, 'Challenger'), el('dd', { 'data-testid': 'facts-challenger' }, model.challenger ? `v${model.challenger}` : 'none'),
        el('dt', {}, 'Versions'), el('dd', {}, formatNumber(model.versions))),
      el('section', { 'aria-labelledby': 'model-versions-h' }, el('h2', { id: 'model-versions-h' }, 'Versions'),
        el('div', { class: 'table-scroll' }, el('table', { 'data-testid': 'model-versions' },
          el('caption', {}, `Versions of ${model.name}, newest first`),
          el('thead', {}, el('tr', {}, ...['Version', 'Stage', 'Aliases', 'Source run', 'Metrics', 'Registered', 'Files', 'Actions'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, ...versions.map((v) => el('tr', { 'data-testid': 'version-row', 'data-key': String(v.version), 'data-stage': v.stage },
            el('th', { scope: 'row' }, `v${v.version}`),
            el('td', {}, badge(v.stage.toLowerCase())),
            el('td', { 'data-testid': 'version-aliases' }, v.aliases.join(', ') || '–'),
            el('td', {}, el('a', { href: v.runPath, 'data-testid': 'version-run' }, `${v.runName} (#${v.runId})`)),
            el('td', {}, metricsDetails(v)),
            el('td', {}, `${formatTime(v.createdAt)} by ${v.createdBy}`),
            el('td', {}, downloads(v)),
            el('td', {}, actions(v, model)))))))),
      el('section', { 'aria-labelledby': 'model-log-h' }, el('h2', { id: 'model-log-h' }, 'Change log'), logTable(log)),
      el('p', { class: 'muted' }, 'Consumers ask for ', el('code', {}, `/api/v1/models/${model.name}/versions/champion`), ' (or challenger, or a number). ',
        'Every change here is in the ', el('a', { href: '/audit', 'data-testid': 'audit-link' }, 'audit log'), ' too.'));
  }

  return { refresh, every: 0 };
}
