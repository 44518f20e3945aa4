// The one way the app talks to the API: same-origin fetch with the session cookie, the CSRF
// token on every write, and errors turned into ApiError with the server's message and fields.

import { parse as parseContentDisposition } from 'content-disposition';

export type FieldProblem = { field: string; reason: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The reason given for one field, matched without the "body." / "querystring." prefix. */
  fieldReason(field: string): string | undefined {
    return this.fields.find((f) => normalizeField(f.field) === field)?.reason;
  }
}

export function normalizeField(field: string): string {
  return field.replace(/^(body|querystring|params)\./, '');
}

/** Codes that mean "you are not signed in (any more)", as opposed to a wrong password. */
const SESSION_LOST = new Set(['unauthenticated', 'session_expired']);

let csrfToken: Promise<string> | null = null;
let onSessionLost: (() => void) | null = null;
let onSecondFactorRequired: (() => void) | null = null;

/** Called when a request finds the session owing its second factor (the requirement was just turned on for its role). */
export function setSecondFactorRequiredHandler(handler: (() => void) | null): void {
  onSecondFactorRequired = handler;
}

/** Called when a request finds the session gone (expired, or ended on another device). */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw await toApiError(response);
  const body = (await response.json()) as { token: string };
  return body.token;
}

function csrf(): Promise<string> {
  csrfToken ??= fetchCsrfToken().catch((err: unknown) => {
    csrfToken = null;
    throw err;
  });
  return csrfToken;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; fields?: FieldProblem[] } };
    if (body.error?.message) return new ApiError(response.status, body.error.code ?? 'error', body.error.message, body.error.fields ?? []);
  } catch {
    // Not JSON (a proxy's error page, for instance): fall through to a generic message.
  }
  if (response.status >= 500) return new ApiError(response.status, 'internal', 'The server had a problem. Nothing was saved; try again in a moment.');
  return new ApiError(response.status, 'error', `The server answered ${response.status}. Try again.`);
}

export type RequestOptions = {
  signal?: AbortSignal;
  /** Do not treat a 401 as "session lost" (used while finding out whether anyone is signed in). */
  quietAuth?: boolean;
};

async function send<T>(method: string, path: string, body: unknown, options: RequestOptions, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const unsafe = method !== 'GET' && method !== 'HEAD';
  if (unsafe) headers['x-csrf-token'] = await csrf();
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body), signal: options.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const error = await toApiError(response);
  // The CSRF cookie can change under us (another tab, a cleared cookie): fetch a new token once.
  if (error.code === 'csrf_invalid' && !retried) {
    csrfToken = null;
    return send<T>(method, path, body, options, true);
  }
  if (response.status === 401 && SESSION_LOST.has(error.code) && !options.quietAuth) onSessionLost?.();
  if (error.code === 'second_factor_required' && !options.quietAuth) onSecondFactorRequired?.();
  throw error;
}

/** Sends a file (multipart/form-data) with the CSRF token; the browser sets the boundary. */
async function upload<T>(path: string, form: FormData, retried = false): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { accept: 'application/json', 'x-csrf-token': await csrf() }, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
  if (response.ok) return (await response.json()) as T;
  const error = await toApiError(response);
  if (error.code === 'csrf_invalid' && !retried) {
    csrfToken = null;
    return upload<T>(path, form, true);
  }
  if (response.status === 401 && SESSION_LOST.has(error.code)) onSessionLost?.();
  throw error;
}

/**
 * POSTs and hands the response's file to the browser as a download (for generated documents:
 * the request needs the CSRF token, so a plain link cannot do it). Returns the file name.
 */
async function downloadFile(path: string, body: unknown): Promise<string> {
  const send = async (retried: boolean): Promise<string> => {
    const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': await csrf() }, body: JSON.stringify(body) });
    if (!response.ok) {
      const error = await toApiError(response);
      if (error.code === 'csrf_invalid' && !retried) {
        csrfToken = null;
        return send(true);
      }
      if (response.status === 401 && SESSION_LOST.has(error.code)) onSessionLost?.();
      throw error;
    }
    // Parsed, not matched: a plain name comes unquoted, and a name in another script only in filename*.
    const filename = parseContentDisposition(response.headers.get('content-disposition') ?? 'attachment').parameters.filename ?? 'download';
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return filename;
  };
  try {
    return await send(false);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
  }
}

export const api = {
  upload,
  download: downloadFile,
  get: <T>(path: string, options: RequestOptions = {}) => send<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('PATCH', path, body ?? {}, options),
  delete: <T>(path: string, options: RequestOptions = {}) => send<T>('DELETE', path, undefined, options),
};

export type QueryParams = Record<string, string | number | undefined | null>;

/** Builds a query string from the values that are set. */
export function query(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function campaignPath(slug: string, rest = ''): string {
  return `/api/campaigns/${encodeURIComponent(slug)}${rest}`;
}
