/**
 * The `<option>`s of a select over one of the app's value → label tables (kinds, levels), in the
 * table's order: the table is the one place that names the values, so the select follows it.
 */
export function LabelOptions(props: { labels: Record<string, string> }) {
  return (
    <>
      {Object.entries(props.labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
