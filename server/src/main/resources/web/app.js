// The trainer page: the matrix of a region or jurisdiction for an edition and date, its drill-down, what-if
// amendments, the packs, and live refresh when packs change (Server-Sent Events from /api/events).
import { el, clear, linkify, svg } from './dom.js';
import { t, setLanguage, preferredLanguage, language } from './i18n.js';
import { getJson, postJson, postReport } from './api.js';
import { Amendments } from './amendments.js';
import { Packs } from './packs.js';

const $ = (id) => document.getElementById(id);
const MARKS = { MET: '✓', NOT_MET: '✗', UNKNOWN: '?' };
const CLASSES = { MET: 'met', NOT_MET: 'not-met', UNKNOWN: 'unknown' };

const state = {
  regions: [], jurisdictions: [], editions: [],
  scope: null, edition: '8', asOf: '2016-01-01',
  result: null, selected: null,
};

const amendments = new Amendments({ state, onChange: () => refresh(), announce, showError });
const packs = new Packs({ announce, showError, onChange: () => reloadAll() });

function announce(text) {
  $('status').textContent = text;
}

function showError(error) {
  const box = $('error');
  if (!error) {
    box.classList.add('hidden');
    box.textContent = '';
    return;
  }
  const details = (error.details || []).filter((d) => d !== error.message);
  box.textContent = t('error.prefix', { message: error.message }) + (details.length ? '\n' + details.join('\n') : '');
  box.classList.remove('hidden');
}

function scopeParams() {
  const [kind, id] = state.scope.split(':');
  return kind === 'region' ? { region: id } : { jurisdiction: id };
}

function request() {
  return { ...scopeParams(), edition: state.edition, asOf: state.asOf };
}

/** Reads the registry (regions, jurisdictions, editions), then the matrix. */
async function reloadAll() {
  try {
    [state.regions, state.jurisdictions, state.editions] = await Promise.all([
      getJson('regions'), getJson('jurisdictions'), getJson('editions')]);
    fillScope();
    fillEditions();
    amendments.jurisdictionsChanged(state.jurisdictions);
    await refresh();
  } catch (error) {
    showError(error);
  }
}

function fillScope() {
  const select = $('scope');
  const previous = state.scope || select.value;
  clear(select);
  const regions = el('optgroup', { attrs: { label: t('controls.regions') } });
  for (const r of state.regions) regions.append(el('option', { text: `${r.name} (${r.members.length})`, attrs: { value: `region:${r.id}` } }));
  const countries = el('optgroup', { attrs: { label: t('controls.jurisdictions') } });
  for (const j of [...state.jurisdictions].sort((a, b) => a.name.localeCompare(b.name))) {
    countries.append(el('option', { text: `${j.name} (${j.code})`, attrs: { value: `jurisdiction:${j.code}` } }));
  }
  select.append(regions, countries);
  const values = [...select.options].map((o) => o.value);
  state.scope = values.includes(previous) ? previous : values.includes('region:ASEAN') ? 'region:ASEAN' : values[0];
  select.value = state.scope;
}

function fillEditions() {
  const select = $('edition');
  clear(select);
  for (const e of [...state.editions].sort((a, b) => Number(a.edition) - Number(b.edition))) {
    select.append(el('option', { text: t('controls.editionOption', { edition: e.edition, title: e.title }), attrs: { value: e.edition } }));
  }
  if (![...select.options].some((o) => o.value === state.edition) && select.options.length) state.edition = select.options[0].value;
  select.value = state.edition;
}

let generation = 0;

/** Assesses what the controls say (with the amendments, if any) and redraws the matrix. */
async function refresh() {
  if (!state.scope) return;
  const mine = ++generation;
  $('matrix').setAttribute('aria-busy', 'true');
  try {
    const docs = amendments.documents();
    const result = docs.length ? await postJson('assess', { ...request(), amendments: docs }) : await getJson('assess', request());
    if (mine !== generation) return;
    state.result = result;
    showError(null);
    drawMatrix();
    drawCounts();
    drawChart();
    $('hypothetical-banner').classList.toggle('hidden', !result.hypothetical);
    if (state.selected) showDrilldown(state.selected.code, state.selected.criterion, false);
    announce(t(result.hypothetical ? 'status.shownHypothetical' : 'status.shown', { scope: scopeName(), edition: result.edition, asOf: result.asOf }));
    amendments.refreshProvisions();
  } catch (error) {
    if (mine === generation) showError(error);
  } finally {
    if (mine === generation) $('matrix').removeAttribute('aria-busy');
  }
}

function scopeName() {
  const option = $('scope').selectedOptions[0];
  return option ? option.textContent : state.scope;
}

