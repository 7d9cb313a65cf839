// The packs list (GET /api/packs) with upload of a new pack or version (PUT /api/packs) and removal
// (DELETE /api/packs/{id}). Both changes need the token 'lexgap serve' printed; it is kept for this tab only.
import { el, clear } from './dom.js';
import { t } from './i18n.js';
import { getJson, uploadPack, removePack } from './api.js';

const $ = (id) => document.getElementById(id);
const TOKEN = 'lexgap.token';

export class Packs {
  constructor({ announce, showError, onChange }) {
    this.announce = announce;
    this.showError = showError;
    this.onChange = onChange;
    this.packs = [];
  }

  wire() {
    $('token').value = sessionStorage.getItem(TOKEN) || '';
    $('token').addEventListener('change', () => sessionStorage.setItem(TOKEN, $('token').value.trim()));
    $('upload-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.upload();
    });
  }

  token() {
    const value = $('token').value.trim();
    sessionStorage.setItem(TOKEN, value);
    return value;
  }

  async reload() {
    try {
      this.packs = await getJson('packs');
      this.draw();
    } catch (error) {
      this.showError(error);
    }
  }

  draw() {
    const body = clear($('packs').tBodies[0]);
    for (const p of [...this.packs].sort((a, b) => a.id.localeCompare(b.id))) {
      const remove = el('button', { text: t('packs.remove'), attrs: { type: 'button', 'aria-label': t('packs.removeLabel', { id: p.id }) } });
      remove.addEventListener('click', () => this.remove(p.id));
      const signer = p.signed
        ? el('td', { text: p.signer })
        : el('td', { class: 'unsigned', text: t('packs.unsigned') });
      body.append(el('tr', { attrs: { 'data-pack': p.id } },
        el('th', { attrs: { scope: 'row' } }, el('span', { text: p.id }), p.title ? el('span', { class: 'small', text: ` ${p.title}` }) : null),
        el('td', { text: p.version }),
        el('td', { text: p.kind }),
        signer,
        el('td', { class: `state-${p.state}`, text: t(`packs.state.${p.state}`) }),
        el('td', { class: 'small', text: p.lastError || '' }),
        el('td', {}, remove)));
    }
  }

  result(text, ok) {
    const box = $('packs-result');
    box.textContent = text;
    box.className = `packs-result ${ok ? 'ok' : 'refused'}`;
  }

  async upload() {
    const file = $('pack-file').files[0];
    if (!file) return;
    try {
      const answer = await uploadPack(file, this.token());
      const key = { updated: 'packs.updated', unchanged: 'packs.unchanged' }[answer.change] || 'packs.installed';
      this.result(t(key, { id: answer.pack.id, version: answer.pack.version, previous: answer.previousVersion || '' }), true);
      $('pack-file').value = '';
      await this.reload();
      await this.onChange();
    } catch (error) {
      this.result(error.status === 401 ? t('packs.tokenNeeded', { message: error.message }) : t('packs.refused', { message: error.message }), false);
      await this.reload();
    }
  }

  async remove(id) {
    try {
      const answer = await removePack(id, this.token());
      this.result(t('packs.removed', { id: answer.id, version: answer.version }), true);
      await this.reload();
      await this.onChange();
    } catch (error) {
      this.result(error.status === 401 ? t('packs.tokenNeeded', { message: error.message }) : t('packs.refused', { message: error.message }), false);
    }
  }
}
