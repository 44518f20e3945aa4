// Which errors mean "the database is not there right now" (a 503 that resolves itself), as opposed
// to a bug (a 500). node-postgres reports a lost connection in three ways: a socket error code
// (ECONNRESET, EPIPE, …), a PostgreSQL SQLSTATE (57P01 when the server shuts down), or a bare
// message with no code at all ("Connection terminated unexpectedly"), so all three are checked,
// down the chain of causes (Drizzle wraps the driver's error in `cause`).

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

const SQLSTATES = new Set([
  '57P01', // admin_shutdown: a fast or smart shutdown ended our session
  '57P02', // crash_shutdown: another backend crashed, the server is resetting
  '57P03', // cannot_connect_now: starting up, shutting down or in recovery
  '57014', // query_canceled: the statement timeout fired
  '53300', // too_many_connections
  '3D000', // invalid_catalog_name: the database is gone (dropped, or not yet restored)
  '25P03', // idle_in_transaction_session_timeout
]);

// node-postgres and pg-pool's own messages for a lost or unobtainable connection (they carry no code).
const MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'timeout expired',
  'Query read timeout',
  'Cannot use a pool after calling end on the pool',
  'database ping timed out',
];

function* chain(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    yield e as { code?: unknown; message?: unknown };
  }
}

/** The SQLSTATEs and socket codes along an error's chain of causes. */
export function databaseErrorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (const e of chain(err)) if (typeof e.code === 'string') codes.push(e.code);
  return codes;
}

/** True when the error means the database cannot be reached or answer now (503), not that the request is wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    // Class 08 is "connection exception" in PostgreSQL's SQLSTATE table.
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (code === '' && MESSAGES.some((m) => message.startsWith(m))) return true;
  }
  return false;
}

/** A statement the server cancelled because it ran past statement_timeout (logged apart: it may be a slow query of ours). */
export function isStatementTimeout(err: unknown): boolean {
  return databaseErrorCodes(err).includes('57014');
}
