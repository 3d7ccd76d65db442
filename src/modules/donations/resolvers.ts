import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import { collectiveResolver, workflowFieldResolvers } from '../achievements/resolvers.js';
import { donationKind, label } from '../vocabulary/vocabulary.js';
import type { DonationRecord } from './model.js';
import { quantityText, type DonationFilter } from './service.js';

type Input = { input: unknown };
type IdInput = { input: { id: string } };

export const donationResolvers = {
  Query: {
    donations: (_: unknown, a: PageArgs & { filter?: DonationFilter | null }, ctx: RequestContext) => ctx.services.donations.list(a.filter, a),
  },
  Mutation: {
    donationRecord: (_: unknown, { input }: Input, ctx: RequestContext) => payload('donation', () => ctx.services.donations.record(input)),
    donationUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('donation', () => ctx.services.donations.update(input)),
    donationSubmit: (_: unknown, { input }: IdInput, ctx: RequestContext) => payload('donation', () => ctx.services.donations.workflow.submit(input)),
    donationVerify: (_: unknown, { input }: IdInput, ctx: RequestContext) => payload('donation', () => ctx.services.donations.workflow.verify(input)),
    donationReturn: (_: unknown, { input }: Input, ctx: RequestContext) => payload('donation', () => ctx.services.donations.workflow.return(input)),
    donationDelete: (_: unknown, { input }: IdInput, ctx: RequestContext) => payload('deletedId', () => ctx.services.donations.workflow.delete(input)),
  },
  Donation: {
    ...workflowFieldResolvers,
    id: (d: DonationRecord) => toGlobalId('Donation', d._id),
    kindLabel: (d: DonationRecord) => label('donationKind', d.kind),
    unit: (d: DonationRecord) => donationKind(d.kind).unit,
    donor: (d: DonationRecord, _: unknown, ctx: RequestContext) => (d.donor ? ctx.loaders.person.load(d.donor) : null),
    donorCollective: (d: DonationRecord, _: unknown, ctx: RequestContext) => collectiveResolver(d.donorCollective, ctx),
    beneficiary: (d: DonationRecord, _: unknown, ctx: RequestContext) => (d.beneficiary ? ctx.loaders.person.load(d.beneficiary) : null),
    quantityText: (d: DonationRecord) => quantityText(d),
  },
};
