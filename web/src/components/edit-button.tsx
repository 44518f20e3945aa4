/**
 * A row's Edit button. Its accessible name carries the row's name ("Edit Spring update"), because
 * a screen-reader user tabbing through a list of identical "Edit" buttons cannot tell them apart.
 */
export function EditButton(props: { name: string; onClick: () => void }) {
  return (
    <button type="button" className="button-secondary" aria-label={`Edit ${props.name}`} onClick={props.onClick}>
      Edit
    </button>
  );
}
