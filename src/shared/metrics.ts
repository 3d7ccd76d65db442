// The server's figures in Prometheus's text format (GET /metrics): GraphQL latency per
// operation, database operation timings, reports and imports, and Node's own (event-loop
// lag, heap, GC) from prom-client's default collectors. One registry per server, so a
// process holding several (the tests) keeps their figures apart.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Operation names are the client's words: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly graphqlSeconds = new Histogram({
    name: 'honours_graphql_request_duration_seconds',
    help: 'GraphQL requests from receipt to response, by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly databaseSeconds = new Histogram({
    name: 'honours_database_operation_duration_seconds',
    help: 'Database operations as the server sends them (find, aggregate, insertMany, …), by operation and collection',
    labelNames: ['operation', 'collection'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly reports = new Counter({
    name: 'honours_reports_built_total',
    help: 'Annual reports built (for GraphQL, Markdown or .docx), by scope: one institution or the federation',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });
  private readonly imports = new Counter({
    name: 'honours_imports_total',
    help: 'Imports run, by record kind, mode and outcome (done, or the file refused)',
    labelNames: ['kind', 'mode', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly importRows = new Counter({
    name: 'honours_import_rows_total',
    help: 'Rows read by imports, by record kind and mode',
    labelNames: ['kind', 'mode'] as const,
    registers: [this.registry],
  });

  /** Adds Node's process figures (event-loop lag, heap, GC, CPU): once, for a server's registry. */
  collectProcess(): this {
    collectDefaultMetrics({ register: this.registry });
    return this;
  }

  graphqlRequest(operationName: string | null | undefined, type: string, failed: boolean, seconds: number) {
    this.graphqlSeconds.observe({ operation: this.operationLabel(operationName), type, outcome: failed ? 'error' : 'ok' }, seconds);
  }

  databaseOperation(operation: string, collection: string, seconds: number) {
    this.databaseSeconds.observe({ operation, collection }, seconds);
  }

  reportBuilt(scope: 'institution' | 'federation') {
    this.reports.inc({ scope });
  }

  importRun(kind: string, mode: string, outcome: 'done' | 'refused', rows: number) {
    this.imports.inc({ kind, mode, outcome });
    if (rows) this.importRows.inc({ kind, mode }, rows);
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }
}
