// The what-if panel: recorded provisions turned off (a repeal from the date on screen), hypothetical provisions
// added, and amendment files loaded. The page sends them with every assessment and report as amendment documents
// (docs/what-if.md, docs/schema/amendment.schema.json); a pack is never changed.
import { el, clear } from './dom.js';
import { t } from './i18n.js';
import { getJson } from './api.js';
import { ELEMENT_TYPES, REQUIRED, VALUES } from './vocabulary.js';

const $ = (id) => document.getElementById(id);

export class Amendments {
  constructor({ state, onChange, announce, showError }) {
    this.state = state;
    this.onChange = onChange;
    this.announce = announce;
    this.showError = showError;
    this.repeals = new Map(); // provision id -> {jurisdiction, provision, citation, from}
    this.additions = []; // {jurisdiction, title, section, summary, from, element}
    this.files = []; // {name, text}
    this.jurisdictions = [];
    this.counter = 0;
  }

  /** The amendment documents to send: one per jurisdiction for what was made here, then each loaded file's text. */
  documents() {
    const byJurisdiction = new Map();
    const changesOf = (code) => {
      if (!byJurisdiction.has(code)) byJurisdiction.set(code, []);
      return byJurisdiction.get(code);
    };
    for (const r of this.repeals.values()) {
      changesOf(r.jurisdiction).push({
        id: `repeal-${r.provision}`, kind: 'repeal', title: `Repeal of ${r.citation}`,
        note: 'Turned off on the trainer page: a hypothetical repeal, not law.', from: r.from, target: r.provision,
      });
    }
    for (const a of this.additions) {
      changesOf(a.jurisdiction).push({
        id: a.id, kind: 'add-instrument', title: `${a.title} (hypothetical)`,
        note: 'Added on the trainer page: a hypothetical provision, not law.', from: a.from,
        instrument: {
          id: a.instrumentId, title: `${a.title} (hypothetical)`, citation: `${a.title} (hypothetical)`,
          provisions: [{ id: `${a.instrumentId}-1`, section: a.section, summary: a.summary, elements: [a.element] }],
        },
      });
    }
    const documents = [...byJurisdiction.entries()].map(([code, changes]) => ({
      title: `What-if for ${code} made on the trainer page`, jurisdiction: code,
      note: 'Made on the Lexgap trainer page for a demonstration. Hypothetical: it is not law and stands for no real bill.',
      changes,
    }));
    return [...documents, ...this.files.map((f) => f.text)];
  }

  jurisdictionsChanged(jurisdictions) {
    this.jurisdictions = [...jurisdictions].sort((a, b) => a.name.localeCompare(b.name));
    for (const id of ['repeal-jurisdiction', 'add-jurisdiction']) {
      const select = $(id);
      const previous = select.value;
      clear(select);
      for (const j of this.jurisdictions) select.append(el('option', { text: `${j.name} (${j.code})`, attrs: { value: j.code } }));
      if (previous && this.jurisdictions.some((j) => j.code === previous)) select.value = previous;
      else if (this.jurisdictions.some((j) => j.code === 'MY')) select.value = 'MY';
    }
  }

