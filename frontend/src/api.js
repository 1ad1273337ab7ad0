// Talking to the JSON API; the write token lives in this browser's localStorage.
const TOKEN_KEY = "eventlens-token";

export function storedToken() {
  return localStorage.getItem(TOKEN_KEY) || "";
}

export function saveToken(token) {
  if (token) localStorage.setItem(TOKEN_KEY, token);
}

// `eventlens serve` prints a URL ending in #token=...: keep the token, clean the address bar.
export function adoptTokenFromHash() {
  const match = location.hash.match(/^#token=([\w-]+)$/);
  if (match) {
    saveToken(match[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }
}

export async function getJSON(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(`${path}?${query}`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

export async function postJSON(path, body, token) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, payload };
}

// Parse "a=1&b=2" (from a data-query attribute) into an object.
export function queryObject(text) {
  return Object.fromEntries(new URLSearchParams(text || ""));
}
