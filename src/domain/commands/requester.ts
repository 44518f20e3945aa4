// Who asks for a command: a signed-in account (from the session), an anonymous visitor of a public
// form, or the system itself (the CLI, start-up). The audit row of a command names them.
export type Requester = {
  accountId: string | null;
  email: string | null;
  ip: string | null;
};

export function systemRequester(name: 'cli' | 'system'): Requester {
  return { accountId: null, email: name, ip: null };
}

export function anonymousRequester(ip: string | null): Requester {
  return { accountId: null, email: null, ip };
}

/**
 * The CLI and start-up act for whoever runs the instance (they hold its data folder): they are
 * allowed what an instance administrator is, and their audit rows name them ('cli', 'system').
 */
export function isSystemRequester(requester: Requester): boolean {
  return requester.accountId === null && requester.ip === null && (requester.email === 'cli' || requester.email === 'system');
}
