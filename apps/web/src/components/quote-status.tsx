const words: Readonly<Record<string, string>> = {
  draft: "Draft",
  issued: "Issued",
  accepted: "Accepted",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

/** A quote's status as a labelled badge (the word is always there; the colour only repeats it). */
export function QuoteStatus({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{words[status] ?? status}</span>;
}
