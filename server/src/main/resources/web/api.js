// The JSON API of 'lexgap serve' (/openapi.json). Errors come as {"error":{"code","exit","message"}}.

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = error?.code;
    this.exit = error?.exit;
    this.details = error?.problems || error?.details || [];
  }
}

async function check(response) {
  if (response.ok) return response;
  let error = null;
  try {
    error = (await response.json()).error;
  } catch (e) {
    // not JSON: keep the status only
  }
  throw new ApiError(response.status, error);
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const response = await fetch(`api/${path}${query.size ? '?' + query : ''}`, { headers: { Accept: 'application/json' } });
  return (await check(response)).json();
}

export async function postJson(path, body) {
  const response = await fetch(`api/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
  });
  return (await check(response)).json();
}

/** POST /api/report: the report's bytes and the file name the server gives it. */
export async function postReport(body) {
  const response = await check(await fetch('api/report', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }));
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] || `lexgap-report.${body.format}`;
  return { blob: await response.blob(), name };
}

function auth(token) {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export async function uploadPack(file, token) {
  const type = file.name.toLowerCase().endsWith('.jar') ? 'application/java-archive' : 'application/zip';
  const response = await fetch('api/packs', {
    method: 'PUT', headers: { 'Content-Type': type, ...auth(token) }, body: file,
  });
  return (await check(response)).json();
}

export async function removePack(id, token) {
  const response = await fetch(`api/packs/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth(token) });
  return (await check(response)).json();
}
