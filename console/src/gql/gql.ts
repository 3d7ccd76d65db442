/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Lookups {\n    departments(first: 100) { edges { node { id code name } } }\n    unionGroups(first: 100) { edges { node { id code name } } }\n    vocabulary {\n      levels { value label }\n      grades { value label }\n      categories { value label }\n      honourKinds { value label }\n      modelWorkerTitles { value label }\n      civilisedPostTitles { value label }\n      donationKinds { value label unit }\n      recordStatuses { value label }\n      achievementKinds { value label }\n      campaignStatuses { value label }\n    }\n  }\n": typeof types.LookupsDocument,
    "\n  query PeopleSearch($search: String) {\n    people(first: 30, filter: { search: $search }) { edges { node { id name staffNumber department { code name } } } }\n  }\n": typeof types.PeopleSearchDocument,
    "\n  query Viewer {\n    viewer {\n      username\n      role\n      wholeInstitution\n      departmentCodes\n      unionGroupCodes\n      user { displayName }\n      institution { id code name selfReference demo }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query RecordDetail($id: ID!, $audit: Boolean!) {\n    node(id: $id) {\n      id\n      ... on Achievement {\n        kind title year date levelLabel resultLabel statusLabel returnReason revision note\n        people { name staffNumber }\n        collective { name }\n        departments { name }\n        enteredBy { username }\n        verifiedBy { username }\n        statusLog { status at reason by { username } }\n        history { revision at by { username } changes { field label before after } }\n      }\n      ... on Award { competition { name organiser edition } }\n      ... on Honour { conferredBy session stateLabel }\n      ... on ModelWorkerDesignation { designationBody: conferredBy session }\n      ... on Donation { kindLabel quantityText donatedOn: date statusLabel donor { name } donorCollective { name } donorCount campaign statusLog { status at reason by { username } } }\n    }\n    auditLog(filter: { entityId: $id }, first: 50) @include(if: $audit) {\n      edges { node { id at actorUsername operation changes { field before after } } }\n    }\n  }\n": typeof types.RecordDetailDocument,
    "\n  query Admin {\n    users(first: 100) { edges { node { id username displayName role active wholeInstitution departments { name } unionGroups { name } } } }\n    departments(first: 100) { edges { node { id code name active } } }\n    unionGroups(first: 100) { edges { node { id code name active } } }\n    people(first: 100) { totalCount edges { node { id staffNumber name gender department { name } unionGroup { name } position } } }\n    rankingPolicy { levelOrder gradeTiers }\n  }\n": typeof types.AdminDocument,
    "mutation UserCreate($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { field message } } }": typeof types.UserCreateDocument,
    "mutation DepartmentCreate($input: DepartmentCreateInput!) { departmentCreate(input: $input) { department { id } userErrors { field message } } }": typeof types.DepartmentCreateDocument,
    "mutation UnionGroupCreate($input: UnionGroupCreateInput!) { unionGroupCreate(input: $input) { unionGroup { id } userErrors { field message } } }": typeof types.UnionGroupCreateDocument,
    "mutation PersonCreate($input: PersonCreateInput!) { personCreate(input: $input) { person { id } userErrors { field message } } }": typeof types.PersonCreateDocument,
    "\n  query CompetitionList($filter: CompetitionFilter, $first: Int!, $after: String) {\n    competitions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id name brand organiser edition sector level levelLabel category categoryLabel year shared\n          hostedByUnion participants participantsApprox\n          awards(first: 0) { totalCount }\n        }\n      }\n    }\n  }\n": typeof types.CompetitionListDocument,
    "\n  mutation CompetitionDelete($id: ID!) { competitionDelete(input: { id: $id }) { deletedId userErrors { message } } }\n": typeof types.CompetitionDeleteDocument,
    "\n  query ImportJobs {\n    importJobs(first: 20) {\n      edges { node { id kind mode status fileName createdAt createdBy { username } counts { rows create update unchanged error } } }\n    }\n  }\n": typeof types.ImportJobsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      userErrors { field code message }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query OverviewTrend {\n    trend: achievementStats(filter: { status: VERIFIED }, groupBy: [YEAR]) {\n      groups { year records people }\n    }\n    queue: achievementStats(filter: { status: SUBMITTED }) {\n      total { records }\n    }\n  }\n": typeof types.OverviewTrendDocument,
    "\n  query OverviewYear($year: Int) {\n    year: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [LEVEL]) {\n      total { records people women collectives }\n      groups { level levelLabel records }\n    }\n    categories: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [CATEGORY]) {\n      groups { category categoryLabel records }\n    }\n    departments: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [DEPARTMENT]) {\n      groups { department { name } records people }\n    }\n  }\n": typeof types.OverviewYearDocument,
    "\n  query Records($filter: AchievementFilter, $first: Int!, $after: String) {\n    achievements(filter: $filter, orderBy: RANK, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id kind title year levelLabel resultLabel status statusLabel\n          people { name }\n          collective { name }\n        }\n      }\n    }\n  }\n": typeof types.RecordsDocument,
    "\n  query DonationRecords($year: Int, $status: RecordStatus) {\n    donations(filter: { year: $year, status: $status }, first: 100) {\n      totalCount\n      edges { node { id kindLabel quantityText date status statusLabel donor { name } donorCollective { name } donorCount campaign } }\n    }\n  }\n": typeof types.DonationRecordsDocument,
    "\n  query Report($year: Int!, $scope: ReportScope) {\n    achievementReport(year: $year, scope: $scope) {\n      title demo\n      totals { achievements awards honours modelWorkers peopleAwarded womenAwarded byLevel { level label count } }\n      narrative { heading sentences { text recordIds } }\n      ranked { rank achievement { id title levelLabel resultLabel people { name } collective { name } } }\n    }\n  }\n": typeof types.ReportDocument,
    "\n  query Federation($year: Int!) {\n    federationReport(year: $year) {\n      institutionCount rankedTotal\n      totals { institution { id name } achievements awards honours modelWorkers peopleAwarded }\n      narrative { sentences { text recordIds } }\n      ranked { rank institution { name } recipients result achievement { id title levelLabel } }\n    }\n  }\n": typeof types.FederationDocument,
    "\n  query ReviewQueue {\n    achievements(filter: { status: SUBMITTED }, first: 100, orderBy: DATE) {\n      totalCount\n      edges { node { id kind title year levelLabel resultLabel people { name } collective { name } enteredBy { username } } }\n    }\n    donations(filter: { status: SUBMITTED }, first: 100) {\n      edges { node { id kindLabel quantityText date donor { name } donorCollective { name } enteredBy { username } } }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "mutation VerifyAward($id: ID!) { awardVerify(input: { id: $id }) { award { id status } userErrors { message } } }": typeof types.VerifyAwardDocument,
    "mutation VerifyHonour($id: ID!) { honourVerify(input: { id: $id }) { honour { id status } userErrors { message } } }": typeof types.VerifyHonourDocument,
    "mutation VerifyDesignation($id: ID!) { modelWorkerDesignationVerify(input: { id: $id }) { designation { id status } userErrors { message } } }": typeof types.VerifyDesignationDocument,
    "mutation VerifyDonation($id: ID!) { donationVerify(input: { id: $id }) { donation { id status } userErrors { message } } }": typeof types.VerifyDonationDocument,
    "mutation ReturnAward($id: ID!, $reason: String!) { awardReturn(input: { id: $id, reason: $reason }) { award { id status } userErrors { message } } }": typeof types.ReturnAwardDocument,
    "mutation ReturnHonour($id: ID!, $reason: String!) { honourReturn(input: { id: $id, reason: $reason }) { honour { id status } userErrors { message } } }": typeof types.ReturnHonourDocument,
    "mutation ReturnDesignation($id: ID!, $reason: String!) { modelWorkerDesignationReturn(input: { id: $id, reason: $reason }) { designation { id status } userErrors { message } } }": typeof types.ReturnDesignationDocument,
    "mutation ReturnDonation($id: ID!, $reason: String!) { donationReturn(input: { id: $id, reason: $reason }) { donation { id status } userErrors { message } } }": typeof types.ReturnDonationDocument,
    "\n  mutation CompetitionCreate($input: CompetitionCreateInput!) {\n    competitionCreate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n": typeof types.CompetitionCreateDocument,
    "\n  mutation CompetitionUpdate($input: CompetitionUpdateInput!) {\n    competitionUpdate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n": typeof types.CompetitionUpdateDocument,
    "\n  query CompetitionChoices($search: String) {\n    competitions(first: 30, filter: { search: $search }) { edges { node { id name year levelLabel } } }\n  }\n": typeof types.CompetitionChoicesDocument,
    "\n  query AwardCheck($input: AwardCreateInput!) {\n    awardCheck(input: $input) { warnings { code message recordId } userErrors { field code message } }\n  }\n": typeof types.AwardCheckDocument,
    "\n  mutation AwardCreate($input: AwardCreateInput!) {\n    awardCreate(input: $input) { award { id title status } warnings { message } userErrors { field code message } }\n  }\n": typeof types.AwardCreateDocument,
    "\n  query Campaigns {\n    civilisedPostCampaigns(first: 50) {\n      edges { node { id year titleLabel levelLabel status statusLabel department { name } steps { status date } honour { id title } } }\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  mutation CampaignStart($input: CivilisedPostCampaignStartInput!) {\n    civilisedPostCampaignStart(input: $input) { campaign { id } userErrors { field code message } }\n  }\n": typeof types.CampaignStartDocument,
    "\n  mutation CampaignAdvance($input: CivilisedPostCampaignAdvanceInput!) {\n    civilisedPostCampaignAdvance(input: $input) { campaign { id status } userErrors { field code message } }\n  }\n": typeof types.CampaignAdvanceDocument,
    "\n  mutation Designate($input: ModelWorkerDesignateInput!) {\n    modelWorkerDesignate(input: $input) { designation { id } userErrors { field code message } }\n  }\n": typeof types.DesignateDocument,
    "\n  mutation DonationRecord($input: DonationRecordInput!) {\n    donationRecord(input: $input) { donation { id } userErrors { field code message } }\n  }\n": typeof types.DonationRecordDocument,
    "\n  mutation HonourConfer($input: HonourConferInput!) {\n    honourConfer(input: $input) { honour { id } warnings { message } userErrors { field code message } }\n  }\n": typeof types.HonourConferDocument,
    "\n  mutation SubmitAward($id: ID!) { awardSubmit(input: { id: $id }) { award { id status } userErrors { message } } }\n": typeof types.SubmitAwardDocument,
    "\n  mutation SubmitHonour($id: ID!) { honourSubmit(input: { id: $id }) { honour { id status } userErrors { message } } }\n": typeof types.SubmitHonourDocument,
    "\n  mutation SubmitDesignation($id: ID!) { modelWorkerDesignationSubmit(input: { id: $id }) { designation { id status } userErrors { message } } }\n": typeof types.SubmitDesignationDocument,
    "\n  mutation SubmitDonation($id: ID!) { donationSubmit(input: { id: $id }) { donation { id status } userErrors { message } } }\n": typeof types.SubmitDonationDocument,
};
const documents: Documents = {
    "\n  query Lookups {\n    departments(first: 100) { edges { node { id code name } } }\n    unionGroups(first: 100) { edges { node { id code name } } }\n    vocabulary {\n      levels { value label }\n      grades { value label }\n      categories { value label }\n      honourKinds { value label }\n      modelWorkerTitles { value label }\n      civilisedPostTitles { value label }\n      donationKinds { value label unit }\n      recordStatuses { value label }\n      achievementKinds { value label }\n      campaignStatuses { value label }\n    }\n  }\n": types.LookupsDocument,
    "\n  query PeopleSearch($search: String) {\n    people(first: 30, filter: { search: $search }) { edges { node { id name staffNumber department { code name } } } }\n  }\n": types.PeopleSearchDocument,
    "\n  query Viewer {\n    viewer {\n      username\n      role\n      wholeInstitution\n      departmentCodes\n      unionGroupCodes\n      user { displayName }\n      institution { id code name selfReference demo }\n    }\n  }\n": types.ViewerDocument,
    "\n  query RecordDetail($id: ID!, $audit: Boolean!) {\n    node(id: $id) {\n      id\n      ... on Achievement {\n        kind title year date levelLabel resultLabel statusLabel returnReason revision note\n        people { name staffNumber }\n        collective { name }\n        departments { name }\n        enteredBy { username }\n        verifiedBy { username }\n        statusLog { status at reason by { username } }\n        history { revision at by { username } changes { field label before after } }\n      }\n      ... on Award { competition { name organiser edition } }\n      ... on Honour { conferredBy session stateLabel }\n      ... on ModelWorkerDesignation { designationBody: conferredBy session }\n      ... on Donation { kindLabel quantityText donatedOn: date statusLabel donor { name } donorCollective { name } donorCount campaign statusLog { status at reason by { username } } }\n    }\n    auditLog(filter: { entityId: $id }, first: 50) @include(if: $audit) {\n      edges { node { id at actorUsername operation changes { field before after } } }\n    }\n  }\n": types.RecordDetailDocument,
    "\n  query Admin {\n    users(first: 100) { edges { node { id username displayName role active wholeInstitution departments { name } unionGroups { name } } } }\n    departments(first: 100) { edges { node { id code name active } } }\n    unionGroups(first: 100) { edges { node { id code name active } } }\n    people(first: 100) { totalCount edges { node { id staffNumber name gender department { name } unionGroup { name } position } } }\n    rankingPolicy { levelOrder gradeTiers }\n  }\n": types.AdminDocument,
    "mutation UserCreate($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { field message } } }": types.UserCreateDocument,
    "mutation DepartmentCreate($input: DepartmentCreateInput!) { departmentCreate(input: $input) { department { id } userErrors { field message } } }": types.DepartmentCreateDocument,
    "mutation UnionGroupCreate($input: UnionGroupCreateInput!) { unionGroupCreate(input: $input) { unionGroup { id } userErrors { field message } } }": types.UnionGroupCreateDocument,
    "mutation PersonCreate($input: PersonCreateInput!) { personCreate(input: $input) { person { id } userErrors { field message } } }": types.PersonCreateDocument,
    "\n  query CompetitionList($filter: CompetitionFilter, $first: Int!, $after: String) {\n    competitions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id name brand organiser edition sector level levelLabel category categoryLabel year shared\n          hostedByUnion participants participantsApprox\n          awards(first: 0) { totalCount }\n        }\n      }\n    }\n  }\n": types.CompetitionListDocument,
    "\n  mutation CompetitionDelete($id: ID!) { competitionDelete(input: { id: $id }) { deletedId userErrors { message } } }\n": types.CompetitionDeleteDocument,
    "\n  query ImportJobs {\n    importJobs(first: 20) {\n      edges { node { id kind mode status fileName createdAt createdBy { username } counts { rows create update unchanged error } } }\n    }\n  }\n": types.ImportJobsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      userErrors { field code message }\n    }\n  }\n": types.LoginDocument,
    "\n  query OverviewTrend {\n    trend: achievementStats(filter: { status: VERIFIED }, groupBy: [YEAR]) {\n      groups { year records people }\n    }\n    queue: achievementStats(filter: { status: SUBMITTED }) {\n      total { records }\n    }\n  }\n": types.OverviewTrendDocument,
    "\n  query OverviewYear($year: Int) {\n    year: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [LEVEL]) {\n      total { records people women collectives }\n      groups { level levelLabel records }\n    }\n    categories: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [CATEGORY]) {\n      groups { category categoryLabel records }\n    }\n    departments: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [DEPARTMENT]) {\n      groups { department { name } records people }\n    }\n  }\n": types.OverviewYearDocument,
    "\n  query Records($filter: AchievementFilter, $first: Int!, $after: String) {\n    achievements(filter: $filter, orderBy: RANK, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id kind title year levelLabel resultLabel status statusLabel\n          people { name }\n          collective { name }\n        }\n      }\n    }\n  }\n": types.RecordsDocument,
    "\n  query DonationRecords($year: Int, $status: RecordStatus) {\n    donations(filter: { year: $year, status: $status }, first: 100) {\n      totalCount\n      edges { node { id kindLabel quantityText date status statusLabel donor { name } donorCollective { name } donorCount campaign } }\n    }\n  }\n": types.DonationRecordsDocument,
    "\n  query Report($year: Int!, $scope: ReportScope) {\n    achievementReport(year: $year, scope: $scope) {\n      title demo\n      totals { achievements awards honours modelWorkers peopleAwarded womenAwarded byLevel { level label count } }\n      narrative { heading sentences { text recordIds } }\n      ranked { rank achievement { id title levelLabel resultLabel people { name } collective { name } } }\n    }\n  }\n": types.ReportDocument,
    "\n  query Federation($year: Int!) {\n    federationReport(year: $year) {\n      institutionCount rankedTotal\n      totals { institution { id name } achievements awards honours modelWorkers peopleAwarded }\n      narrative { sentences { text recordIds } }\n      ranked { rank institution { name } recipients result achievement { id title levelLabel } }\n    }\n  }\n": types.FederationDocument,
    "\n  query ReviewQueue {\n    achievements(filter: { status: SUBMITTED }, first: 100, orderBy: DATE) {\n      totalCount\n      edges { node { id kind title year levelLabel resultLabel people { name } collective { name } enteredBy { username } } }\n    }\n    donations(filter: { status: SUBMITTED }, first: 100) {\n      edges { node { id kindLabel quantityText date donor { name } donorCollective { name } enteredBy { username } } }\n    }\n  }\n": types.ReviewQueueDocument,
    "mutation VerifyAward($id: ID!) { awardVerify(input: { id: $id }) { award { id status } userErrors { message } } }": types.VerifyAwardDocument,
    "mutation VerifyHonour($id: ID!) { honourVerify(input: { id: $id }) { honour { id status } userErrors { message } } }": types.VerifyHonourDocument,
    "mutation VerifyDesignation($id: ID!) { modelWorkerDesignationVerify(input: { id: $id }) { designation { id status } userErrors { message } } }": types.VerifyDesignationDocument,
    "mutation VerifyDonation($id: ID!) { donationVerify(input: { id: $id }) { donation { id status } userErrors { message } } }": types.VerifyDonationDocument,
    "mutation ReturnAward($id: ID!, $reason: String!) { awardReturn(input: { id: $id, reason: $reason }) { award { id status } userErrors { message } } }": types.ReturnAwardDocument,
    "mutation ReturnHonour($id: ID!, $reason: String!) { honourReturn(input: { id: $id, reason: $reason }) { honour { id status } userErrors { message } } }": types.ReturnHonourDocument,
    "mutation ReturnDesignation($id: ID!, $reason: String!) { modelWorkerDesignationReturn(input: { id: $id, reason: $reason }) { designation { id status } userErrors { message } } }": types.ReturnDesignationDocument,
    "mutation ReturnDonation($id: ID!, $reason: String!) { donationReturn(input: { id: $id, reason: $reason }) { donation { id status } userErrors { message } } }": types.ReturnDonationDocument,
    "\n  mutation CompetitionCreate($input: CompetitionCreateInput!) {\n    competitionCreate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n": types.CompetitionCreateDocument,
    "\n  mutation CompetitionUpdate($input: CompetitionUpdateInput!) {\n    competitionUpdate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n": types.CompetitionUpdateDocument,
    "\n  query CompetitionChoices($search: String) {\n    competitions(first: 30, filter: { search: $search }) { edges { node { id name year levelLabel } } }\n  }\n": types.CompetitionChoicesDocument,
    "\n  query AwardCheck($input: AwardCreateInput!) {\n    awardCheck(input: $input) { warnings { code message recordId } userErrors { field code message } }\n  }\n": types.AwardCheckDocument,
    "\n  mutation AwardCreate($input: AwardCreateInput!) {\n    awardCreate(input: $input) { award { id title status } warnings { message } userErrors { field code message } }\n  }\n": types.AwardCreateDocument,
    "\n  query Campaigns {\n    civilisedPostCampaigns(first: 50) {\n      edges { node { id year titleLabel levelLabel status statusLabel department { name } steps { status date } honour { id title } } }\n    }\n  }\n": types.CampaignsDocument,
    "\n  mutation CampaignStart($input: CivilisedPostCampaignStartInput!) {\n    civilisedPostCampaignStart(input: $input) { campaign { id } userErrors { field code message } }\n  }\n": types.CampaignStartDocument,
    "\n  mutation CampaignAdvance($input: CivilisedPostCampaignAdvanceInput!) {\n    civilisedPostCampaignAdvance(input: $input) { campaign { id status } userErrors { field code message } }\n  }\n": types.CampaignAdvanceDocument,
    "\n  mutation Designate($input: ModelWorkerDesignateInput!) {\n    modelWorkerDesignate(input: $input) { designation { id } userErrors { field code message } }\n  }\n": types.DesignateDocument,
    "\n  mutation DonationRecord($input: DonationRecordInput!) {\n    donationRecord(input: $input) { donation { id } userErrors { field code message } }\n  }\n": types.DonationRecordDocument,
    "\n  mutation HonourConfer($input: HonourConferInput!) {\n    honourConfer(input: $input) { honour { id } warnings { message } userErrors { field code message } }\n  }\n": types.HonourConferDocument,
    "\n  mutation SubmitAward($id: ID!) { awardSubmit(input: { id: $id }) { award { id status } userErrors { message } } }\n": types.SubmitAwardDocument,
    "\n  mutation SubmitHonour($id: ID!) { honourSubmit(input: { id: $id }) { honour { id status } userErrors { message } } }\n": types.SubmitHonourDocument,
    "\n  mutation SubmitDesignation($id: ID!) { modelWorkerDesignationSubmit(input: { id: $id }) { designation { id status } userErrors { message } } }\n": types.SubmitDesignationDocument,
    "\n  mutation SubmitDonation($id: ID!) { donationSubmit(input: { id: $id }) { donation { id status } userErrors { message } } }\n": types.SubmitDonationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lookups {\n    departments(first: 100) { edges { node { id code name } } }\n    unionGroups(first: 100) { edges { node { id code name } } }\n    vocabulary {\n      levels { value label }\n      grades { value label }\n      categories { value label }\n      honourKinds { value label }\n      modelWorkerTitles { value label }\n      civilisedPostTitles { value label }\n      donationKinds { value label unit }\n      recordStatuses { value label }\n      achievementKinds { value label }\n      campaignStatuses { value label }\n    }\n  }\n"): (typeof documents)["\n  query Lookups {\n    departments(first: 100) { edges { node { id code name } } }\n    unionGroups(first: 100) { edges { node { id code name } } }\n    vocabulary {\n      levels { value label }\n      grades { value label }\n      categories { value label }\n      honourKinds { value label }\n      modelWorkerTitles { value label }\n      civilisedPostTitles { value label }\n      donationKinds { value label unit }\n      recordStatuses { value label }\n      achievementKinds { value label }\n      campaignStatuses { value label }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleSearch($search: String) {\n    people(first: 30, filter: { search: $search }) { edges { node { id name staffNumber department { code name } } } }\n  }\n"): (typeof documents)["\n  query PeopleSearch($search: String) {\n    people(first: 30, filter: { search: $search }) { edges { node { id name staffNumber department { code name } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      username\n      role\n      wholeInstitution\n      departmentCodes\n      unionGroupCodes\n      user { displayName }\n      institution { id code name selfReference demo }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      username\n      role\n      wholeInstitution\n      departmentCodes\n      unionGroupCodes\n      user { displayName }\n      institution { id code name selfReference demo }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordDetail($id: ID!, $audit: Boolean!) {\n    node(id: $id) {\n      id\n      ... on Achievement {\n        kind title year date levelLabel resultLabel statusLabel returnReason revision note\n        people { name staffNumber }\n        collective { name }\n        departments { name }\n        enteredBy { username }\n        verifiedBy { username }\n        statusLog { status at reason by { username } }\n        history { revision at by { username } changes { field label before after } }\n      }\n      ... on Award { competition { name organiser edition } }\n      ... on Honour { conferredBy session stateLabel }\n      ... on ModelWorkerDesignation { designationBody: conferredBy session }\n      ... on Donation { kindLabel quantityText donatedOn: date statusLabel donor { name } donorCollective { name } donorCount campaign statusLog { status at reason by { username } } }\n    }\n    auditLog(filter: { entityId: $id }, first: 50) @include(if: $audit) {\n      edges { node { id at actorUsername operation changes { field before after } } }\n    }\n  }\n"): (typeof documents)["\n  query RecordDetail($id: ID!, $audit: Boolean!) {\n    node(id: $id) {\n      id\n      ... on Achievement {\n        kind title year date levelLabel resultLabel statusLabel returnReason revision note\n        people { name staffNumber }\n        collective { name }\n        departments { name }\n        enteredBy { username }\n        verifiedBy { username }\n        statusLog { status at reason by { username } }\n        history { revision at by { username } changes { field label before after } }\n      }\n      ... on Award { competition { name organiser edition } }\n      ... on Honour { conferredBy session stateLabel }\n      ... on ModelWorkerDesignation { designationBody: conferredBy session }\n      ... on Donation { kindLabel quantityText donatedOn: date statusLabel donor { name } donorCollective { name } donorCount campaign statusLog { status at reason by { username } } }\n    }\n    auditLog(filter: { entityId: $id }, first: 50) @include(if: $audit) {\n      edges { node { id at actorUsername operation changes { field before after } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin {\n    users(first: 100) { edges { node { id username displayName role active wholeInstitution departments { name } unionGroups { name } } } }\n    departments(first: 100) { edges { node { id code name active } } }\n    unionGroups(first: 100) { edges { node { id code name active } } }\n    people(first: 100) { totalCount edges { node { id staffNumber name gender department { name } unionGroup { name } position } } }\n    rankingPolicy { levelOrder gradeTiers }\n  }\n"): (typeof documents)["\n  query Admin {\n    users(first: 100) { edges { node { id username displayName role active wholeInstitution departments { name } unionGroups { name } } } }\n    departments(first: 100) { edges { node { id code name active } } }\n    unionGroups(first: 100) { edges { node { id code name active } } }\n    people(first: 100) { totalCount edges { node { id staffNumber name gender department { name } unionGroup { name } position } } }\n    rankingPolicy { levelOrder gradeTiers }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UserCreate($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { field message } } }"): (typeof documents)["mutation UserCreate($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DepartmentCreate($input: DepartmentCreateInput!) { departmentCreate(input: $input) { department { id } userErrors { field message } } }"): (typeof documents)["mutation DepartmentCreate($input: DepartmentCreateInput!) { departmentCreate(input: $input) { department { id } userErrors { field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnionGroupCreate($input: UnionGroupCreateInput!) { unionGroupCreate(input: $input) { unionGroup { id } userErrors { field message } } }"): (typeof documents)["mutation UnionGroupCreate($input: UnionGroupCreateInput!) { unionGroupCreate(input: $input) { unionGroup { id } userErrors { field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PersonCreate($input: PersonCreateInput!) { personCreate(input: $input) { person { id } userErrors { field message } } }"): (typeof documents)["mutation PersonCreate($input: PersonCreateInput!) { personCreate(input: $input) { person { id } userErrors { field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompetitionList($filter: CompetitionFilter, $first: Int!, $after: String) {\n    competitions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id name brand organiser edition sector level levelLabel category categoryLabel year shared\n          hostedByUnion participants participantsApprox\n          awards(first: 0) { totalCount }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CompetitionList($filter: CompetitionFilter, $first: Int!, $after: String) {\n    competitions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id name brand organiser edition sector level levelLabel category categoryLabel year shared\n          hostedByUnion participants participantsApprox\n          awards(first: 0) { totalCount }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompetitionDelete($id: ID!) { competitionDelete(input: { id: $id }) { deletedId userErrors { message } } }\n"): (typeof documents)["\n  mutation CompetitionDelete($id: ID!) { competitionDelete(input: { id: $id }) { deletedId userErrors { message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJobs {\n    importJobs(first: 20) {\n      edges { node { id kind mode status fileName createdAt createdBy { username } counts { rows create update unchanged error } } }\n    }\n  }\n"): (typeof documents)["\n  query ImportJobs {\n    importJobs(first: 20) {\n      edges { node { id kind mode status fileName createdAt createdBy { username } counts { rows create update unchanged error } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewTrend {\n    trend: achievementStats(filter: { status: VERIFIED }, groupBy: [YEAR]) {\n      groups { year records people }\n    }\n    queue: achievementStats(filter: { status: SUBMITTED }) {\n      total { records }\n    }\n  }\n"): (typeof documents)["\n  query OverviewTrend {\n    trend: achievementStats(filter: { status: VERIFIED }, groupBy: [YEAR]) {\n      groups { year records people }\n    }\n    queue: achievementStats(filter: { status: SUBMITTED }) {\n      total { records }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewYear($year: Int) {\n    year: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [LEVEL]) {\n      total { records people women collectives }\n      groups { level levelLabel records }\n    }\n    categories: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [CATEGORY]) {\n      groups { category categoryLabel records }\n    }\n    departments: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [DEPARTMENT]) {\n      groups { department { name } records people }\n    }\n  }\n"): (typeof documents)["\n  query OverviewYear($year: Int) {\n    year: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [LEVEL]) {\n      total { records people women collectives }\n      groups { level levelLabel records }\n    }\n    categories: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [CATEGORY]) {\n      groups { category categoryLabel records }\n    }\n    departments: achievementStats(filter: { status: VERIFIED, year: $year }, groupBy: [DEPARTMENT]) {\n      groups { department { name } records people }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Records($filter: AchievementFilter, $first: Int!, $after: String) {\n    achievements(filter: $filter, orderBy: RANK, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id kind title year levelLabel resultLabel status statusLabel\n          people { name }\n          collective { name }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Records($filter: AchievementFilter, $first: Int!, $after: String) {\n    achievements(filter: $filter, orderBy: RANK, first: $first, after: $after) {\n      totalCount\n      pageInfo { endCursor hasNextPage }\n      edges {\n        node {\n          id kind title year levelLabel resultLabel status statusLabel\n          people { name }\n          collective { name }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DonationRecords($year: Int, $status: RecordStatus) {\n    donations(filter: { year: $year, status: $status }, first: 100) {\n      totalCount\n      edges { node { id kindLabel quantityText date status statusLabel donor { name } donorCollective { name } donorCount campaign } }\n    }\n  }\n"): (typeof documents)["\n  query DonationRecords($year: Int, $status: RecordStatus) {\n    donations(filter: { year: $year, status: $status }, first: 100) {\n      totalCount\n      edges { node { id kindLabel quantityText date status statusLabel donor { name } donorCollective { name } donorCount campaign } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($year: Int!, $scope: ReportScope) {\n    achievementReport(year: $year, scope: $scope) {\n      title demo\n      totals { achievements awards honours modelWorkers peopleAwarded womenAwarded byLevel { level label count } }\n      narrative { heading sentences { text recordIds } }\n      ranked { rank achievement { id title levelLabel resultLabel people { name } collective { name } } }\n    }\n  }\n"): (typeof documents)["\n  query Report($year: Int!, $scope: ReportScope) {\n    achievementReport(year: $year, scope: $scope) {\n      title demo\n      totals { achievements awards honours modelWorkers peopleAwarded womenAwarded byLevel { level label count } }\n      narrative { heading sentences { text recordIds } }\n      ranked { rank achievement { id title levelLabel resultLabel people { name } collective { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Federation($year: Int!) {\n    federationReport(year: $year) {\n      institutionCount rankedTotal\n      totals { institution { id name } achievements awards honours modelWorkers peopleAwarded }\n      narrative { sentences { text recordIds } }\n      ranked { rank institution { name } recipients result achievement { id title levelLabel } }\n    }\n  }\n"): (typeof documents)["\n  query Federation($year: Int!) {\n    federationReport(year: $year) {\n      institutionCount rankedTotal\n      totals { institution { id name } achievements awards honours modelWorkers peopleAwarded }\n      narrative { sentences { text recordIds } }\n      ranked { rank institution { name } recipients result achievement { id title levelLabel } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue {\n    achievements(filter: { status: SUBMITTED }, first: 100, orderBy: DATE) {\n      totalCount\n      edges { node { id kind title year levelLabel resultLabel people { name } collective { name } enteredBy { username } } }\n    }\n    donations(filter: { status: SUBMITTED }, first: 100) {\n      edges { node { id kindLabel quantityText date donor { name } donorCollective { name } enteredBy { username } } }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue {\n    achievements(filter: { status: SUBMITTED }, first: 100, orderBy: DATE) {\n      totalCount\n      edges { node { id kind title year levelLabel resultLabel people { name } collective { name } enteredBy { username } } }\n    }\n    donations(filter: { status: SUBMITTED }, first: 100) {\n      edges { node { id kindLabel quantityText date donor { name } donorCollective { name } enteredBy { username } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyAward($id: ID!) { awardVerify(input: { id: $id }) { award { id status } userErrors { message } } }"): (typeof documents)["mutation VerifyAward($id: ID!) { awardVerify(input: { id: $id }) { award { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyHonour($id: ID!) { honourVerify(input: { id: $id }) { honour { id status } userErrors { message } } }"): (typeof documents)["mutation VerifyHonour($id: ID!) { honourVerify(input: { id: $id }) { honour { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyDesignation($id: ID!) { modelWorkerDesignationVerify(input: { id: $id }) { designation { id status } userErrors { message } } }"): (typeof documents)["mutation VerifyDesignation($id: ID!) { modelWorkerDesignationVerify(input: { id: $id }) { designation { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyDonation($id: ID!) { donationVerify(input: { id: $id }) { donation { id status } userErrors { message } } }"): (typeof documents)["mutation VerifyDonation($id: ID!) { donationVerify(input: { id: $id }) { donation { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnAward($id: ID!, $reason: String!) { awardReturn(input: { id: $id, reason: $reason }) { award { id status } userErrors { message } } }"): (typeof documents)["mutation ReturnAward($id: ID!, $reason: String!) { awardReturn(input: { id: $id, reason: $reason }) { award { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnHonour($id: ID!, $reason: String!) { honourReturn(input: { id: $id, reason: $reason }) { honour { id status } userErrors { message } } }"): (typeof documents)["mutation ReturnHonour($id: ID!, $reason: String!) { honourReturn(input: { id: $id, reason: $reason }) { honour { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnDesignation($id: ID!, $reason: String!) { modelWorkerDesignationReturn(input: { id: $id, reason: $reason }) { designation { id status } userErrors { message } } }"): (typeof documents)["mutation ReturnDesignation($id: ID!, $reason: String!) { modelWorkerDesignationReturn(input: { id: $id, reason: $reason }) { designation { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnDonation($id: ID!, $reason: String!) { donationReturn(input: { id: $id, reason: $reason }) { donation { id status } userErrors { message } } }"): (typeof documents)["mutation ReturnDonation($id: ID!, $reason: String!) { donationReturn(input: { id: $id, reason: $reason }) { donation { id status } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompetitionCreate($input: CompetitionCreateInput!) {\n    competitionCreate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n"): (typeof documents)["\n  mutation CompetitionCreate($input: CompetitionCreateInput!) {\n    competitionCreate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompetitionUpdate($input: CompetitionUpdateInput!) {\n    competitionUpdate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n"): (typeof documents)["\n  mutation CompetitionUpdate($input: CompetitionUpdateInput!) {\n    competitionUpdate(input: $input) { competition { id name year } warnings { message } userErrors { field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompetitionChoices($search: String) {\n    competitions(first: 30, filter: { search: $search }) { edges { node { id name year levelLabel } } }\n  }\n"): (typeof documents)["\n  query CompetitionChoices($search: String) {\n    competitions(first: 30, filter: { search: $search }) { edges { node { id name year levelLabel } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardCheck($input: AwardCreateInput!) {\n    awardCheck(input: $input) { warnings { code message recordId } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  query AwardCheck($input: AwardCreateInput!) {\n    awardCheck(input: $input) { warnings { code message recordId } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AwardCreate($input: AwardCreateInput!) {\n    awardCreate(input: $input) { award { id title status } warnings { message } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation AwardCreate($input: AwardCreateInput!) {\n    awardCreate(input: $input) { award { id title status } warnings { message } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns {\n    civilisedPostCampaigns(first: 50) {\n      edges { node { id year titleLabel levelLabel status statusLabel department { name } steps { status date } honour { id title } } }\n    }\n  }\n"): (typeof documents)["\n  query Campaigns {\n    civilisedPostCampaigns(first: 50) {\n      edges { node { id year titleLabel levelLabel status statusLabel department { name } steps { status date } honour { id title } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignStart($input: CivilisedPostCampaignStartInput!) {\n    civilisedPostCampaignStart(input: $input) { campaign { id } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation CampaignStart($input: CivilisedPostCampaignStartInput!) {\n    civilisedPostCampaignStart(input: $input) { campaign { id } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CampaignAdvance($input: CivilisedPostCampaignAdvanceInput!) {\n    civilisedPostCampaignAdvance(input: $input) { campaign { id status } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation CampaignAdvance($input: CivilisedPostCampaignAdvanceInput!) {\n    civilisedPostCampaignAdvance(input: $input) { campaign { id status } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Designate($input: ModelWorkerDesignateInput!) {\n    modelWorkerDesignate(input: $input) { designation { id } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation Designate($input: ModelWorkerDesignateInput!) {\n    modelWorkerDesignate(input: $input) { designation { id } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DonationRecord($input: DonationRecordInput!) {\n    donationRecord(input: $input) { donation { id } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation DonationRecord($input: DonationRecordInput!) {\n    donationRecord(input: $input) { donation { id } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HonourConfer($input: HonourConferInput!) {\n    honourConfer(input: $input) { honour { id } warnings { message } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation HonourConfer($input: HonourConferInput!) {\n    honourConfer(input: $input) { honour { id } warnings { message } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAward($id: ID!) { awardSubmit(input: { id: $id }) { award { id status } userErrors { message } } }\n"): (typeof documents)["\n  mutation SubmitAward($id: ID!) { awardSubmit(input: { id: $id }) { award { id status } userErrors { message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitHonour($id: ID!) { honourSubmit(input: { id: $id }) { honour { id status } userErrors { message } } }\n"): (typeof documents)["\n  mutation SubmitHonour($id: ID!) { honourSubmit(input: { id: $id }) { honour { id status } userErrors { message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDesignation($id: ID!) { modelWorkerDesignationSubmit(input: { id: $id }) { designation { id status } userErrors { message } } }\n"): (typeof documents)["\n  mutation SubmitDesignation($id: ID!) { modelWorkerDesignationSubmit(input: { id: $id }) { designation { id status } userErrors { message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitDonation($id: ID!) { donationSubmit(input: { id: $id }) { donation { id status } userErrors { message } } }\n"): (typeof documents)["\n  mutation SubmitDonation($id: ID!) { donationSubmit(input: { id: $id }) { donation { id status } userErrors { message } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;