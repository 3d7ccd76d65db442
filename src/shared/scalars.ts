import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { t, type Text } from './i18n/t.js';

const invalid = (message: Text) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw invalid(t('scalar.dateTime', { got: JSON.stringify(value) }));
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw invalid(t('scalar.notAMoment', { value }));
  return d;
}

function parseDate(value: unknown): Date {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) throw invalid(t('scalar.date', { got: JSON.stringify(value) }));
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) throw invalid(t('scalar.noSuchDate', { value: String(value) }));
  return d;
}

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(v as string));

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A moment in time, ISO-8601 with a zone (2020-10-01T08:00:00.000Z).',
  serialize: (v) => asDate(v).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateTime(ast.value) : parseDateTime(null)),
});

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (stored as midnight UTC).',
  serialize: (v) => asDate(v).toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDate(ast.value) : parseDate(null)),
});
