/** Typed fetch for the Accord API. Sessions ride on the httpOnly cookie set at sign-in; no token is kept in script reach. */

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    readonly field?: string,
    /** The error's particulars, e.g. who is unavailable for MEDIATOR_UNAVAILABLE. */
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

let acceptLanguage = 'en';
/** The server renders its own error messages in this language as a fallback for codes the UI does not know. */
export function setApiLanguage(l: string): void {
  acceptLanguage = l;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': acceptLanguage,
        // A FormData body (uploads) sets its own multipart boundary.
        ...(body !== undefined && !(body instanceof FormData)
          ? { 'content-type': 'application/json' }
          : {}),
      },
      body: body instanceof FormData ? body : body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = (json as ApiErrorBody | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? '', e?.field, e?.details);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

export interface Membership {
  orgId: string;
  role: string;
  courtId: string | null;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  timeZone: string;
  memberships: Membership[];
  mediatorIds: string[];
  /** A platform administrator: creates committees (/admin), staff of none. */
  platformAdmin?: boolean;
}

export interface SessionResponse {
  token: string;
  expiresAt: string;
  user: User;
}
