import { useEffect } from 'react';
import { Link, Navigate, Outlet, ScrollRestoration, useLocation, useParams, useSearchParams, type RouteObject } from 'react-router';
import { AppLayout } from './components/app-layout.js';
import { InfoNotice } from './components/error-notice.js';
import { PageHeader } from './components/page-header.js';
import { DEMO_SLUG } from '#vocabulary/demo.js';
import { EmptyState, LoadError, Loading } from './components/status.js';
import { accessFor, type NavAccess } from './lib/access.js';
import type { CampaignDetail } from './lib/api-types.js';
import { campaignPath } from './lib/api.js';
import { CampaignProvider, createCampaignValue } from './lib/campaign.js';
import { useApiQuery } from './lib/query.js';
import { homePath, preferredCampaign, rememberCampaign, SessionProvider, useMe, useSessionState } from './lib/session.js';
import { navigation, useActiveEntry, type EntryHandle, type NavEntry, type SubPage } from './navigation.js';
import { ForgotPasswordPage } from './pages/forgot-password-page.js';
import { SecondFactorPage } from './pages/second-factor-page.js';
import { SetPasswordPage } from './pages/set-password-page.js';
import { SignInPage } from './pages/sign-in-page.js';

// The organizer app's routes, under /app/. Campaign and server-wide pages are generated from the
// navigation table (navigation.ts): each entry is a route, its sub-pages nested routes below it.
//
//   /app/welcome, /app/reset          password pages: work signed out and signed in
//   /app/signin, /app/forgot          once we know whether anyone is signed in
//   /app/                             signed in from here on: the home campaign's dashboard
//   /app/no-campaign
//   /app/c/:slug/<entry>/<sub-page>   a campaign's pages (campaign detail loaded once, above them)
//   /app/admin/<entry>                this server's pages
export const appRoutes: RouteObject[] = [
  {
    path: '/app',
    element: <SessionRoot />,
    children: [
      // A reset link may be opened in a browser where another account is still signed in.
      { path: 'welcome', element: <SetPasswordPage purpose="welcome" /> },
      { path: 'reset', element: <SetPasswordPage purpose="reset" /> },
      {
        element: <SessionKnown />,
        children: [
          { path: 'signin', element: <SignInRoute /> },
          { path: 'forgot', element: <ForgotPasswordPage /> },
          {
            element: <SignedIn />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'no-campaign', element: <NoCampaign /> },
              {
                path: 'c/:slug',
                element: <CampaignFrame />,
                children: [{ index: true, element: <Navigate to="dashboard" replace /> }, ...entryRoutes('campaign'), { path: '*', element: <NotFound /> }],
              },
              {
                path: 'admin',
                element: <InstanceFrame />,
                children: [{ index: true, element: <NotFound /> }, ...entryRoutes('instance'), { path: '*', element: <NotFound /> }],
              },
              { path: '*', element: <NotFoundFrame /> },
            ],
          },
        ],
      },
    ],
  },
  // The server only serves the app under /app/; anything else is a typo of ours.
  { path: '*', element: <Navigate to="/app/" replace /> },
];

/** One route per navigation entry of the scope; the entry's sub-pages are nested routes below it. */
function entryRoutes(scope: NavEntry['scope']): RouteObject[] {
  return navigation
    .filter((entry) => entry.scope === scope)
    .map((entry) => {
      const handle: EntryHandle = { entry };
      const Page = entry.page;
      return {
        path: entry.path,
        handle,
        element: <EntryGate entry={entry} />,
        children: [{ index: true, element: Page ? <Page /> : <NotFound /> }, ...(entry.subPages ?? []).map((sub) => ({ path: sub.path, element: <SubPageGate entry={entry} sub={sub} /> }))],
      };
    });
}

/** The session around every route; the router scrolls to the top on navigation and back where it was on Back. */
function SessionRoot() {
  return (
    <SessionProvider>
      <ScrollRestoration />
      <Outlet />
    </SessionProvider>
  );
}

function SessionKnown() {
  const { state } = useSessionState();
  if (state.status === 'loading') return <Loading label="Opening Unionhall…" />;
  // Whatever the address, a session that owes its second factor sees only that step; the address is kept for afterwards.
  if (state.status === 'second-factor') return <SecondFactorPage />;
  return <Outlet />;
}

function SignInRoute() {
  const { state } = useSessionState();
  const [search] = useSearchParams();
  if (state.status === 'signed-in') return <Navigate to={safeNext(search.get('next')) ?? homePath(state.me)} replace />;
  return <SignInPage />;
}

