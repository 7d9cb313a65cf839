// Every label on the page in English and Spanish (i18n/en.json, i18n/es.json). The language is the browser's
// (navigator.languages) unless the reader picks one; the choice is kept for the tab in sessionStorage.

export const LANGUAGES = ['en', 'es'];
let messages = {};
let fallback = {};
let current = 'en';

export function preferredLanguage() {
  const chosen = sessionStorage.getItem('lexgap.lang');
  if (LANGUAGES.includes(chosen)) return chosen;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(primary)) return primary;
  }
  return 'en';
}

async function fetchMessages(lang) {
  const response = await fetch(`i18n/${lang}.json`);
  if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
  return response.json();
}

export async function setLanguage(lang, remember = false) {
  if (!LANGUAGES.includes(lang)) lang = 'en';
  if (lang !== 'en' && Object.keys(fallback).length === 0) fallback = await fetchMessages('en');
  messages = await fetchMessages(lang);
  if (lang === 'en') fallback = messages;
  current = lang;
  if (remember) sessionStorage.setItem('lexgap.lang', lang);
  document.documentElement.lang = lang;
  document.title = t('app.title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
}

export function language() {
  return current;
}

/** The label for key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  let text = messages[key] ?? fallback[key];
  if (text === undefined) {
    console.warn('no label for', key);
    text = key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
