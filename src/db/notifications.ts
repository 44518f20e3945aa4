import pg from 'pg';

export type Notifications = {
  /** Tells every app process on the database, this one included. */
  publish: (channel: string, payload: string) => Promise<void>;
  /**
   * Calls `onMessage` for every message on the channel, from any process. `onGap` is called when
   * messages may have been missed (the listening connection was lost and is back): drop whatever
   * the messages would have told you to drop.
   */
  subscribe: (channel: string, onMessage: (payload: string) => void, onGap: () => void) => void;
  close: () => Promise<void>;
};

type Subscriber = { onMessage: (payload: string) => void; onGap: () => void };

// Channels are namespaced, so a database shared with other software hears only ours.
const channelName = (channel: string): string => `unionhall_${channel}`;

/** Within one process only: for tests and tools that run a single process. */
export function createLocalNotifications(): Notifications {
  const subscribers = new Map<string, Subscriber[]>();
  return {
    async publish(channel, payload) {
      for (const s of subscribers.get(channel) ?? []) s.onMessage(payload);
    },
    subscribe(channel, onMessage, onGap) {
      subscribers.set(channel, [...(subscribers.get(channel) ?? []), { onMessage, onGap }]);
    },
    async close() {
      subscribers.clear();
    },
  };
}

/**
 * PostgreSQL's LISTEN/NOTIFY between the app processes on one database. Publishing is a NOTIFY on
 * the pool; listening holds one connection of its own, opened at the first subscription and opened
 * again (after 0.5, 1, 2, … 10 s) whenever it is lost, a database restart say, after which every
 * subscriber hears of the gap.
 */
export function createPgNotifications(connection: pg.PoolConfig, pool: pg.Pool, log: (message: string) => void): Notifications {
  const subscribers = new Map<string, Subscriber[]>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  function dispatch(message: pg.Notification): void {
    const channel = message.channel.replace(/^unionhall_/, '');
    for (const s of subscribers.get(channel) ?? []) s.onMessage(message.payload ?? '');
  }

  function gap(): void {
    for (const list of subscribers.values()) for (const s of list) s.onGap();
  }

  function scheduleReconnect(): void {
    if (closed || retry) return;
    const delay = Math.min(10_000, 500 * 2 ** Math.min(failures, 5));
    failures++;
    retry = setTimeout(() => {
      retry = null;
      void listen(true);
    }, delay);
    retry.unref();
  }

  async function listen(afterLoss: boolean): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ ...connection, keepAlive: true });
    // The listening connection may die at any time; it must never take the process with it.
    next.on('error', () => undefined);
    next.on('notification', dispatch);
    next.on('end', () => {
      if (client !== next) return;
      client = null;
      if (!closed) {
        log('Lost the connection that listens for changes made by other app processes; reconnecting.');
        scheduleReconnect();
      }
    });
    try {
      await next.connect();
      for (const channel of subscribers.keys()) await next.query(`LISTEN ${pg.escapeIdentifier(channelName(channel))}`);
    } catch {
      await next.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    if (afterLoss) {
      log('Listening again for changes made by other app processes.');
      gap();
    }
  }

  return {
    async publish(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channelName(channel), payload]);
    },
    subscribe(channel, onMessage, onGap) {
      const known = subscribers.has(channel);
      subscribers.set(channel, [...(subscribers.get(channel) ?? []), { onMessage, onGap }]);
      if (client && !known) void client.query(`LISTEN ${pg.escapeIdentifier(channelName(channel))}`).catch(() => client?.end().catch(() => undefined));
      else if (!client && !connecting && !retry) connecting = listen(false).finally(() => (connecting = null));
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
