import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice, SuccessNotice } from '../../components/error-notice.js';
import { Field } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { LoadError, QueryStatus } from '../../components/status.js';
import { api, campaignPath } from '../../lib/api.js';
import type { RosterPerson } from '../../lib/api-types.js';
import { useCampaign } from '../../lib/campaign.js';
import type { Attachment, ConductOptions, Incident } from '../../lib/conduct-types.js';
import { apiKey, onSubmit, useApiMutation, useApiQuery } from '../../lib/query.js';
import { formatBytes } from './deadline-badge.js';
import { conductOptionsKey, evidenceBase, incidentsKey, useConductOptions } from './evidence-context.js';

type QuoteDraft = { key: number; text: string; speakerAgentId: string; source: string; attachmentId: string; pageFrom: string; pageTo: string };
/** Someone acting for the employer, named in this form: saved with the incident, never before. */
type NewAgentDraft = { key: number; name: string; role: string; title: string };
type Person = { id: string; name: string; school: string };

type Draft = {
  occurredOn: string;
  occurredTime: string;
  kind: string;
  title: string;
  description: string;
  worksiteIds: string[];
  agentIds: string[];
  newAgents: NewAgentDraft[];
  useDefaultProvisions: boolean;
  provisionIds: string[];
  witnesses: Person[];
  reporter: Person | null;
  attachmentIds: string[];
  quotes: QuoteDraft[];
};

let quoteKey = 0;
let newAgentKey = 0;
/** As the server compares agent names: case and runs of spaces do not matter. */
const sameName = (a: string, b: string): boolean => a.normalize('NFC').toLocaleLowerCase('en-US').replace(/\s+/gu, ' ').trim() === b.normalize('NFC').toLocaleLowerCase('en-US').replace(/\s+/gu, ' ').trim();
/** A quote's speaker who is one of the new agents: `new:<key>` in the select. */
const newSpeaker = (agent: NewAgentDraft): string => `new:${agent.key}`;
const emptyQuote = (): QuoteDraft => ({ key: ++quoteKey, text: '', speakerAgentId: '', source: '', attachmentId: '', pageFrom: '', pageTo: '' });

function draftFrom(incident: Incident | undefined, today: string): Draft {
  if (!incident) {
    return { occurredOn: today, occurredTime: '', kind: '', title: '', description: '', worksiteIds: [], agentIds: [], newAgents: [], useDefaultProvisions: true, provisionIds: [], witnesses: [], reporter: null, attachmentIds: [], quotes: [] };
  }
  return {
    occurredOn: incident.occurredOn,
    occurredTime: incident.occurredTime ?? '',
    kind: incident.kind,
    title: incident.title,
    description: incident.description,
    worksiteIds: incident.worksites.map((w) => w.id),
    agentIds: incident.agents.map((a) => a.id),
    newAgents: [],
    useDefaultProvisions: !incident.provisionsChosen,
    provisionIds: incident.provisions.map((p) => p.id),
    witnesses: incident.witnesses.map((w) => ({ id: w.id, name: w.name, school: '' })),
    reporter: incident.reportedBy?.type === 'person' ? { id: incident.reportedBy.id, name: incident.reportedBy.name, school: '' } : null,
    attachmentIds: incident.attachments.map((a) => a.id),
    quotes: incident.quotes.map((q) => ({
      key: ++quoteKey,
      text: q.text,
      speakerAgentId: q.speaker?.id ?? '',
      source: q.source,
      attachmentId: q.attachmentId ?? '',
      pageFrom: q.pageFrom === null ? '' : String(q.pageFrom),
      pageTo: q.pageTo === null ? '' : String(q.pageTo),
    })),
  };
}

const nullIfMissing = (index: number): number | null => (index < 0 ? null : index);
const toPage = (value: string): number | null | string => (value.trim() === '' ? null : /^\d+$/.test(value.trim()) ? Number(value.trim()) : value);

