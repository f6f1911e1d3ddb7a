// Talking to the API: the session token, problem details, expired sessions and idempotent writes.

export class SessionExpired extends Error {}

/// An RFC 9457 problem answered by the server: `problem.errors` lists [{field, message}].
export class Problem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || String(status));
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  token: () => sessionStorage.getItem('reable.token'),
  user: () => sessionStorage.getItem('reable.user'),
  begin(token, username) {
    // Drafts of another user are not theirs to see (a shared tablet).
    if (sessionStorage.getItem('reable.user') !== username) clearDrafts();
    sessionStorage.setItem('reable.token', token);
    sessionStorage.setItem('reable.user', username);
  },
  end() {
    sessionStorage.removeItem('reable.token');
  },
};

export function clearDrafts() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('reable.draft.')) sessionStorage.removeItem(key);
}

/// Calls the API with the session's token. A 401 ends the session and goes to the sign-in page,
/// which brings the user back to the page they were on; open forms keep their drafts meanwhile.
export async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 && token) {
    session.end();
    sessionStorage.setItem('reable.notice', 'expired');
    sessionStorage.setItem('reable.return', location.hash);
    location.hash = '#/login';
    throw new SessionExpired();
  }
  if (!response.ok) throw new Problem(response.status, await response.json().catch(() => ({})));
  return response;
}

export const getJson = async (path) => (await api(path)).json();

/// A write. With an idempotency key, a repeat of the same request (a double tap, a retry after a
/// lost answer) gets the first answer back instead of creating a second record.
export async function send(method, path, body, { idempotencyKey } = {}) {
  const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
  const response = await api(path, { method, headers, body: JSON.stringify(body) });
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/// 128 random bits as hex (crypto.randomUUID needs a secure context; getRandomValues does not).
export const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)),
                                       (b) => b.toString(16).padStart(2, '0')).join('');
