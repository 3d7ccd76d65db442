// What a page of the achievements list reads from each record: only the stored fields the
// query's selection needs. Decoding a whole record (its workflow log, dedupe key, actors)
// costs about three times decoding the fields a list shows.

/**
 * The stored fields a GraphQL field of an achievement reads, where they are not just the
 * field's own name; null where it needs the whole record.
 */
const READS: Readonly<Record<string, readonly string[] | null>> = {
  __typename: [],
  id: [],
  levelLabel: ['level'],
  resultLabel: ['grade', 'placement', 'resultText', 'division', 'designation', 'title'],
  statusLabel: ['status'],
  gradeLabel: ['grade'],
  honours: [],
  honourKindLabel: ['honourKind'],
  stateLabel: ['state'],
  designationLabel: ['designation'],
  // Each revision's changes compare its snapshot with every fact of the record.
  history: null,
};

/**
 * The projection for records of which `fields` are selected (see selectedFieldsAt), keeping
 * the kind (the GraphQL type) and the field the page is ordered by (its cursors); undefined
 * when the whole record is needed.
 */
export function achievementProjection(fields: ReadonlySet<string> | undefined, orderField: string): Record<string, 1> | undefined {
  if (!fields) return undefined;
  const projection: Record<string, 1> = { kind: 1, [orderField]: 1 };
  for (const field of fields) {
    const reads = Object.hasOwn(READS, field) ? READS[field] : [field];
    if (!reads) return undefined;
    for (const stored of reads) projection[stored] = 1;
  }
  return projection;
}