/** The incident editor: new (no incidentId) or edit. Files upload as soon as they are chosen. */
export function IncidentForm(props: { incidentId?: string }) {
  const campaign = useCampaign();
  const existing = useApiQuery<{ incident: Incident }>(props.incidentId ? campaignPath(campaign.slug, `/conduct/incidents/${encodeURIComponent(props.incidentId)}`) : null);
  if (props.incidentId && !existing.data) return <QueryStatus query={existing} />;
  return <Editor incident={existing.data?.incident} />;
}

function Editor(props: { incident: Incident | undefined }) {
  const campaign = useCampaign();
  const options = useConductOptions();
  const base = evidenceBase(campaign.slug);
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(props.incident, options.today));
  const files = useApiQuery<{ attachments: Attachment[] }>(campaignPath(campaign.slug, '/conduct/attachments'));
  const [uploaded, setUploaded] = useState<Attachment[]>([]);
  const allFiles = useMemo(() => {
    const byId = new Map<string, Attachment>();
    for (const a of [...(props.incident?.attachments ?? []), ...(files.data?.attachments ?? []), ...uploaded]) byId.set(a.id, a);
    return [...byId.values()];
  }, [props.incident, files.data, uploaded]);
  const chosenFiles = allFiles.filter((a) => draft.attachmentIds.includes(a.id));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const defaults = options.provisions.filter((p) => p.defaultKinds.some((k) => k === draft.kind));

  const body = () => ({
      occurredOn: draft.occurredOn,
      occurredTime: draft.occurredTime || null,
      kind: draft.kind,
      title: draft.title,
      description: draft.description,
      worksiteIds: draft.worksiteIds,
      agentIds: draft.agentIds,
      newAgents: draft.newAgents.map((a) => ({ name: a.name, role: a.role, title: a.title })),
      witnessIds: draft.witnesses.map((w) => w.id),
      ...(draft.useDefaultProvisions ? {} : { provisionIds: draft.provisionIds }),
      attachmentIds: draft.attachmentIds,
      quotes: draft.quotes.map((q) => ({
        text: q.text,
        speakerAgentId: q.speakerAgentId.startsWith('new:') ? null : q.speakerAgentId || null,
        speakerNewAgent: q.speakerAgentId.startsWith('new:') ? nullIfMissing(draft.newAgents.findIndex((a) => newSpeaker(a) === q.speakerAgentId)) : null,
        source: q.source,
        attachmentId: q.attachmentId || null,
        pageFrom: toPage(q.pageFrom),
        pageTo: toPage(q.pageTo),
      })),
      reportedBy: draft.reporter ? { type: 'person', id: draft.reporter.id } : props.incident?.reportedBy ? { type: props.incident.reportedBy.type, id: props.incident.reportedBy.id } : null,
  });
  const save = useApiMutation({
    mutationFn: () =>
      props.incident
        ? api.put<{ incident: Incident }>(campaignPath(campaign.slug, `/conduct/incidents/${props.incident.id}`), body())
        : api.post<{ incident: Incident }>(campaignPath(campaign.slug, '/conduct/incidents'), body()),
    fallback: 'Something went wrong. Nothing was saved; try again.',
    // The incident, the timeline, and the options (a new agent shows up in the filters).
    invalidates: [incidentsKey(campaign.slug), conductOptionsKey(campaign.slug)],
    onSuccess: (result) => void navigate(`${base}/${result.incident.id}`),
  });
  const error = save.error;
  const reason = (field: string) => error?.fieldReason(field);

  const fieldLabels: Record<string, { label: string; id?: string }> = {
    occurredOn: { label: 'Date', id: 'incident-date' },
    occurredTime: { label: 'Time', id: 'incident-time' },
    kind: { label: 'Kind of conduct', id: 'incident-kind' },
    title: { label: 'Short title', id: 'incident-title' },
    description: { label: 'What happened', id: 'incident-description' },
    worksiteIds: { label: 'Schools' },
    agentIds: { label: 'Who acted' },
    witnessIds: { label: 'Witnesses' },
    provisionIds: { label: 'Laws it may breach' },
    attachmentIds: { label: 'Documents' },
    'reportedBy.id': { label: 'Reported by' },
  };
  draft.newAgents.forEach((a, i) => {
    fieldLabels[`newAgents.${i}.name`] = { label: `New person ${i + 1} (${a.name}), name` };
    fieldLabels[`newAgents.${i}.title`] = { label: `New person ${i + 1} (${a.name}), title` };
  });
  draft.quotes.forEach((_q, i) => {
    for (const [key, label] of [['text', 'words'], ['pageFrom', 'first page'], ['pageTo', 'last page'], ['attachmentId', 'document'], ['speakerAgentId', 'speaker'], ['speakerNewAgent', 'speaker']] as const) {
      fieldLabels[`quotes.${i}.${key}`] = { label: `Quote ${i + 1}, ${label}` };
    }
  });

  return (
    <>
      <p>
        <Link to={props.incident ? `${base}/${props.incident.id}` : base}>← {props.incident ? 'Back to the incident' : 'Back to the timeline'}</Link>
      </p>
      <PageHeader
        title={props.incident ? 'Edit incident' : 'Log an incident'}
        intro={<p>Write down what happened as soon as you can, in the words people used. Attach the memo, photo or email; files are fingerprinted (SHA-256) when uploaded and never change afterwards.</p>}
      />
      <ErrorNotice error={error} fields={fieldLabels} />
      <form className="form-wide" onSubmit={onSubmit(() => save.mutate())} noValidate>
        <div className="form-row">
          <Field label="Date" id="incident-date" error={reason('occurredOn')}>
            {(control) => <input {...control} type="date" required max={options.today} value={draft.occurredOn} onChange={(e) => set({ occurredOn: e.target.value })} />}
          </Field>
          <Field label="Time (optional)" id="incident-time" error={reason('occurredTime')}>
            {(control) => <input {...control} type="time" value={draft.occurredTime} onChange={(e) => set({ occurredTime: e.target.value })} />}
          </Field>
        </div>
        <Field label="Kind of conduct" id="incident-kind" error={reason('kind')}>
          {(control) => (
            <select {...control} required value={draft.kind} onChange={(e) => set({ kind: e.target.value })}>
              <option value="">Choose…</option>
              {options.kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Short title" id="incident-title" hint="One line, e.g. “Principal calls teachers in one at a time”" error={reason('title')}>
          {(control) => <input {...control} required maxLength={300} value={draft.title} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field label="What happened" id="incident-description" hint="Who, where, what was done. Facts, not conclusions." error={reason('description')}>
          {(control) => <textarea {...control} rows={5} value={draft.description} onChange={(e) => set({ description: e.target.value })} />}
        </Field>

        <fieldset className={reason('worksiteIds') ? 'field-invalid' : undefined}>
          <legend>Schools</legend>
          <p className="field-hint">Leave empty for conduct across the whole network.</p>
          {reason('worksiteIds') ? <p className="field-error">Schools {reason('worksiteIds')}</p> : null}
          <div className="checkbox-grid">
            {options.worksites.map((w) => (
              <div className="checkbox" key={w.id}>
                <input type="checkbox" id={`ws-${w.id}`} checked={draft.worksiteIds.includes(w.id)} onChange={(e) => set({ worksiteIds: toggle(draft.worksiteIds, w.id, e.target.checked) })} />
                <label htmlFor={`ws-${w.id}`}>{w.name}</label>
              </div>
            ))}
          </div>
        </fieldset>

        <AgentsField options={options} chosen={draft.agentIds} pending={draft.newAgents} error={reason('agentIds')} onChange={(agentIds) => set({ agentIds })} onPendingChange={(newAgents) => set({ newAgents })} />

        <fieldset className={reason('provisionIds') ? 'field-invalid' : undefined}>
          <legend>Laws it may breach</legend>
          <div className="choice">
            <input type="checkbox" id="use-default-provisions" checked={draft.useDefaultProvisions} onChange={(e) => set({ useDefaultProvisions: e.target.checked, provisionIds: e.target.checked ? draft.provisionIds : draft.provisionIds.length > 0 ? draft.provisionIds : defaults.map((p) => p.id) })} />
            <label htmlFor="use-default-provisions">Use the usual provisions for this kind of conduct</label>
            <p className="field-hint">{draft.kind ? defaults.map((p) => p.code).join(', ') || 'None by default: choose below.' : 'Choose the kind of conduct first.'}</p>
          </div>
          {!draft.useDefaultProvisions ? (
            <div className="choices">
              {reason('provisionIds') ? <p className="field-error">Laws {reason('provisionIds')}</p> : null}
              {options.provisions.map((p) => (
                <div className="checkbox" key={p.id}>
                  <input type="checkbox" id={`prov-${p.id}`} checked={draft.provisionIds.includes(p.id)} onChange={(e) => set({ provisionIds: toggle(draft.provisionIds, p.id, e.target.checked) })} />
                  <label htmlFor={`prov-${p.id}`}>
                    {p.code} — {p.title}
                  </label>
                  <p className="field-hint">{p.description}</p>
                </div>
              ))}
            </div>
          ) : null}
        </fieldset>

        <PeoplePicker
          label="Witnesses"
          hint="Educators who saw or heard it. Search the roster by name."
          chosen={draft.witnesses}
          error={reason('witnessIds')}
          onChange={(witnesses) => set({ witnesses })}
        />
        <PeoplePicker
          label="Reported by (optional)"
          hint={props.incident ? 'The educator who told us. Leave empty to keep the current reporter.' : 'The educator who told us. Leave empty if you saw it yourself.'}
          chosen={draft.reporter ? [draft.reporter] : []}
          single
          error={reason('reportedBy.id')}
          onChange={(people) => set({ reporter: people[0] ?? null })}
        />

        <fieldset>
          <legend>Documents and photos</legend>
          <Uploader
            slug={campaign.slug}
            onUploaded={(a) => {
              setUploaded((list) => [...list, a]);
              setDraft((d) => ({ ...d, attachmentIds: [...d.attachmentIds, a.id] }));
            }}
          />
          {files.error ? <LoadError error={files.error} retry={() => void files.refetch()} /> : null}
          {allFiles.length > 0 ? (
            <div className="choices">
              <p className="field-hint">Tick the files that belong to this incident.</p>
              {allFiles.map((a) => (
                <div className="checkbox" key={a.id}>
                  <input type="checkbox" id={`file-${a.id}`} checked={draft.attachmentIds.includes(a.id)} onChange={(e) => set({ attachmentIds: toggle(draft.attachmentIds, a.id, e.target.checked) })} />
                  <label htmlFor={`file-${a.id}`}>
                    {a.filename} <span className="subtle">{formatBytes(a.sizeBytes)} · SHA-256 {a.sha256.slice(0, 16)}…</span>
                  </label>
                </div>
              ))}
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>What was said</legend>
          <p className="field-hint">Quote the exact words. When they come from a document, choose it and give the page.</p>
          {draft.quotes.map((q, i) => (
            <fieldset className="quote-editor" key={q.key}>
              <legend>Quote {i + 1}</legend>
              <Field label="Words" error={reason(`quotes.${i}.text`)}>
                {(control) => <textarea {...control} rows={2} value={q.text} onChange={(e) => set({ quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, text: e.target.value } : x)) })} />}
              </Field>
              <div className="form-row">
                <Field label="Said or written by" error={reason(`quotes.${i}.speakerAgentId`)}>
                  {(control) => (
                    <select {...control} value={q.speakerAgentId} onChange={(e) => set({ quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, speakerAgentId: e.target.value } : x)) })}>
                      <option value="">—</option>
                      {options.agents.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                      {draft.newAgents.map((a) => (
                        <option key={newSpeaker(a)} value={newSpeaker(a)}>
                          {a.name} (new)
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Where" hint="e.g. “Memo to principals”, “Staff meeting”" error={reason(`quotes.${i}.source`)}>
                  {(control) => <input {...control} value={q.source} onChange={(e) => set({ quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, source: e.target.value } : x)) })} />}
                </Field>
              </div>
              <div className="form-row">
                <Field label="Document" error={reason(`quotes.${i}.attachmentId`)}>
                  {(control) => (
                    <select {...control} value={q.attachmentId} onChange={(e) => set({ quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, attachmentId: e.target.value } : x)) })}>
                      <option value="">None</option>
                      {chosenFiles.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.filename}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Page" error={reason(`quotes.${i}.pageFrom`)}>
                  {(control) => <input {...control} inputMode="numeric" value={q.pageFrom} onChange={(e) => set({ quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, pageFrom: e.target.value } : x)) })} />}
                </Field>
                <Field label="To page (if several)" error={reason(`quotes.${i}.pageTo`)}>
                  {(control) => <input {...control} inputMode="numeric" value={q.pageTo} onChange={(e) => set({ quotes: draft.quotes.map((x) => (x.key === q.key ? { ...x, pageTo: e.target.value } : x)) })} />}
                </Field>
              </div>
              <div>
                <button type="button" className="button-link" onClick={() => set({ quotes: draft.quotes.filter((x) => x.key !== q.key) })}>
                  Remove quote {i + 1}
                </button>
              </div>
            </fieldset>
          ))}
          <button type="button" className="button-secondary" onClick={() => set({ quotes: [...draft.quotes, emptyQuote()] })}>
            Add a quote
          </button>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : props.incident ? 'Save changes' : 'Log the incident'}
          </button>
          <Link className="button-secondary" to={props.incident ? `${base}/${props.incident.id}` : base}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

