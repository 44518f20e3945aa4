import { useState } from 'react';
import type { ApiKey, Webhook, WebhookDelivery } from '#contracts/integrations.js';
import { webhookEvents } from '#vocabulary/api-keys.js';
import { DataTable } from '../components/data-table.js';
import { ErrorNotice, InfoNotice, SuccessNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatDateTime } from '../lib/format.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../lib/query.js';

type Scope = ApiKey['scopes'][number];
const scopeLabels: Record<Scope, string> = {
  read: 'Read the public side: petitions, who signed them, subscribers, RSVPs, people who signed up, tags, published newsletters',
  write: 'Record signatures, RSVPs and sign-ups as confirmed by the other tool (for example Action Network), and tag people',
  organizing: 'Organizing data: roster people, ratings, conversations, committee lists',
};
type Embed = { id: string; title: string; hostedUrl: string; snippet: string };

function deliveryOutcome(d: WebhookDelivery): string {
  if (d.deliveredAt) return `Delivered ${formatDateTime(d.deliveredAt)} (answer ${d.lastStatus ?? '—'}${d.attempts > 1 ? `, attempt ${d.attempts}` : ''})`;
  if (d.lastError) return d.nextAttemptAt ? `Failed (${d.lastError}); trying again ${formatDateTime(d.nextAttemptAt)}` : `Gave up after ${d.attempts} attempts (${d.lastError})`;
  return 'Sending';
}

/**
 * Integrations (issue 14, decision 0029): API keys for other tools (shown once), the websites
 * allowed to embed the petition and call the public API from a browser, and the embed snippet.
 */
