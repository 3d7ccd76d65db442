// Times every database operation the models send (queries, aggregations, inserts, saves) for
// the server's metrics. A mongoose plugin rather than the driver's command monitoring: with
// monitoring on, the driver decodes every cursor reply a second time just to hand it to the
// listener, which would double the cost of each read it measures.
import mongoose, { type Connection, type Schema } from 'mongoose';
import type { Metrics } from './metrics.js';

const QUERY_OPERATIONS = ['countDocuments', 'deleteMany', 'deleteOne', 'distinct', 'estimatedDocumentCount', 'find', 'findOne', 'findOneAndDelete', 'findOneAndReplace', 'findOneAndUpdate', 'replaceOne', 'updateMany', 'updateOne'] satisfies mongoose.MongooseQueryMiddleware[];

const sinks = new WeakMap<Connection, Metrics>();
const startedAt = new WeakMap<object, number>();

/** From now on, operations over this connection's models are timed into `metrics`. */
export function timeDatabaseOperations(connection: Connection, metrics: Metrics) {
  sinks.set(connection, metrics);
}

function start(this: object) {
  startedAt.set(this, performance.now());
}

type Model = { db?: Connection; collection?: { collectionName: string } };

function finish(subject: object, model: Model, operation: string) {
  const t0 = startedAt.get(subject);
  // A subdocument's save hooks run too: its constructor is no model, and it is not timed apart.
  const metrics = model.db && sinks.get(model.db);
  if (t0 === undefined || !metrics || !model.collection) return;
  startedAt.delete(subject);
  metrics.databaseOperation(operation, model.collection.collectionName, (performance.now() - t0) / 1000);
}

function timingPlugin(schema: Schema) {
  const queryOnly = { document: false, query: true } as const;
  schema.pre(QUERY_OPERATIONS, queryOnly, start);
  schema.post(QUERY_OPERATIONS, queryOnly, function (this: mongoose.Query<unknown, unknown>) {
    finish(this, this.model as unknown as Model, (this as unknown as { op?: string }).op ?? 'query');
  });
  schema.pre('aggregate', start);
  schema.post('aggregate', function (this: mongoose.Aggregate<unknown>) {
    finish(this, this.model() as unknown as Model, 'aggregate');
  });
  schema.pre('insertMany', start);
  schema.post('insertMany', function (this: Model) {
    finish(this, this, 'insertMany');
  });
  schema.pre('save', start);
  schema.post('save', function (this: mongoose.Document) {
    finish(this, this.constructor as unknown as Model, 'save');
  });
}

// Global plugins apply when a model is compiled: this runs before any connection's models are.
mongoose.plugin(timingPlugin);
