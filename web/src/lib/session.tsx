import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, setSecondFactorRequiredHandler, setSessionLostHandler } from './api.js';
import type { Me } from './api-types.js';
import { SECOND_FACTOR_PATH, type MySecondFactors } from './second-factor-types.js';

const APP_BASE = '/app';

// 'second-factor': the password (or link) was right, and the session owes its second step before anything else (decision 0026).
type SessionState = { status: 'loading' } | { status: 'signed-out'; notice: string | null } | { status: 'second-factor' } | { status: 'signed-in'; me: Me };

type SessionValue = {
  state: SessionState;
  /** Reloads the account and its campaigns (after sign-in, or when memberships change). */
  refresh: () => Promise<Me | null>;
  /** Ends this session, or every session of the account; returns to the sign-in page. */
  signOut: (everywhere: boolean) => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

const LAST_CAMPAIGN_KEY = 'unionhall.lastCampaign';

export function rememberCampaign(slug: string): void {
  try {
    window.localStorage.setItem(LAST_CAMPAIGN_KEY, slug);
  } catch {
    // Private windows may refuse storage; the switcher still works, it just does not remember.
  }
}

/** The campaign to open: the last one used if the account still belongs to it, else the first. */
export function preferredCampaign(me: Me): string | null {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(LAST_CAMPAIGN_KEY);
  } catch {
    last = null;
  }
  if (last && me.campaigns.some((c) => c.slug === last)) return last;
  return me.campaigns[0]?.slug ?? null;
}

/** Where a signed-in person lands: their campaign's dashboard, or the account pages. */
export function homePath(me: Me): string {
  const slug = preferredCampaign(me);
  if (slug) return `${APP_BASE}/c/${encodeURIComponent(slug)}/dashboard`;
  return me.account.instanceAdmin ? `${APP_BASE}/admin/new-campaign` : `${APP_BASE}/no-campaign`;
}

export function SessionProvider(props: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const refresh = useCallback(async (): Promise<Me | null> => {
    try {
      // Asked first, so that a session owing its second factor is led to it without a refused request.
      const factors = await api.get<MySecondFactors>(SECOND_FACTOR_PATH, { quietAuth: true });
      if (factors.step !== 'done') {
        setState({ status: 'second-factor' });
        return null;
      }
      const me = await api.get<Me>('/api/auth/me', { quietAuth: true });
      setState({ status: 'signed-in', me });
      return me;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setState({ status: 'signed-out', notice: null });
        return null;
      }
      if (err instanceof ApiError && err.code === 'second_factor_required') {
        setState({ status: 'second-factor' });
        return null;
      }
      throw err;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'signed-out', notice: 'Could not reach the server. Reload the page to try again.' }));
  }, [refresh]);

  useEffect(() => {
    setSessionLostHandler(() => {
      setState({ status: 'signed-out', notice: 'Your session has ended (it expired, or you signed out on another device). Please sign in again.' });
      const here = window.location.pathname + window.location.search;
      void navigate(`${APP_BASE}/signin?next=${encodeURIComponent(here)}`, { replace: true });
    });
    setSecondFactorRequiredHandler(() => setState({ status: 'second-factor' }));
    return () => {
      setSessionLostHandler(null);
      setSecondFactorRequiredHandler(null);
    };
  }, [navigate]);

  // What one account loaded must not show to the next one signing in at this browser. By the
  // time this runs, the signed-in pages are gone (the router sent the visitor to sign-in).
  const signedOut = state.status === 'signed-out';
  useEffect(() => {
    if (signedOut) queryClient.clear();
  }, [signedOut, queryClient]);

  const signOut = useCallback(async (everywhere: boolean): Promise<void> => {
    let notice = 'You are signed out.';
    try {
      if (everywhere) {
        const result = await api.post<{ sessionsEnded: number }>('/api/auth/logout-all', {}, { quietAuth: true });
        notice = `You are signed out everywhere (${result.sessionsEnded} ${result.sessionsEnded === 1 ? 'session' : 'sessions'} ended).`;
      } else {
        await api.post('/api/auth/logout', {}, { quietAuth: true });
      }
    } catch (err) {
      // Already signed out on the server: the outcome the person wanted.
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
    setState({ status: 'signed-out', notice });
    await navigate(`${APP_BASE}/signin`, { replace: true });
  }, [navigate]);

  const value = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut]);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSessionState(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionState outside SessionProvider');
  return value;
}

/** The signed-in account; only for pages rendered inside the signed-in layout. */
export function useMe(): Me {
  const { state } = useSessionState();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}
