// Logs must not carry personal data. Database errors do: Drizzle puts the query parameters in the
// message ("params: jane@example.org,…") and PostgreSQL puts the offending values in `detail`
// ("Key (email)=(jane@example.org) already exists"). We keep what helps debugging — the kind of
// error, its code, the SQL text without values, the stack — and drop the values.
export type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

export function serializeErrorForLog(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown', stack: '' };
  const cause = (err as { cause?: unknown }).cause;
  return {
    type: err.name,
    message: stripParams(err.message),
    code: (err as { code?: unknown }).code,
    stack: err.stack ? stripParams(err.stack) : '',
    ...(cause instanceof Error ? { cause: serializeErrorForLog(cause) } : {}),
  };
}

function stripParams(text: string): string {
  return text.replace(/\nparams:[\s\S]*?(?=\n\s+at |$)/, '\nparams: [redacted]');
}
