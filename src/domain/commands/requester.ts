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
