import { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { userError } from '../../shared/errors.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { optionalText, parseInput } from '../../shared/validation.js';
import { collectiveInputOf } from '../achievements/awards.js';
import { recipientKey, resolveRecipients, targetsOf, type Recipients } from '../achievements/recipients.js';
import { collectiveInput, insertRecord, notFuture } from '../achievements/shared.js';
import { newRecordFields, Workflow } from '../achievements/workflow.js';
import { escapeRegex } from '../organisation/service.js';
import { DONATION_KINDS, donationKind, values } from '../vocabulary/vocabulary.js';
import type { DonationRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';

const fields = {
  kind: z.enum(values(DONATION_KINDS)),
  donorPersonId: z.string().nullish(),
  donorCollective: collectiveInput.nullish(),
  donorCount: z.number().int({ error: () => t('donation.donorCountWhole') }).min(1, { error: () => t('donation.donorCountMin') }).max(100_000).nullish(),
  quantity: z.number().positive({ error: () => t('donation.quantityPositive') }).max(1e9, { error: () => t('donation.quantityHuge') }),
  approximate: z.boolean().nullish(),
  campaign: optionalText('field.campaign', 60),
  beneficiaryPersonId: z.string().nullish(),
  date: notFuture,
  note: optionalText('field.note', 1000),
};
const createSchema = z.object(fields);
const updateSchema = z.object({ id: z.string() }).extend(z.object(fields).partial().shape);

/** Kinds counted in whole units (people, books, items, millilitres). */
const WHOLE_UNITS = new Set(['GOODS', 'BLOOD', 'STEM_CELL_REGISTRATION', 'BOOKS']);

/** The quantity as a report writes it: 27800毫升, 300余本. */
export function quantityText(d: { kind: string; quantity: number; approximate: boolean }): string {
  const n = Number.isInteger(d.quantity) ? String(d.quantity) : d.quantity.toFixed(2).replace(/\.?0+$/, '');
  return `${n}${d.approximate ? '余' : ''}${donationKind(d.kind).unit}`;
}

export interface DonationFilter {
  year?: number | null;
  kind?: string | null;
  status?: string | null;
  campaign?: string | null;
  departmentId?: string | null;
}

type Parsed = z.infer<typeof createSchema>;

export class DonationService {
  readonly workflow: Workflow<DonationRecord>;

  constructor(private readonly ctx: RequestContext) {
    this.workflow = new Workflow(ctx, {
      typeName: 'Donation',
      operation: 'donation',
      noun: 'donation',
      model: ctx.models.Donation,
      targets: (c, r) => targetsOf(c, r.donor ? [r.donor] : [], r.donorCollective ?? (r.mode === 'AGGREGATE' ? { kind: 'INSTITUTION' } : null)),
    });
  }

  list(filter: DonationFilter | null | undefined, page: PageArgs) {
    this.ctx.guard.requireViewer();
    const query: Record<string, unknown> = {};
    if (filter?.year != null) query.year = filter.year;
    if (filter?.kind) query.kind = filter.kind;
    if (filter?.status) query.status = filter.status;
    if (filter?.campaign) query.campaign = new RegExp(escapeRegex(filter.campaign.slice(0, 60)), 'i');
    if (filter?.departmentId) query.departments = idOfType(filter.departmentId, 'Department');
    return paginate<DonationRecord>(this.ctx.models.Donation, query, { field: 'date', direction: -1 }, page);
  }

  /** Checks the donor fields and says the mode: one donor, or a count and a total. */
  private async donor(d: Pick<Parsed, 'kind' | 'donorPersonId' | 'donorCollective' | 'donorCount' | 'quantity'>): Promise<{ mode: 'ITEMISED' | 'AGGREGATE'; recipients: Recipients }> {
    if (WHOLE_UNITS.has(d.kind) && !Number.isInteger(d.quantity)) throw userError(['input', 'quantity'], 'INVALID', t('donation.wholeUnits', { kind: d.kind, unit: donationKind(d.kind).unit }));
    if (d.donorCount != null) {
      if (d.donorPersonId != null) throw userError(['input', 'donorPersonId'], 'INVALID', t('donation.aggregateNoDonor'));
      const recipients = await resolveRecipients(this.ctx, [], d.donorCollective ?? { kind: 'INSTITUTION' }, { people: 'donorPersonId', collective: 'donorCollective' });
      return { mode: 'AGGREGATE', recipients };
    }
    if (d.donorPersonId != null && d.donorCollective) throw userError(['input', 'donorCollective'], 'INVALID', t('donation.oneDonor'));
    if (d.donorPersonId == null && !d.donorCollective) throw userError(['input', 'donorPersonId'], 'REQUIRED', t('donation.donorRequired'));
    const recipients = await resolveRecipients(this.ctx, d.donorPersonId != null ? [d.donorPersonId] : [], d.donorCollective, { people: 'donorPersonId', collective: 'donorCollective' });
    return { mode: 'ITEMISED', recipients };
  }

  private async beneficiary(globalId: string | null | undefined): Promise<Types.ObjectId | undefined> {
    if (globalId == null) return undefined;
    const id = idOfType(globalId, 'Person');
    const person = id ? await this.ctx.loaders.person.load(id) : null;
    if (!person) throw userError(['input', 'beneficiaryPersonId'], 'NOT_FOUND', t('donation.beneficiaryNotFound', { id: globalId }));
    return person._id;
  }

  private stored(d: Parsed, mode: 'ITEMISED' | 'AGGREGATE', recipients: Recipients, beneficiary: Types.ObjectId | undefined) {
    const day = d.date.toISOString().slice(0, 10);
    return {
      kind: d.kind,
      mode,
      donor: recipients.people[0],
      donorCollective: recipients.collective ?? undefined,
      donorCount: mode === 'AGGREGATE' ? d.donorCount : undefined,
      quantity: d.quantity,
      approximate: Boolean(d.approximate),
      campaign: d.campaign ?? undefined,
      beneficiary,
      date: d.date,
      year: d.date.getUTCFullYear(),
      note: d.note ?? undefined,
      departments: recipients.departments,
      unionGroups: recipients.unionGroups,
      dedupeKey: `DONATION|${d.kind}|${mode}|${recipientKey(recipients.people, recipients.collective)}|${d.donorCount ?? ''}|${d.quantity}|${day}|${d.campaign ?? ''}`,
    };
  }

  private async duplicate(dedupeKey: string, self?: DonationRecord) {
    const existing = (await this.ctx.models.Donation.findOne({ dedupeKey }).lean()) as DonationRecord | null;
    if (!existing || (self && existing._id.equals(self._id))) return null;
    return userError(['input'], 'DUPLICATE', t('donation.duplicate', { quantity: quantityText(existing), date: existing.date, id: toGlobalId('Donation', existing._id) }));
  }

  /** With `dryRun`, every check runs and nothing is written (imports preview this way). */
  async record(input: unknown, options: { dryRun?: boolean } = {}): Promise<DonationRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.recordDonation'));
    const data = parseInput(createSchema, input);
    const { mode, recipients } = await this.donor(data);
    await this.ctx.guard.requireWriteAt(t('action.recordDonation'), ...recipients.targets);
    const stored = this.stored(data, mode, recipients, await this.beneficiary(data.beneficiaryPersonId));
    const duplicate = await this.duplicate(stored.dedupeKey);
    if (duplicate) throw duplicate;
    if (options.dryRun) return { ...stored, _id: new Types.ObjectId(), status: 'DRAFT' } as unknown as DonationRecord;
    const donation = await insertRecord<DonationRecord>(this.ctx.models.Donation, { ...stored, ...newRecordFields(this.ctx) }).catch(async (e) => {
      throw (await this.duplicate(stored.dedupeKey)) ?? e;
    });
    await this.workflow.created(donation);
    return donation;
  }

  async update(input: unknown): Promise<DonationRecord> {
    const { id, ...patch } = parseInput(updateSchema, input);
    const before = await this.workflow.load(id);
    for (const k of ['kind', 'quantity', 'date'] as const) if (patch[k] === null) throw userError(['input', k], 'REQUIRED', t('record.cannotClear', { field: k }));
    const donorChanged = patch.donorPersonId !== undefined || patch.donorCollective !== undefined || patch.donorCount !== undefined;
    const merged: Parsed = {
      kind: patch.kind ?? (before.kind as Parsed['kind']),
      donorPersonId: donorChanged ? patch.donorPersonId : before.donor ? toGlobalId('Person', before.donor) : null,
      donorCollective: donorChanged ? patch.donorCollective : collectiveInputOf({ collective: before.donorCollective }),
      donorCount: donorChanged ? patch.donorCount : before.donorCount,
      quantity: patch.quantity ?? before.quantity,
      approximate: patch.approximate ?? before.approximate,
      campaign: patch.campaign === undefined ? before.campaign : patch.campaign,
      beneficiaryPersonId: patch.beneficiaryPersonId === undefined ? (before.beneficiary ? toGlobalId('Person', before.beneficiary) : null) : patch.beneficiaryPersonId,
      date: patch.date ?? before.date,
      note: patch.note === undefined ? before.note : patch.note,
    };
    const { mode, recipients } = await this.donor(merged);
    const plan = await this.workflow.editPlan(before, recipients.targets);
    const stored = this.stored(merged, mode, recipients, await this.beneficiary(merged.beneficiaryPersonId));
    const duplicate = await this.duplicate(stored.dedupeKey, before);
    if (duplicate) throw duplicate;
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [k, v] of Object.entries(stored)) {
      if (v === undefined || v === null) unset[k] = '';
      else set[k] = v;
    }
    return this.workflow.applyEdit(before, set, unset, plan).catch(async (e) => {
      throw (await this.duplicate(stored.dedupeKey, before)) ?? e;
    });
  }
}
