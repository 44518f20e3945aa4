-- An RSVP now waits for its email when it came through the API without a key (decision 0038):
-- until the person confirms, they are no one's person, as on the door list and in the counts.
-- The rest of the view is 0031's (decision 0036).
CREATE OR REPLACE VIEW "osdi_people" AS
WITH sources AS (
  SELECT campaign_id, email, given_name, family_name, identifiers, details, origin_system, NULL::boolean AS subscribed, created_at, updated_at, 0 AS rank
    FROM supporters WHERE status = 'confirmed'
  UNION ALL
  SELECT p.campaign_id, lower(s.email), s.given_name, s.family_name, s.identifiers,
         jsonb_strip_nulls(jsonb_build_object('phoneNumbers', s.details->'phoneNumbers', 'postalAddresses', coalesce(s.details->'postalAddresses',
           CASE WHEN s.postal_code IS NOT NULL OR s.city IS NOT NULL THEN jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('primary', true, 'postal_code', s.postal_code, 'locality', s.city))) END),
           'customFields', s.details->'customFields', 'emailStatus', s.details->'emailStatus')),
         s.origin_system, NULL, s.created_at, s.updated_at, 1
    FROM petition_signatures s JOIN petitions p ON p.id = s.petition_id WHERE s.status = 'confirmed'
  UNION ALL
  SELECT campaign_id, lower(email), '', '', '{}'::text[], '{}'::jsonb, NULL, unsubscribed_at IS NULL, created_at, greatest(confirmed_at, unsubscribed_at), 2
    FROM newsletter_subscribers WHERE confirmed_at IS NOT NULL
  UNION ALL
  SELECT e.campaign_id, lower(r.email), r.name, '', '{}'::text[],
         CASE WHEN r.phone IS NOT NULL THEN jsonb_build_object('phoneNumbers', jsonb_build_array(jsonb_build_object('number', r.phone))) ELSE '{}'::jsonb END,
         NULL, NULL, r.created_at, greatest(r.created_at, r.checked_in_at), 3
    FROM event_rsvps r JOIN events e ON e.id = r.event_id WHERE e.is_public AND r.status = 'accepted' AND r.email IS NOT NULL AND r.email <> ''
),
ids AS (
  SELECT campaign_id, email, array_agg(DISTINCT i ORDER BY i) AS identifiers
    FROM sources, unnest(identifiers) AS i GROUP BY campaign_id, email
)
SELECT md5(s.campaign_id::text || ':' || s.email)::uuid AS id,
       s.campaign_id,
       s.email,
       coalesce((array_agg(s.given_name ORDER BY s.rank, s.updated_at DESC) FILTER (WHERE s.given_name <> ''))[1], '') AS given_name,
       coalesce((array_agg(s.family_name ORDER BY s.rank, s.updated_at DESC) FILTER (WHERE s.family_name <> ''))[1], '') AS family_name,
       coalesce(max(ids.identifiers), '{}'::text[]) AS identifiers,
       coalesce((array_agg(s.details ORDER BY s.rank, s.updated_at DESC) FILTER (WHERE s.details <> '{}'::jsonb))[1], '{}'::jsonb) AS details,
       (array_agg(s.origin_system ORDER BY s.rank, s.updated_at DESC) FILTER (WHERE s.origin_system IS NOT NULL))[1] AS origin_system,
       CASE WHEN bool_or(s.subscribed) THEN 'subscribed' WHEN NOT bool_or(s.subscribed) THEN 'unsubscribed' END AS subscribed,
       min(s.created_at) AS created_at,
       max(s.updated_at) AS updated_at
  FROM sources s LEFT JOIN ids ON ids.campaign_id = s.campaign_id AND ids.email = s.email
 GROUP BY s.campaign_id, s.email;