function jurisdictionsOf(result) {
  return result.jurisdictions || (result.jurisdiction ? [result.jurisdiction] : result.code ? [result] : []);
}

function criteriaOf(result) {
  return result.criteriaDefinitions || [];
}

function drawMatrix() {
  const result = state.result;
  const criteria = criteriaOf(result);
  const thead = clear($('matrix').tHead);
  const tbody = clear($('matrix').tBodies[0]);
  $('matrix-caption').textContent = t('matrix.caption', { scope: scopeName(), edition: result.edition, asOf: result.asOf });
  const head = el('tr', {}, el('th', { text: t('matrix.country'), attrs: { scope: 'col' } }));
  for (const c of criteria) {
    head.append(el('th', { class: 'status', text: String(c.number), attrs: { scope: 'col', title: c.question, 'data-criterion': c.id } }));
  }
  head.append(el('th', { class: 'status', text: t('matrix.met'), attrs: { scope: 'col' } }));
  thead.append(head);
  for (const j of jurisdictionsOf(result)) {
    const row = el('tr', { attrs: { 'data-jurisdiction': j.code } }, el('th', { text: j.name, attrs: { scope: 'row' } }));
    for (const c of criteria) {
      const a = j.criteria.find((x) => x.id === c.id);
      row.append(cell(j, c, a));
    }
    const total = el('td', { class: 'total', text: `${j.met}/${criteria.length}` });
    if (j.hypothetical) total.append(el('span', { class: 'small', text: ` (${t('matrix.recorded', { met: j.metOnRecordedLaw })})` }));
    row.append(total);
    tbody.append(row);
  }
  const legend = clear($('criteria-legend'));
  for (const c of criteria) legend.append(el('li', { text: c.question, attrs: { value: c.number } }));
}

function restsOnUnverified(a) {
  return (a.evidence || []).some((e) => !e.verified) || (a.interpretation && !a.interpretation.verified);
}

function cell(j, c, a) {
  if (!a) return el('td', { class: 'status unknown', text: '-' });
  const changed = Boolean(a.whatIf && a.whatIf.changed);
  const td = el('td', {
    class: `status ${CLASSES[a.status]}${changed ? ' changed' : ''}`,
    attrs: { 'data-jurisdiction': j.code, 'data-criterion': c.id, 'data-status': a.status, 'data-hypothetical': changed ? 'true' : null },
  });
  const label = t(`status.${a.status}`);
  const button = el('button', {
    class: 'cell',
    attrs: {
      type: 'button',
      'aria-label': t('matrix.cellLabel', { country: j.name, number: c.number, status: label })
        + (changed ? ' ' + t('matrix.cellHypothetical') : ''),
    },
  }, el('span', { class: 'mark', text: MARKS[a.status], attrs: { 'aria-hidden': 'true' } }), ' ',
  el('span', { class: 'label', text: label }));
  if (changed) button.append(el('span', { class: 'badge', text: `* ${t('matrix.hypotheticalBadge')}` }));
  if (restsOnUnverified(a)) button.append(el('span', { class: 'flag', text: ' †', attrs: { title: t('legend.unverified') } }));
  button.addEventListener('click', () => showDrilldown(j.code, c.id, true));
  td.append(button);
  if (state.selected && state.selected.code === j.code && state.selected.criterion === c.id) td.classList.add('selected');
  return td;
}

function drawCounts() {
  const result = state.result;
  const all = jurisdictionsOf(result);
  const criteria = criteriaOf(result);
  const tally = { MET: 0, NOT_MET: 0, UNKNOWN: 0 };
  let hypothetical = 0;
  for (const j of all) {
    for (const a of j.criteria) {
      tally[a.status] = (tally[a.status] || 0) + 1;
      if (a.whatIf && a.whatIf.changed) hypothetical++;
    }
  }
  const complete = all.filter((j) => j.met === criteria.length).length;
  const box = clear($('counts'));
  const count = (key, value, cls) => el('div', { class: `count ${cls || ''}`, attrs: { 'data-count': key } },
    el('span', { class: 'value', text: String(value) }), el('span', { class: 'name', text: t(`counts.${key}`) }));
  box.append(count('jurisdictions', all.length), count('complete', complete),
    count('met', tally.MET, 'met'), count('notMet', tally.NOT_MET, 'not-met'), count('unknown', tally.UNKNOWN, 'unknown'));
  if (result.hypothetical) box.append(count('hypothetical', hypothetical, 'hypothetical'));
}

