import type { ComponentType } from 'react';
import { useMatches } from 'react-router';
import { AccountsPage } from './pages/accounts-page.js';
import { AuditLogPage } from './pages/audit-log-page.js';
import { BackupPage } from './pages/backup-page.js';
import { CampaignSetupPage } from './pages/campaign-setup-page.js';
import { CardTextsPage, PublicNumbersPage, WaitingCardsPage } from './pages/card-work-pages.js';
import { CardListPage, CardPage, PaperCardPage, ReviewQueuePage } from './pages/cards-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { EndorsementsAdminPage } from './pages/endorsements-admin-page.js';
import { EventsAdminPage } from './pages/events-admin-page.js';
import { EditIncidentPage, EvidenceLayout, EvidenceTimelinePage, IncidentPage, NewIncidentPage } from './pages/evidence-page.js';
import { FilingPage } from './pages/filing-page.js';
import { IntegrationsPage } from './pages/integrations-page.js';
import { MembersPage } from './pages/members-page.js';
import { MyAccountPage } from './pages/my-account-page.js';
import { NewslettersPage } from './pages/newsletters-page.js';
import { OutboxPage } from './pages/outbox-page.js';
import { CoveragePage } from './pages/coverage-page.js';
import { MyListPage } from './pages/my-list-page.js';
import { MyTasksPage } from './pages/my-tasks-page.js';
import { PeoplePage } from './pages/people-page.js';
import { PersonPage } from './pages/person-page.js';
import { PetitionsPage } from './pages/petitions-page.js';
import { PressAdminPage } from './pages/press-admin-page.js';
import { RosterImportPage } from './pages/roster-import-page.js';
import { SecondFactorAdminPage } from './pages/second-factor-admin-page.js';
import { SecurityPage } from './pages/security-page.js';
import { StartCampaignPage } from './pages/start-campaign-page.js';
import { WallChartPage } from './pages/wall-chart-page.js';
import type { NavAccess } from './lib/access.js';

/** A page under an entry's address, reached from the entry's page (one card, the review queue). */
export type SubPage = {
  /** Relative to the entry's address: 'review', ':cardId', ':incidentId/edit'. Parameters are read with useParams(). */
  path: string;
  page: ComponentType;
  /** Who may open it, when fewer people may than may open the entry. */
  visible?: (access: NavAccess) => boolean;
};

export type NavEntry = {
  /**
   * The URL segment. Campaign pages live at /app/c/<slug>/<path>, server-wide pages at
   * /app/admin/<path>, their sub-pages below that (/app/c/<slug>/<path>/<sub-page path>).
   */
  path: string;
  /** The menu label; also the page's name in "you cannot open …" messages. */
  label: string;
  /** One plain sentence: shown on the dashboard so people know what each page is for. */
  description: string;
  scope: 'campaign' | 'instance';
  /** Who sees the entry and may open the page. The API checks again; this only keeps the menu honest. */
  visible: (access: NavAccess) => boolean;
  /** Rendered inside the app layout at the entry's own address; campaign pages may call useCampaign(). Absent when only the sub-pages have one (a person's page needs the person). */
  page?: ComponentType;
  /** The pages under the entry's address: each becomes a nested route (web/src/routes.tsx). */
  subPages?: SubPage[];
  /** Around the page and its sub-pages, for what they share (loaded once); renders <Outlet />. */
  layout?: ComponentType;
  /** False for pages reached from other pages (one person's page), not from the menu. */
  inMenu?: boolean;
};

/** What a route generated from an entry carries, so the layout knows which entry is open. */
export type EntryHandle = { entry: NavEntry };

function isEntryHandle(handle: unknown): handle is EntryHandle {
  return typeof handle === 'object' && handle !== null && 'entry' in handle;
}

/** The navigation entry whose page (or sub-page) is open, if any. */
export function useActiveEntry(): NavEntry | null {
  const handle = useMatches()
    .map((match) => match.handle)
    .find(isEntryHandle);
  return handle?.entry ?? null;
}

