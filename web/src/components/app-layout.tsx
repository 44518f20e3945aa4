import { useEffect, useId, useState, type ReactNode } from 'react';
import { accessFor } from '../lib/access.js';
import { roleLabels } from '../lib/campaign.js';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { rememberCampaign, useMe, useSessionState } from '../lib/session.js';
import { MenuContext, type MenuItem } from '../lib/menu.js';
import { entryPath, navigation, useActiveEntry } from '../navigation.js';

/** The signed-in frame: campaign switcher, the menu built from the navigation registry, sign-out. */
export function AppLayout(props: { campaignSlug: string | null; children: ReactNode }) {
  const me = useMe();
  const { signOut } = useSessionState();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = useActiveEntry();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const menuId = useId();
  const switcherId = useId();

  useEffect(() => setMenuOpen(false), [pathname]);

  const current = me.campaigns.find((c) => c.slug === props.campaignSlug) ?? null;
  const access = accessFor(me.account.instanceAdmin, current?.role);
  const campaignEntries = navigation.filter((e) => e.scope === 'campaign' && e.inMenu !== false && current && e.visible(access));
  const instanceEntries = navigation.filter((e) => e.scope === 'instance' && e.inMenu !== false && e.visible(access));
  const menu: MenuItem[] = [...campaignEntries, ...instanceEntries].flatMap((e) => {
    const to = entryPath(e, current?.slug ?? null);
    return to ? [{ path: e.path, label: e.label, description: e.description, to, scope: e.scope }] : [];
  });

  function switchCampaign(slug: string): void {
    rememberCampaign(slug);
    const target = me.campaigns.find((c) => c.slug === slug);
    const targetAccess = accessFor(me.account.instanceAdmin, target?.role);
    // Stay on the same page in the other campaign when the role there allows it.
    const same = navigation.find((e) => e.scope === 'campaign' && e.path === active?.path && e.inMenu !== false && e.visible(targetAccess));
    void navigate(`/app/c/${encodeURIComponent(slug)}/${same ? same.path : 'dashboard'}`);
  }

  async function handleSignOut(everywhere: boolean): Promise<void> {
    if (everywhere && !window.confirm('Sign out on every device and browser where you are signed in, including this one?')) return;
    setSignOutError(null);
    try {
      await signOut(everywhere);
    } catch (err) {
      setSignOutError(err instanceof Error ? err.message : 'Could not sign out. Try again.');
    }
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/app/" className="brand">
          Unionhall
        </Link>
        {me.campaigns.length > 1 ? (
          <div className="switcher">
            <label htmlFor={switcherId}>Campaign</label>
            <select id={switcherId} value={props.campaignSlug ?? ''} onChange={(e) => switchCampaign(e.target.value)}>
              {props.campaignSlug === null ? <option value="">Choose a campaign…</option> : null}
              {me.campaigns.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : current ? (
          <p className="campaign-name">{current.name}</p>
        ) : null}
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls={menuId} onClick={() => setMenuOpen((o) => !o)}>
          {menuOpen ? 'Close menu' : 'Menu'}
        </button>
      </header>
      <div className="shell">
        <nav id={menuId} className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label="Main">
          {current ? (
            <div className="nav-section">
              <p className="nav-heading">{current.name}</p>
              <p className="nav-role">You are: {current.role ? roleLabels[current.role] : 'not a member'}</p>
              <ul>
                {/* NavLink marks the open entry, and the entry of an open sub-page, aria-current="page". */}
                {campaignEntries.map((entry) => (
                  <li key={entry.path}>
                    <NavLink to={entryPath(entry, current.slug) ?? '/app/'}>
                      {entry.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {instanceEntries.length > 0 ? (
            <div className="nav-section">
              <p className="nav-heading">This Unionhall server</p>
              <ul>
                {instanceEntries.map((entry) => (
                  <li key={entry.path}>
                    <NavLink to={entryPath(entry, null) ?? '/app/'}>
                      {entry.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="nav-section nav-account">
            <p className="nav-heading">Signed in as</p>
            <p className="account-name">{me.account.name}</p>
            <p className="account-email">{me.account.email}</p>
            <p>
              <NavLink to="/app/admin/account">My account and sessions</NavLink>
            </p>
            {signOutError ? (
              <p className="field-error" role="alert">
                {signOutError}
              </p>
            ) : null}
            <button type="button" className="button-secondary" onClick={() => void handleSignOut(false)}>
              Sign out
            </button>
            <button type="button" className="button-link" onClick={() => void handleSignOut(true)}>
              Sign out everywhere
            </button>
          </div>
        </nav>
        <main id="main" className="content">
          <MenuContext.Provider value={menu}>{props.children}</MenuContext.Provider>
        </main>
      </div>
    </div>
  );
}
