import { useEffect } from 'react';
import { AppLayout } from './components/app-layout.js';
import { accessFor } from './lib/access.js';
import { PageHeader } from './components/page-header.js';
import { EmptyState, LoadError, Loading } from './components/status.js';
import type { CampaignDetail } from './lib/api-types.js';
import { campaignPath } from './lib/api.js';
import { CampaignProvider, createCampaignValue } from './lib/campaign.js';
import { Link, matchPath, Redirect, useLocation } from './lib/router.js';
import { homePath, preferredCampaign, rememberCampaign, SessionProvider, useMe, useSessionState } from './lib/session.js';
import { useApi } from './lib/use-api.js';
import { navigation } from './navigation.js';
import { ForgotPasswordPage } from './pages/forgot-password-page.js';
import { SetPasswordPage } from './pages/set-password-page.js';
import { SignInPage } from './pages/sign-in-page.js';

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}

function Routes() {
  const { pathname, search, href } = useLocation();
  const { state } = useSessionState();

  // Pages that work signed out. The password pages also work signed in: someone may open a
  // reset link in a browser where another account is still signed in.
  if (matchPath('/app/welcome', pathname)) return <SetPasswordPage purpose="welcome" />;
  if (matchPath('/app/reset', pathname)) return <SetPasswordPage purpose="reset" />;

  if (state.status === 'loading') return <Loading label="Opening Unionhall…" />;

  if (matchPath('/app/signin', pathname)) {
    if (state.status === 'signed-in') return <Redirect to={safeNext(search.get('next')) ?? homePath(state.me)} />;
    return <SignInPage />;
  }
  if (matchPath('/app/forgot', pathname)) return <ForgotPasswordPage />;

  if (state.status === 'signed-out') {
    const next = pathname === '/app/' || pathname === '/app' ? '' : `?next=${encodeURIComponent(href)}`;
    return <Redirect to={`/app/signin${next}`} />;
  }

  const me = state.me;
  if (pathname === '/app' || pathname === '/app/') return <Redirect to={homePath(me)} />;

  const campaignHome = matchPath('/app/c/:slug', pathname);
  if (campaignHome) return <Redirect to={`/app/c/${encodeURIComponent(campaignHome.slug ?? '')}/dashboard`} />;

  const campaignPage = matchPath('/app/c/:slug/:page/*', pathname) ?? matchPath('/app/c/:slug/:page', pathname);
  if (campaignPage) return <CampaignRoute slug={campaignPage.slug ?? ''} page={campaignPage.page ?? ''} />;

  const instancePage = matchPath('/app/admin/:page/*', pathname) ?? matchPath('/app/admin/:page', pathname);
  if (instancePage) return <InstanceRoute page={instancePage.page ?? ''} />;

  if (matchPath('/app/no-campaign', pathname)) {
    return (
      <AppLayout campaignSlug={null}>
        <PageHeader title="No campaign yet" />
        <EmptyState title="Your account is not part of any campaign yet.">
          <p>Ask the person who invited you to give you a role in their campaign. Then reload this page.</p>
        </EmptyState>
      </AppLayout>
    );
  }

  return (
    <AppLayout campaignSlug={preferredCampaign(me)}>
      <NotFound />
    </AppLayout>
  );
}

/** Only paths inside the app, never another site (an attacker could craft ?next=//evil.example). */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/app/') || next.startsWith('//')) return null;
  return next;
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

function CampaignRoute(props: { slug: string; page: string }) {
  const me = useMe();
  const { data, error, reload } = useApi<CampaignDetail>(campaignPath(props.slug));
  const membership = me.campaigns.find((c) => c.slug === props.slug);
  const entry = navigation.find((e) => e.scope === 'campaign' && e.path === props.page);

  const isMember = membership !== undefined;
  useEffect(() => {
    if (isMember) rememberCampaign(props.slug);
  }, [isMember, props.slug]);

  if (!entry) {
    return (
      <AppLayout campaignSlug={props.slug}>
        <NotFound />
      </AppLayout>
    );
  }
  if (!membership && !me.account.instanceAdmin) {
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
  if (!entry.visible(accessFor(me.account.instanceAdmin, membership?.role))) {
    return (
      <AppLayout campaignSlug={props.slug} activePath={entry.path}>
        <NotAllowed label={entry.label} />
      </AppLayout>
    );
  }
  const Page = entry.page;
  // A stale detail from the previous campaign must not show under the new one's address.
  const loaded = data && data.campaign.slug === props.slug ? data : undefined;
  return (
    <AppLayout campaignSlug={props.slug} activePath={entry.path}>
      {error ? (
        <>
          <PageHeader title={entry.label} />
          <LoadError error={error} retry={reload} />
        </>
      ) : loaded ? (
        <CampaignProvider value={createCampaignValue(props.slug, loaded, reload)}>
          <Page />
        </CampaignProvider>
      ) : (
        <Loading />
      )}
    </AppLayout>
  );
}

function InstanceRoute(props: { page: string }) {
  const me = useMe();
  const entry = navigation.find((e) => e.scope === 'instance' && e.path === props.page);
  const slug = preferredCampaign(me);
  if (!entry) {
    return (
      <AppLayout campaignSlug={slug}>
        <NotFound />
      </AppLayout>
    );
  }
  const Page = entry.page;
  return (
    <AppLayout campaignSlug={slug} activePath={entry.path}>
      {entry.visible(accessFor(me.account.instanceAdmin, undefined)) ? <Page /> : <NotAllowed label={entry.label} />}
    </AppLayout>
  );
}
