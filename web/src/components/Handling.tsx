/** TLP 2.0 handling code as a badge; the words say it, the colour only repeats it. */
export function HandlingBadge({ handling }: { handling: string }) {
  const tone = handling.toLowerCase().replace("+", "-");
  return <span className={`badge tlp-${tone}`}>TLP:{handling}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}
