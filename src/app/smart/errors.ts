/**
 * A failure talking to the record, sorted into what the user can do about it, and said in words
 * (i18next namespace `smart`, keys `failure.*`).
 */
import type { TFunction } from 'i18next';

export type FailureKind = 'network' | 'expired' | 'unauthorized' | 'forbidden' | 'refused' | 'server' | 'other';

export interface Failure {
  kind: FailureKind;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** What the server said (an OperationOutcome's text, or an OAuth error), trimmed. */
  detail?: string;
}

/** The text of an OperationOutcome's issues, or an OAuth error body's `error_description`. */
export function outcomeText(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { resourceType?: string; issue?: { diagnostics?: string; details?: { text?: string }; code?: string }[]; error?: string; error_description?: string };
  if (b.resourceType === 'OperationOutcome' && Array.isArray(b.issue)) {
    const parts = b.issue.map((i) => i.diagnostics ?? i.details?.text ?? i.code).filter((x): x is string => !!x);
    return parts.length ? parts.join('; ').slice(0, 300) : undefined;
  }
  if (typeof b.error === 'string') return (b.error_description ? `${b.error}: ${b.error_description}` : b.error).slice(0, 300);
  return undefined;
}

/**
 * Sort an error thrown by fhirclient (an HttpError with `status`, whose message carries the
 * response body after a blank line) or by fetch (a TypeError: the server could not be reached).
 */
export function classify(e: unknown, tokenExpired = false): Failure {
  const err = e as { status?: unknown; message?: unknown; name?: unknown };
  const status = typeof err?.status === 'number' ? err.status : undefined;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  if (status === undefined) {
    if (e instanceof TypeError || /Failed to fetch|NetworkError|ECONNREFUSED|Load failed/i.test(message)) return { kind: 'network' };
    return { kind: 'other', detail: message.split('\n')[0].slice(0, 300) };
  }
  // fhirclient puts the response body after a blank line (then, on a 401, its own English hint).
  let detail: string | undefined;
  const blank = message.indexOf('\n\n');
  if (blank >= 0) {
    const body = message.slice(blank + 2).trim();
    const json = body.startsWith('{') ? body.slice(0, body.lastIndexOf('}') + 1) : body;
    try { detail = outcomeText(JSON.parse(json)); } catch {
      const first = body.split('\n')[0].trim();
      if (first && !first.startsWith('<')) detail = first.slice(0, 300);
    }
  }
  const kind: FailureKind = status === 401 ? (tokenExpired ? 'expired' : 'unauthorized')
    : status === 403 ? 'forbidden'
      : status >= 500 ? 'server'
        : status >= 400 ? 'refused' : 'other';
  return { kind, status, ...(detail ? { detail } : {}) };
}

/** The failure in words, in the user's language. */
export function failureSentence(f: Failure, t: TFunction): string {
  const base = t(`failure.${f.kind}`, { ns: 'smart', status: f.status ?? '' });
  return f.detail ? `${base} ${t('failure.said', { ns: 'smart', detail: f.detail })}` : base;
}

export function failureText(e: unknown, t: TFunction): string {
  return failureSentence(classify(e), t);
}