// The organizer app's pages, in menu order. A capability adds its page here: one entry and a
// component in web/src/pages/. The routes are generated from this table (web/src/routes.tsx);
// pages under an entry's address are its subPages, never string compares in the page.
export const navigation: NavEntry[] = [
  {
    path: 'dashboard',
    label: 'Dashboard',
    description: 'Where the campaign stands: cards, majority per unit and school, growth by week.',
    scope: 'campaign',
    visible: (a) => a.can('dashboard.view'),
    page: DashboardPage,
  },
  {
    path: 'people',
    label: 'People',
    description: 'The roster: every educator, by school. Opening it is logged.',
    scope: 'campaign',
    visible: (a) => a.can('people.view'),
    page: PeoplePage,
  },
  // The public campaign site (issue 4).
  {
    path: 'newsletters',
    label: 'Newsletters',
    description: 'Write, preview and publish newsletters to the public archive and feed.',
    scope: 'campaign',
    visible: (a) => a.can('public.manage'),
    page: NewslettersPage,
  },
  {
    path: 'endorsements',
    label: 'Endorsements',
    description: 'Letters and resolutions of support, with their PDFs; choose which are public.',
    scope: 'campaign',
    visible: (a) => a.can('public.manage'),
    page: EndorsementsAdminPage,
  },
  {
    path: 'press',
    label: 'Press',
    description: 'News coverage and press releases for the public press page.',
    scope: 'campaign',
    visible: (a) => a.can('public.manage'),
    page: PressAdminPage,
  },
  {
    path: 'events',
    label: 'Events',
    description: 'Press conferences, meetings and rallies: RSVPs and check-in at the door.',
    scope: 'campaign',
    visible: (a) => a.can('public.manage'),
    page: EventsAdminPage,
  },
  {
    path: 'person',
    label: 'Person',
    description: 'One educator: employment history, support assessment, conversations and tasks.',
    scope: 'campaign',
    visible: (a) => a.can('people.view'),
    subPages: [{ path: ':personId', page: PersonPage }],
    inMenu: false,
  },
  {
    path: 'my-list',
    label: 'My list',
    description: 'The coworkers you organize: call, text and log a conversation from your phone.',
    scope: 'campaign',
    // Committee members: they log conversations and are the ones lists are assigned to.
    visible: (a) => a.can('conversations.edit') && !a.can('committee.assign'),
    page: MyListPage,
  },
  {
    path: 'tasks',
    label: 'My tasks',
    description: 'Follow-ups assigned to you, soonest due first.',
    scope: 'campaign',
    visible: (a) => a.can('conversations.edit'),
    page: MyTasksPage,
  },
  {
    path: 'coverage',
    label: 'Coverage',
    description: 'Who organizes whom: people on no committee list, people not talked to in 30 days.',
    scope: 'campaign',
    visible: (a) => a.can('people.view'),
    page: CoveragePage,
  },
  {
    path: 'wall-chart',
    label: 'Wall chart',
    description: 'Every school a column, every educator a cell coloured by assessment. Printable; opening it is logged.',
    scope: 'campaign',
    visible: (a) => a.can('assessments.view'),
    page: WallChartPage,
  },
  {
    path: 'roster-import',
    label: 'Import roster',
    description: 'Upload a staff list (CSV), preview the changes, apply or undo.',
    scope: 'campaign',
    visible: (a) => a.can('roster.import'),
    page: RosterImportPage,
  },
  {
    path: 'cards',
    label: 'Cards',
    description: 'Signed support cards: those waiting for verification, each one with its hash and confirmation; revoke; paper cards; the review queue; the card text and the public numbers. Opening them is logged.',
    scope: 'campaign',
    visible: (a) => a.can('cards.view'),
    page: CardListPage,
    subPages: [
      { path: 'waiting', page: WaitingCardsPage },
      { path: 'review', page: ReviewQueuePage, visible: (a) => a.can('cards.enter') },
      { path: 'paper', page: PaperCardPage, visible: (a) => a.can('cards.enter') },
      { path: 'texts', page: CardTextsPage, visible: (a) => a.can('cards.enter') },
      { path: 'public-numbers', page: PublicNumbersPage, visible: (a) => a.can('public.manage') },
      { path: ':cardId', page: CardPage },
    ],
  },
  {
    path: 'evidence',
    label: 'Evidence',
    description: 'The employer’s anti-union conduct, dated and documented, with charge deadlines and exports for counsel. Opening it is logged.',
    scope: 'campaign',
    visible: (a) => a.can('conduct.view'),
    layout: EvidenceLayout,
    page: EvidenceTimelinePage,
    subPages: [
      { path: 'new', page: NewIncidentPage, visible: (a) => a.can('conduct.edit') },
      { path: ':incidentId', page: IncidentPage },
      { path: ':incidentId/edit', page: EditIncidentPage, visible: (a) => a.can('conduct.edit') },
    ],
  },
  {
    path: 'petitions',
    label: 'Petitions',
    description: 'The community petition: write and publish it, review held signatures, export signers.',
    scope: 'campaign',
    visible: (a) => a.can('public.manage'),
    page: PetitionsPage,
  },
  {
    path: 'members',
    label: 'Members & roles',
    description: 'Who can use this campaign in Unionhall, and what each person may see.',
    scope: 'campaign',
    visible: (a) => a.can('campaign.manage'),
    page: MembersPage,
  },
  {
    path: 'integrations',
    label: 'Integrations',
    description: 'API keys for other tools (Action Network, your website), and the petition to embed on your site.',
    scope: 'campaign',
    visible: (a) => a.can('campaign.manage'),
    page: IntegrationsPage,
  },
  {
    path: 'filing',
    label: 'Filing',
    description: 'Proof of majority support for a unit on a filing date: the board’s packet and the name-free service copy.',
    scope: 'campaign',
    visible: (a) => a.can('filing.generate'),
    page: FilingPage,
  },
  {
    path: 'audit',
    label: 'Audit log',
    description: 'Who looked at or exported what, and when.',
    scope: 'campaign',
    visible: (a) => a.can('audit.view') || a.instanceAdmin,
    page: AuditLogPage,
  },
  {
    path: 'setup',
    label: 'Set-up',
    description: 'The campaign’s name, goal and mail sender; its employers, schools, bargaining unit and card text.',
    scope: 'campaign',
    visible: (a) => a.can('campaign.manage'),
    page: CampaignSetupPage,
  },
  {
    path: 'new-campaign',
    label: 'Start a campaign',
    description: 'Start your own campaign beside the demo: its name, then employers, schools, unit and card text.',
    scope: 'instance',
    visible: (a) => a.instanceAdmin,
    page: StartCampaignPage,
  },
  {
    path: 'accounts',
    label: 'Accounts',
    description: 'Everyone who can sign in to this Unionhall server; make new accounts.',
    scope: 'instance',
    visible: (a) => a.instanceAdmin,
    page: AccountsPage,
  },
  {
    path: 'backup',
    label: 'Backup',
    description: 'Download an encrypted copy of everything on this server, to keep somewhere safe.',
    scope: 'instance',
    visible: (a) => a.instanceAdmin,
    page: BackupPage,
  },
  {
    // Everyone's own page, linked from "Signed in as" rather than the server's menu.
    path: 'account',
    label: 'My account',
    description: 'Change your password; see where you are signed in and sign out the others.',
    scope: 'instance',
    visible: () => true,
    page: MyAccountPage,
    inMenu: false,
  },
  {
    path: 'outbox',
    label: 'Outbox',
    description: 'Messages Unionhall has sent or is holding (welcome and password-reset links).',
    scope: 'instance',
    visible: (a) => a.instanceAdmin,
    page: OutboxPage,
  },
  {
    path: 'second-factors',
    label: 'Second factors',
    description: 'Which roles must confirm their sign-in with a phone or passkey; reset the second factor of someone who lost theirs.',
    scope: 'instance',
    visible: (a) => a.instanceAdmin,
    page: SecondFactorAdminPage,
  },
  {
    path: 'security',
    label: 'My security',
    description: 'Your authenticator app, passkeys and recovery codes.',
    scope: 'instance',
    visible: () => true,
    page: SecurityPage,
  },
];

export function entryPath(entry: NavEntry, campaignSlug: string | null): string | null {
  if (entry.scope === 'instance') return `/app/admin/${entry.path}`;
  return campaignSlug ? `/app/c/${encodeURIComponent(campaignSlug)}/${entry.path}` : null;
}
