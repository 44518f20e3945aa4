import type { Translate } from '../../i18n/translator.js';
import type { EndorsementCount } from './view-models.js';

// "3 members of Congress, 7 state legislators, 4 neighborhood councils, …"
export function EndorsementSummaryList(props: { counts: EndorsementCount[]; t: Translate }) {
  return (
    <ul className="endorsement-summary">
      {props.counts.map((c) => (
        <li key={c.group}>{props.t(`endorsements.group.${c.group}`, { count: c.count })}</li>
      ))}
    </ul>
  );
}