/** Signed-out visitors go to sign-in, and come back here afterwards. */
function SignedIn() {
  const { state } = useSessionState();
  const { pathname, search } = useLocation();
  if (state.status !== 'signed-in') {
    const home = pathname === '/app/' || pathname === '/app';
    return <Navigate to={`/app/signin${home ? '' : `?next=${encodeURIComponent(pathname + search)}`}`} replace />;
  }
  return <Outlet />;
}

function HomeRedirect() {
  return <Navigate to={homePath(useMe())} replace />;
}

/** Only paths inside the app, never another site (an attacker could craft ?next=//evil.example). */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/app/') || next.startsWith('//')) return null;
  return next;
}

/** What the signed-in person may do where they are: their role in the campaign of the address, if any. */
function useAccess(scope: NavEntry['scope']): NavAccess {
  const me = useMe();
  const { slug } = useParams();
  const role = scope === 'campaign' ? me.campaigns.find((c) => c.slug === slug)?.role : undefined;
  return accessFor(me.account.instanceAdmin, role);
}

function EntryGate(props: { entry: NavEntry }) {
  const access = useAccess(props.entry.scope);
  if (!props.entry.visible(access)) return <NotAllowed label={props.entry.label} />;
  const Layout = props.entry.layout;
  return Layout ? <Layout /> : <Outlet />;
}

function SubPageGate(props: { entry: NavEntry; sub: SubPage }) {
  const access = useAccess(props.entry.scope);
  if (props.sub.visible && !props.sub.visible(access)) return <NotAllowed label={props.entry.label} />;
  const Page = props.sub.page;
  return <Page />;
}

/** /app/c/:slug/…: the signed-in layout, the campaign's detail loaded once for all its pages. */
function CampaignFrame() {
  const me = useMe();
  const slug = useParams().slug ?? '';
  const entry = useActiveEntry();
  const membership = me.campaigns.find((c) => c.slug === slug);
  const allowed = membership !== undefined || me.account.instanceAdmin;
  const detail = useApiQuery<CampaignDetail>(allowed ? campaignPath(slug) : null);

  const isMember = membership !== undefined;
  useEffect(() => {
    if (isMember) rememberCampaign(slug);
  }, [isMember, slug]);

  if (!allowed) {
    return (
      <AppLayout campaignSlug={preferredCampaign(me)}>
        <PageHeader title="Campaign not available" />
        <EmptyState title="You are not a member of this campaign, or it does not exist.">
          <p>
            <Link to="/app/">Go to your dashboard</Link>
          </p>
        </EmptyState>
      </AppLayout>
    );
  }
  return (
    <AppLayout campaignSlug={slug}>
      {detail.error ? (
        <>
          <PageHeader title={entry?.label ?? 'Campaign'} />
          <LoadError error={detail.error} retry={() => void detail.refetch()} />
        </>
      ) : detail.data ? (
        // Keyed by campaign: switching campaigns starts every page afresh, never showing one
        // campaign's rows under the other's address.
        <CampaignProvider key={slug} value={createCampaignValue(slug, detail.data)}>
          {slug === DEMO_SLUG && me.account.instanceAdmin && entry?.path === 'dashboard' ? (
            <InfoNotice>
              This is the demo campaign, with fictional people. <Link to="/app/admin/new-campaign">Start your own campaign</Link> beside it; the demo can be removed under Set-up.
            </InfoNotice>
          ) : null}
          <Outlet />
        </CampaignProvider>
      ) : (
        <Loading />
      )}
    </AppLayout>
  );
}

function InstanceFrame() {
  const me = useMe();
  return (
    <AppLayout campaignSlug={preferredCampaign(me)}>
      <Outlet />
    </AppLayout>
  );
}

function NoCampaign() {
  return (
    <AppLayout campaignSlug={null}>
      <PageHeader title="No campaign yet" />
      <EmptyState title="Your account is not part of any campaign yet.">
        <p>Ask the person who invited you to give you a role in their campaign. Then reload this page.</p>
        {useMe().account.instanceAdmin ? (
          <p>
            <Link to="/app/admin/new-campaign">Start your own campaign</Link>
          </p>
        ) : null}
      </EmptyState>
    </AppLayout>
  );
}

function NotFoundFrame() {
  return (
    <AppLayout campaignSlug={preferredCampaign(useMe())}>
      <NotFound />
    </AppLayout>
  );
}

function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is no page at this address.">
        <p>
          <Link to="/app/">Go to your dashboard</Link>
        </p>
      </EmptyState>
    </>
  );
}

function NotAllowed(props: { label: string }) {
  return (
    <>
      <PageHeader title={props.label} />
      <EmptyState title="Your role does not include this page.">
        <p>If you need it, ask an admin of the campaign to change your role.</p>
      </EmptyState>
    </>
  );
}