function AgentsField(props: { options: ConductOptions; chosen: string[]; pending: NewAgentDraft[]; error?: string; onChange: (ids: string[]) => void; onPendingChange: (agents: NewAgentDraft[]) => void }) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState('principal');
  const [title, setTitle] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | null>(null);
  const roleLabel = (value: string): string => props.options.agentRoles.find((r) => r.value === value)?.label ?? value;

  // Nothing is saved here: a listed name is ticked, a new one is saved with the incident.
  function add(): void {
    const typed = name.trim();
    if (typed === '') {
      setNameError('is required');
      return;
    }
    const listed = props.options.agents.find((a) => sameName(a.name, typed));
    if (listed) {
      if (!props.chosen.includes(listed.id)) props.onChange([...props.chosen, listed.id]);
      setAdded(`${listed.name} is already listed: ticked.`);
    } else if (props.pending.some((a) => sameName(a.name, typed))) {
      setAdded(`${typed} is already added.`);
    } else {
      props.onPendingChange([...props.pending, { key: ++newAgentKey, name: typed, role, title: title.trim() }]);
      setAdded(`Added ${typed}; saved with the incident.`);
    }
    setNameError(undefined);
    setName('');
    setTitle('');
    setAdding(false);
  }

  return (
    <fieldset className={props.error ? 'field-invalid' : undefined}>
      <legend>Who acted</legend>
      <p className="field-hint">People acting for the employer: principals, administrators, executives, attorneys, consultants.</p>
      {props.error ? <p className="field-error">Who acted {props.error}</p> : null}
      {added ? <SuccessNotice>{added}</SuccessNotice> : null}
      <div className="checkbox-grid">
        {props.options.agents.map((a) => (
          <div className="checkbox" key={a.id}>
            <input type="checkbox" id={`agent-${a.id}`} checked={props.chosen.includes(a.id)} onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, a.id] : props.chosen.filter((x) => x !== a.id))} />
            <label htmlFor={`agent-${a.id}`}>
              {a.name} <span className="subtle">{a.title || a.roleLabel}</span>
            </label>
          </div>
        ))}
        {props.pending.map((a) => (
          <div className="checkbox" key={`new-${a.key}`}>
            <input type="checkbox" id={`new-agent-${a.key}`} checked onChange={() => props.onPendingChange(props.pending.filter((x) => x.key !== a.key))} />
            <label htmlFor={`new-agent-${a.key}`}>
              {a.name} <span className="subtle">{a.title || roleLabel(a.role)} · new, saved with the incident</span>
            </label>
          </div>
        ))}
      </div>
      {adding ? (
        <div className="quote-editor">
          <div className="form-row">
            <Field label="Name" error={nameError}>
              {(control) => <input {...control} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field label="Role">
              {(control) => (
                <select {...control} value={role} onChange={(e) => setRole(e.target.value)}>
                  {props.options.agentRoles.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Title (optional)">{(control) => <input {...control} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
          </div>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={add}>
              Add this person
            </button>
            <button type="button" className="button-secondary" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button-link" onClick={() => setAdding(true)}>
          Someone not listed? Add them
        </button>
      )}
    </fieldset>
  );
}

// The roster is loaded only when someone starts typing (opening it is logged as a roster view).
function PeoplePicker(props: { label: string; hint: string; chosen: Person[]; single?: boolean; error?: string; onChange: (people: Person[]) => void }) {
  const campaign = useCampaign();
  const [search, setSearch] = useState('');
  const [load, setLoad] = useState(false);
  const roster = useApiQuery<{ people: RosterPerson[] }>(load ? campaignPath(campaign.slug, '/people') : null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (search.trim().length >= 2) setLoad(true);
  }, [search]);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const chosenIds = new Set(props.chosen.map((p) => p.id));
  const matches =
    words.length === 0
      ? []
      : (roster.data?.people ?? [])
          .filter((p) => !chosenIds.has(p.personId) && words.every((w) => `${p.givenName} ${p.familyName} ${p.worksiteName}`.toLowerCase().includes(w)))
          .slice(0, 8);

  function choose(p: RosterPerson): void {
    const person = { id: p.personId, name: `${p.givenName} ${p.familyName}`, school: p.worksiteName };
    props.onChange(props.single ? [person] : [...props.chosen, person]);
    setSearch('');
    inputRef.current?.focus();
  }

  return (
    <div>
      <Field label={props.label} hint={props.hint} error={props.error}>
        {(control) => <input {...control} ref={inputRef} type="search" autoComplete="off" placeholder="Type at least two letters" value={search} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      {roster.error ? <LoadError error={roster.error} /> : null}
      {matches.length > 0 ? (
        <ul className="suggestions" aria-label={`People matching “${search}”`}>
          {matches.map((p) => (
            <li key={p.personId}>
              <button type="button" onClick={() => choose(p)}>
                {p.givenName} {p.familyName} <span className="subtle">{p.worksiteName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {props.chosen.length > 0 ? (
        <ul className="chips" aria-label={`${props.label}: chosen`}>
          {props.chosen.map((p) => (
            <li key={p.id}>
              {p.name}
              {p.school ? ` (${p.school})` : ''}
              <button type="button" aria-label={`Remove ${p.name}`} onClick={() => props.onChange(props.chosen.filter((x) => x.id !== p.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Uploader(props: { slug: string; onUploaded: (a: Attachment) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [done, setDone] = useState<Attachment | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const upload = useApiMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      // The description goes first: the server reads fields that precede the file.
      form.append('description', description);
      form.append('file', chosen);
      return api.upload<{ attachment: Attachment }>(campaignPath(props.slug, '/conduct/attachments'), form);
    },
    fallback: 'The upload failed. Try again.',
    invalidates: [apiKey(campaignPath(props.slug, '/conduct/attachments'))],
    onSuccess: (result) => {
      props.onUploaded(result.attachment);
      setDone(result.attachment);
      setFile(null);
      setDescription('');
      if (inputRef.current) inputRef.current.value = '';
    },
  });
  const error = upload.error;
  const busy = upload.isPending;

  return (
    <div className="quote-editor">
      <ErrorNotice error={error} fields={{ file: { label: 'File' } }} />
      {done ? (
        <SuccessNotice>
          <p>
            Uploaded {done.filename} ({formatBytes(done.sizeBytes)}). SHA-256 <span className="hash">{done.sha256}</span>
          </p>
        </SuccessNotice>
      ) : null}
      <div className="form-row">
        <Field label="Upload a file" hint="PDF, photo, screenshot or email export; up to 25 MB.">
          {(control) => <input {...control} ref={inputRef} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Field label="What it is (optional)">{(control) => <input {...control} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
      </div>
      <div>
        <button type="button" className="button-secondary" disabled={!file || busy} onClick={() => file && upload.mutate(file)}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
    </div>
  );
}