/** Criteria met per jurisdiction, as the reports' chart draws it. */
function drawChart() {
  const all = jurisdictionsOf(state.result);
  const total = criteriaOf(state.result).length || 1;
  const LABEL = 150; const BAR = 360; const ROW = 24;
  const height = all.length * ROW + 40; const width = LABEL + BAR + 60;
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('chart.title') });
  chart.append(svg('title', {}, t('chart.title')));
  for (let tick = 0; tick <= total; tick++) {
    const x = LABEL + (tick * BAR) / total;
    chart.append(svg('line', { class: 'tick', x1: x, y1: 4, x2: x, y2: all.length * ROW + 4 }));
    chart.append(svg('text', { class: 'axis-label', x, y: all.length * ROW + 20, 'text-anchor': 'middle' }, tick));
  }
  all.forEach((j, i) => {
    const y = 4 + i * ROW;
    const length = Math.round((j.met * BAR) / total);
    chart.append(svg('text', { x: LABEL - 8, y: y + 16, 'text-anchor': 'end' }, j.name));
    chart.append(svg('rect', { class: j.met === total ? 'bar all' : 'bar', x: LABEL, y: y + 4, width: length, height: ROW - 8 }));
    chart.append(svg('text', { class: 'axis-label', x: LABEL + length + 6, y: y + 16 }, `${j.met}/${total}`));
  });
  chart.append(svg('text', { class: 'axis-label', x: LABEL + BAR / 2, y: all.length * ROW + 36, 'text-anchor': 'middle' }, t('chart.axis')));
  clear($('chart')).append(chart);
}