export function IntegrationsPage() {
  const campaign = useCampaign();
  const path = campaignPath(campaign.slug, '/api-keys');
  const keys = useApiQuery<{ keys: ApiKey[]; origins: string[] }>(path);
  const embeds = useApiQuery<{ petitions: Embed[] }>(campaignPath(campaign.slug, '/embeds'));
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [originsText, setOriginsText] = useState<string | null>(null);
  const [savedOrigins, setSavedOrigins] = useState(false);

  const create = useApiMutation({
    mutationFn: () => api.post<{ key: ApiKey; token: string }>(path, { name, scopes }),
    invalidates: [apiKey(path)],
    onSuccess: (result) => {
      setCreated({ name: result.key.name, token: result.token });
      setName('');
    },
  });
  const revoke = useApiMutation({
    mutationFn: (id: string) => api.post<{ key: ApiKey }>(`${path}/${id}/revoke`),
    invalidates: [apiKey(path)],
  });
  const saveOrigins = useApiMutation({
    mutationFn: (origins: string[]) => api.put<{ origins: string[] }>(campaignPath(campaign.slug, '/cors-origins'), { origins }),
    invalidates: [apiKey(path)],
    onSuccess: () => {
      setOriginsText(null);
      setSavedOrigins(true);
    },
  });

  const hooksPath = campaignPath(campaign.slug, '/webhooks');
  const hooks = useApiQuery<{ webhooks: Webhook[]; deliveries: WebhookDelivery[] }>(hooksPath);
  const [hookUrl, setHookUrl] = useState('');
  const [hookSecret, setHookSecret] = useState<string | null>(null);
  const createHook = useApiMutation({
    mutationFn: () => api.post<{ webhook: Webhook; secret: string }>(hooksPath, { url: hookUrl, events: [...webhookEvents] }),
    invalidates: [apiKey(hooksPath)],
    onSuccess: (result) => {
      setHookSecret(result.secret);
      setHookUrl('');
    },
  });
  const removeHook = useApiMutation({
    mutationFn: (id: string) => api.delete<void>(`${hooksPath}/${id}`),
    invalidates: [apiKey(hooksPath)],
  });

  const originsValue = originsText ?? (keys.data?.origins ?? []).join('\n');
  const toggle = (scope: Scope) => setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));

  return (
    <>
      <PageHeader
        title="Integrations"
        intro={
          <>
            <p>
              Connect other tools to {campaign.detail.campaign.name} through the OSDI API (what Action Network and many union tools speak). Each key belongs to this campaign only, and can do only
              what you tick. The <a href="/api/docs">API reference</a> explains the rest to whoever sets up the other tool.
            </p>
            <p className="privacy-note">No key can ever read who signed a support card. Give a key only to a tool you trust, and revoke it the day you stop using the tool.</p>
          </>
        }
      />

      <section aria-labelledby="new-key">
        <h2 id="new-key">New API key</h2>
        {created ? (
          <SuccessNotice>
            <p>
              The key “{created.name}” is below. Copy it now: <strong>it is shown only this once</strong>.
            </p>
            <p>
              <code className="secret" aria-label="The new API key">
                {created.token}
              </code>
            </p>
          </SuccessNotice>
        ) : null}
        <ErrorNotice error={create.error} fields={{ name: { label: 'Name', id: 'key-name' }, scopes: { label: 'What it may do' } }} />
        <form onSubmit={onSubmit(() => create.mutate())}>
          <Field label="Name" id="key-name" hint="Which tool it is for, so you know which one to revoke later.">
            {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />}
          </Field>
          <fieldset>
            <legend>What it may do</legend>
            {(Object.keys(scopeLabels) as Scope[]).map((scope) => (
              <label key={scope} className="checkbox">
                <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scopeLabels[scope]}
              </label>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create key'}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">Keys</h2>
        <ErrorNotice error={revoke.error} />
        <ListStatus query={keys} count={keys.data?.keys.length ?? 0} empty="No API keys yet." />
        {keys.data && keys.data.keys.length > 0 ? (
          <DataTable caption="API keys of the campaign, newest first" columns={['Name', 'Starts with', 'May', 'Created', 'Last used']} actions="Actions">
            {keys.data.keys.map((k) => (
              <tr key={k.id}>
                <th scope="row" data-label="Name">
                  {k.name}
                  {k.revokedAt ? <span className="subtle"> (revoked {formatDateTime(k.revokedAt)})</span> : null}
                </th>
                <td data-label="Starts with">
                  <code>{k.prefix}…</code>
                </td>
                <td data-label="May">{k.scopes.join(', ')}</td>
                <td data-label="Created">{formatDateTime(k.createdAt)}</td>
                <td data-label="Last used">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</td>
                <td data-label="Actions">
                  {k.revokedAt ? null : (
                    <button type="button" className="button-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(k.id)}>
                      Revoke {k.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      <section aria-labelledby="webhooks">
        <h2 id="webhooks">Webhooks</h2>
        <p>Another tool can be told at once when someone’s petition signature is confirmed. Support cards are never sent anywhere.</p>
        {hookSecret ? (
          <SuccessNotice>
            <p>
              Copy this signing secret into the other tool now: <strong>it is shown only this once</strong>.
            </p>
            <p>
              <code className="secret" aria-label="The webhook’s signing secret">
                {hookSecret}
              </code>
            </p>
          </SuccessNotice>
        ) : null}
        <ErrorNotice error={createHook.error ?? removeHook.error} fields={{ url: { label: 'Address', id: 'hook-url' } }} />
        <form onSubmit={onSubmit(() => createHook.mutate())}>
          <Field label="Address" id="hook-url" hint="Where to send a signed POST when a petition signature is confirmed, a person signs up over the API, or someone RSVPs to an event (https://…).">
            {(control) => <input {...control} type="url" value={hookUrl} onChange={(e) => setHookUrl(e.target.value)} required />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={createHook.isPending}>
              {createHook.isPending ? 'Adding…' : 'Add webhook'}
            </button>
          </div>
        </form>
        <ListStatus query={hooks} count={hooks.data?.webhooks.length ?? 0} empty="No webhooks yet." />
        {hooks.data && hooks.data.webhooks.length > 0 ? (
          <DataTable caption="Webhooks" columns={['Address', 'Events']} actions="Actions">
            {hooks.data.webhooks.map((w) => (
              <tr key={w.id}>
                <th scope="row" data-label="Address">
                  {w.url}
                </th>
                <td data-label="Events">{w.events.join(', ')}</td>
                <td data-label="Actions">
                  <button type="button" className="button-secondary" disabled={removeHook.isPending} onClick={() => removeHook.mutate(w.id)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {hooks.data && hooks.data.deliveries.length > 0 ? (
          <DataTable caption="Latest deliveries, newest first" columns={['When', 'Event', 'Address', 'Outcome']}>
            {hooks.data.deliveries.map((d) => (
              <tr key={d.id}>
                <th scope="row" data-label="When">
                  {formatDateTime(d.createdAt)}
                </th>
                <td data-label="Event">{d.event}</td>
                <td data-label="Address">{d.url}</td>
                <td data-label="Outcome">{deliveryOutcome(d)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      <section aria-labelledby="origins">
        <h2 id="origins">Websites that may embed the petition</h2>
        {savedOrigins && originsText === null ? <SuccessNotice>Saved.</SuccessNotice> : null}
        <ErrorNotice error={saveOrigins.error} />
        <form onSubmit={onSubmit(() => saveOrigins.mutate(originsValue.split(/\s+/).filter(Boolean)))}>
          <Field label="Website addresses" id="origins-field" hint="One per line, like https://ourunion.org (no path). Pages there may show the signing form below and send signatures here.">
            {(control) => <textarea {...control} rows={3} value={originsValue} onChange={(e) => setOriginsText(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={saveOrigins.isPending}>
              {saveOrigins.isPending ? 'Saving…' : 'Save websites'}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="embed">
        <h2 id="embed">Embed the petition</h2>
        <InfoNotice>
          Paste this into a page of a website listed above. Visitors see a signing form; without JavaScript they get a link to the petition’s own page. Signers still confirm by email.
        </InfoNotice>
        <ListStatus query={embeds} count={embeds.data?.petitions.length ?? 0} empty="No published petition to embed yet." />
        {(embeds.data?.petitions ?? []).map((p) => (
          <Field key={p.id} label={`Snippet for “${p.title}”`} id={`embed-${p.id}`}>
            {(control) => <textarea {...control} readOnly rows={3} value={p.snippet} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
        ))}
      </section>

      <section aria-labelledby="action-network">
        <h2 id="action-network">Export for Action Network</h2>
        <InfoNotice>
          Petition signers, newsletter subscribers, people who answered a public event and people who signed up over the API, with their tags, in Action Network’s columns. Educators on the roster, their cards and ratings are never in it. Each download is in the audit log.
        </InfoNotice>
        <div className="form-actions">
          <a className="button-secondary" href={campaignPath(campaign.slug, '/action-network/people.csv')} download>
            Download supporters (CSV)
          </a>
        </div>
      </section>
    </>
  );
}