  wire() {
    $('repeal-jurisdiction').addEventListener('change', () => this.refreshProvisions());
    $('add-from').value = this.state.asOf;
    this.drawElementFields('offence');
    $('add-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    $('amend-file').addEventListener('change', () => this.load());
    $('amend-clear').addEventListener('click', () => {
      this.repeals.clear();
      this.additions = [];
      this.files = [];
      this.drawActive();
      this.onChange();
    });
  }

  relabel() {
    const values = {};
    for (const select of $('element-fields').querySelectorAll('select')) values[select.dataset.attribute] = select.value;
    this.drawElementFields(values.type || 'offence', values);
    this.drawActive();
    this.refreshProvisions();
  }

  /** The element form: a type, then one select per attribute the type takes (required first). */
  drawElementFields(type, values = {}) {
    const box = clear($('element-fields'));
    const field = (attribute, options, required) => {
      const id = `element-${attribute}`;
      const select = el('select', { attrs: { id, 'data-attribute': attribute } });
      if (!required) select.append(el('option', { text: t('element.none'), attrs: { value: '' } }));
      for (const value of options) select.append(el('option', { text: String(value), attrs: { value } }));
      if (values[attribute] !== undefined && options.map(String).includes(String(values[attribute]))) select.value = values[attribute];
      return el('div', { class: 'field' }, el('label', { text: t(`element.attr.${attribute}`) + (required ? '' : ` (${t('element.optional')})`), attrs: { for: id } }), select);
    };
    const typeField = field('type', Object.keys(ELEMENT_TYPES), true);
    typeField.querySelector('select').value = type;
    typeField.querySelector('select').addEventListener('change', (e) => this.drawElementFields(e.target.value, this.elementValues()));
    box.append(typeField);
    for (const attribute of ELEMENT_TYPES[type]) {
      const required = REQUIRED[type].includes(attribute);
      const options = attribute === 'ageLimit' ? ['18', '16', '14'] : VALUES[attribute];
      box.append(field(attribute, options, required));
    }
    if (values.type === undefined && type === 'offence') {
      // The most common demonstration: a simple-possession offence.
      $('element-conduct').value = 'possess';
      $('element-intent').value = 'none';
    }
  }

  elementValues() {
    const values = {};
    for (const select of $('element-fields').querySelectorAll('select')) {
      if (select.value !== '') values[select.dataset.attribute] = select.dataset.attribute === 'ageLimit' ? Number(select.value) : select.value;
    }
    return values;
  }

  add() {
    const code = $('add-jurisdiction').value;
    const title = $('add-title').value.trim();
    const section = $('add-section').value.trim();
    const summary = $('add-summary').value.trim();
    const from = $('add-from').value || this.state.asOf;
    if (!code || !title || !section || !summary) return;
    this.counter += 1;
    const id = `add-${this.counter}`;
    this.additions.push({
      id, jurisdiction: code, title, section, summary, from, element: this.elementValues(),
      instrumentId: `${code}-WHATIF-${Date.now().toString(36).toUpperCase()}-${this.counter}`,
    });
    $('add-title').value = '';
    $('add-section').value = '';
    $('add-summary').value = '';
    this.drawActive();
    this.announce(t('amend.added', { title, code }));
    this.onChange();
  }

  async load() {
    const file = $('amend-file').files[0];
    if (!file) return;
    const text = await file.text();
    this.files.push({ name: file.name, text });
    $('amend-file').value = '';
    this.drawActive();
    this.announce(t('amend.loaded', { name: file.name }));
    this.onChange();
  }

  /** The provisions of the chosen jurisdiction in force on the date shown (from explain), each with a checkbox. */
  async refreshProvisions() {
    const code = $('repeal-jurisdiction').value;
    const list = $('provisions');
    const criterion = this.state.result?.criteriaDefinitions?.[0]?.id;
    if (!code || !criterion) return;
    try {
      const explanation = await getJson('explain', { jurisdiction: code, criterion, edition: this.state.edition, asOf: this.state.asOf });
      clear(list);
      const recorded = (explanation.inForce || []).filter((p) => !p.hypothetical && !String(p.provision).includes('-WHATIF-'));
      const repealedHere = [...this.repeals.values()].filter((r) => r.jurisdiction === code && !recorded.some((p) => p.provision === r.provision));
      if (recorded.length === 0 && repealedHere.length === 0) list.append(el('li', { text: t('amend.repeal.none') }));
      for (const p of recorded) list.append(this.provisionItem(code, p.provision, p.citation));
      for (const r of repealedHere) list.append(this.provisionItem(code, r.provision, r.citation));
    } catch (error) {
      clear(list).append(el('li', { text: error.message }));
    }
  }

  provisionItem(code, provision, citation) {
    const id = `provision-${provision}`;
    const box = el('input', { attrs: { type: 'checkbox', id, 'data-provision': provision } });
    box.checked = !this.repeals.has(provision);
    box.addEventListener('change', () => {
      if (box.checked) this.repeals.delete(provision);
      else this.repeals.set(provision, { jurisdiction: code, provision, citation, from: this.state.asOf });
      this.drawActive();
      this.announce(t(box.checked ? 'amend.restored' : 'amend.repealed', { citation, date: this.state.asOf }));
      this.onChange();
    });
    return el('li', {}, box, ' ', el('label', { text: `${citation} (${provision})`, attrs: { for: id } }));
  }

  drawActive() {
    const list = clear($('active-amendments'));
    const remove = (label, action) => {
      const button = el('button', { text: t('amend.remove'), attrs: { type: 'button', 'aria-label': `${t('amend.remove')}: ${label}` } });
      button.addEventListener('click', () => {
        action();
        this.drawActive();
        this.refreshProvisions();
        this.onChange();
      });
      return button;
    };
    for (const r of this.repeals.values()) {
      const label = t('amend.active.repeal', { citation: r.citation, code: r.jurisdiction, date: r.from });
      list.append(el('li', {}, el('span', { text: label }), remove(label, () => this.repeals.delete(r.provision))));
    }
    for (const a of this.additions) {
      const label = t('amend.active.add', { title: a.title, section: a.section, code: a.jurisdiction, date: a.from });
      list.append(el('li', {}, el('span', { text: label }), remove(label, () => { this.additions = this.additions.filter((x) => x !== a); })));
    }
    for (const f of this.files) {
      const label = t('amend.active.file', { name: f.name });
      list.append(el('li', {}, el('span', { text: label }), remove(label, () => { this.files = this.files.filter((x) => x !== f); })));
    }
    if (!list.firstChild) list.append(el('li', { text: t('amend.active.none') }));
  }
}