function showDrilldown(code, criterionId, focus) {
  const j = jurisdictionsOf(state.result).find((x) => x.code === code);
  const c = criteriaOf(state.result).find((x) => x.id === criterionId);
  const a = j && j.criteria.find((x) => x.id === criterionId);
  const panel = $('drilldown');
  for (const td of document.querySelectorAll('#matrix td.selected')) td.classList.remove('selected');
  if (!j || !c || !a) {
    panel.classList.add('hidden');
    state.selected = null;
    return;
  }
  state.selected = { code, criterion: criterionId };
  document.querySelector(`#matrix td[data-jurisdiction="${code}"][data-criterion="${criterionId}"]`)?.classList.add('selected');
  $('drilldown-title').textContent = t('drilldown.title', { country: j.name, code: j.code, number: c.number });
  const body = clear($('drilldown-body'));
  body.append(el('p', { class: 'question', text: c.question }));
  body.append(el('p', {}, el('strong', { text: t('drilldown.verdict') + ': ' }),
    el('span', { class: `verdict ${CLASSES[a.status]}`, attrs: { 'data-field': 'verdict' }, text: `${MARKS[a.status]} ${t(`status.${a.status}`)}` })));
  if (a.whatIf && a.whatIf.changed) {
    body.append(el('p', { class: 'hypothetical', attrs: { 'data-field': 'hypothetical' } },
      t('drilldown.hypothetical', { status: t(`status.${a.whatIf.baseline}`) }),
      ' ', a.whatIf.changes.map((ch) => `${ch.file}#${ch.id} (${ch.title})`).join('; ')));
  }
  const basis = el('div', { class: 'basis', attrs: { 'data-field': 'basis' } });
  if (a.interpretation) {
    const i = a.interpretation;
    basis.append(el('p', {}, el('strong', { text: t('drilldown.interpretation') + ': ' }), el('em', { text: i.id })),
      el('p', { text: i.reason || a.reason }),
      el('p', { class: 'small source' }, el('strong', { text: t('drilldown.source') + ': ' }), linkify(i.source),
        i.verified ? null : el('span', { class: 'flag', text: ` [${t('drilldown.unverified')}]` })));
    if (i.rulesAlone && i.rulesAlone.length) {
      basis.append(el('p', { class: 'small', text: `${t('drilldown.rulesAlone')}: ${i.rulesAlone.join('; ')}` }));
    }
  } else {
    basis.append(el('p', {}, el('strong', { text: t(a.basis === 'RULES' ? 'drilldown.rule' : 'drilldown.basis') + ': ' }),
      el('span', { attrs: { 'data-field': 'rule' }, text: a.rule || t('drilldown.noData') })),
    el('p', { text: a.reason }));
  }
  body.append(el('h3', { text: t('drilldown.decidedBy') }), basis);
  body.append(el('h3', { text: t('drilldown.evidence') }));
  if (!a.evidence || a.evidence.length === 0) {
    body.append(el('p', { text: t(a.status === 'NOT_MET' ? 'drilldown.noEvidence' : 'drilldown.noProvisions') }));
  } else {
    const list = el('ul', { class: 'evidence' });
    for (const e of a.evidence) {
      const item = el('li', { attrs: { 'data-provision': e.provision } },
        el('span', { class: 'citation', text: e.citation }), ' ', el('span', { text: `(${e.title})` }),
        el('br'), el('span', { text: t('drilldown.inForce', { date: e.inForce }) }),
        e.inForceBasis && e.inForceBasis !== 'in-force' ? el('span', { class: 'small', text: ` (${t(`inForceBasis.${e.inForceBasis}`)})` }) : null,
        e.verified ? null : el('span', { class: 'flag', attrs: { 'data-field': 'unverified' }, text: ` [${t('drilldown.unverified')}]` }),
        e.hypothetical ? el('span', { class: 'flag', text: ` [${t('drilldown.hypotheticalEvidence', { ref: `${e.hypothetical.file}#${e.hypothetical.id}` })}]` }) : null);
      if (e.summary) item.append(el('p', { class: 'small summary', text: e.summary }));
      item.append(el('p', { class: 'small source' }, el('strong', { text: t('drilldown.source') + ': ' }), linkify(e.source),
        e.retrieved ? ` (${t('drilldown.retrieved', { date: e.retrieved })})` : null));
      list.append(item);
    }
    body.append(list);
  }
  if (a.status !== 'MET' && c.recommendation) {
    body.append(el('div', { class: 'recommendation' }, el('strong', { text: t('drilldown.recommendation') + ': ' }), c.recommendation));
  }
  panel.classList.remove('hidden');
  if (focus) panel.focus();
}

async function downloadReport(format) {
  const docs = amendments.documents();
  const body = { ...request(), format, lang: language(), amendments: docs };
  announce(t('report.making', { format: format.toUpperCase() }));
  try {
    let fallback = false;
    let report;
    try {
      report = await postReport(body);
    } catch (error) {
      // A server without report wording in the page's language: the report in English rather than none, said so.
      if (error.status !== 400 || body.lang === 'en' || !/\blang\b/.test(error.message)) throw error;
      fallback = true;
      report = await postReport({ ...body, lang: 'en' });
    }
    const { blob, name } = report;
    const url = URL.createObjectURL(blob);
    const a = el('a', { attrs: { href: url, download: name }, class: 'hidden' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    announce(t(fallback ? 'report.langFallback' : 'report.done', { name }));
  } catch (error) {
    showError(error);
  }
}

function subscribe() {
  if (!window.EventSource) return;
  const events = new EventSource('api/events');
  events.addEventListener('packs', async (event) => {
    let change = {};
    try {
      change = JSON.parse(event.data);
    } catch (e) {
      // an event without data still means "something changed"
    }
    await packs.reload();
    await reloadAll();
    announce(t(`events.${change.change}`, { id: change.id, version: change.version }) || t('events.changed'));
  });
  events.addEventListener('open', () => document.body.setAttribute('data-live', 'true'));
}

async function relabel() {
  fillScope();
  fillEditions();
  if (state.result) {
    drawMatrix();
    drawCounts();
    drawChart();
    if (state.selected) showDrilldown(state.selected.code, state.selected.criterion, false);
    const result = state.result;
    announce(t(result.hypothetical ? 'status.shownHypothetical' : 'status.shown', { scope: scopeName(), edition: result.edition, asOf: result.asOf }));
  }
  amendments.relabel();
  packs.draw();
}

async function start() {
  const lang = preferredLanguage();
  await setLanguage(lang);
  $('lang').value = lang;
  $('asOf').value = state.asOf;
  $('lang').addEventListener('change', async () => {
    await setLanguage($('lang').value, true);
    await relabel();
  });
  $('scope').addEventListener('change', () => { state.scope = $('scope').value; refresh(); });
  $('edition').addEventListener('change', () => { state.edition = $('edition').value; refresh(); });
  // Typing a date changes the field once per digit of the year (0002, 0020, 0201, 2017): assess once typing pauses.
  let typing = null;
  $('asOf').addEventListener('change', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      if (!$('asOf').value || $('asOf').value === state.asOf) return;
      state.asOf = $('asOf').value;
      refresh();
    }, 300);
  });
  $('drilldown-close').addEventListener('click', () => {
    $('drilldown').classList.add('hidden');
    for (const td of document.querySelectorAll('#matrix td.selected')) td.classList.remove('selected');
    state.selected = null;
  });
  $('report-pdf').addEventListener('click', () => downloadReport('pdf'));
  $('report-html').addEventListener('click', () => downloadReport('html'));
  amendments.wire();
  packs.wire();
  subscribe();
  await packs.reload();
  await reloadAll();
  document.body.setAttribute('data-ready', 'true');
}

start();
