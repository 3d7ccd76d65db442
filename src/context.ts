import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Models } from './models.js';
import { AwardService } from './modules/achievements/awards.js';
import { DesignationService } from './modules/achievements/designations.js';
import { HonourService } from './modules/achievements/honours.js';
import { AchievementQueryService } from './modules/achievements/query.js';
import { RankingService } from './modules/achievements/ranking-service.js';
import { AuditService } from './modules/audit/service.js';
import { CampaignService } from './modules/campaigns/service.js';
import { CompetitionService } from './modules/competitions/service.js';
import { DonationService } from './modules/donations/service.js';
import { OrganisationService } from './modules/organisation/service.js';
import { ImportService } from './modules/imports/service.js';
import { InstitutionService } from './modules/institutions/service.js';
import type { InstitutionRecord } from './modules/institutions/model.js';
import { FederationService } from './modules/federation/service.js';
import { PeopleService } from './modules/people/service.js';
import { ReportService } from './modules/reports/service.js';
import { SettingsService } from './modules/settings/service.js';
import { UserService } from './modules/users/service.js';
import { Guard } from './shared/auth/guard.js';
import { LoginThrottle } from './shared/auth/rate-limit.js';
import type { Viewer } from './shared/auth/roles.js';
import { TokenService } from './shared/auth/tokens.js';
import { Slots } from './shared/concurrency.js';
import { Metrics } from './shared/metrics.js';

/** What lives as long as the server: built once at start. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  models: Models;
  tokens: TokenService;
  loginThrottle: LoginThrottle;
  /** Heavy work bounded per process: reports per user, imports overall. */
  slots: { reports: Slots; imports: Slots };
  /** The server's figures for GET /metrics. */
  metrics: Metrics;
}

export const slotsFor = (config: Config) => ({
  reports: new Slots(config.REPORTS_PER_USER_AT_ONCE, 'slots.reports'),
  imports: new Slots(config.IMPORTS_AT_ONCE, 'slots.imports'),
});

export const loginThrottleFor = (config: Config, models: Models) =>
  new LoginThrottle(models.SignInFailure, {
    perUsername: config.LOGIN_MAX_FAILURES,
    perAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowMs: config.LOGIN_WINDOW_SECONDS * 1000,
    globalPerMinute: config.LOGIN_MAX_FAILURES_PER_MINUTE,
  });

/** What lives for one request: the viewer, fresh loaders, and services bound to both. */
export interface RequestContext extends AppDeps {
  requestId: string;
  ip: string;
  viewer: Viewer | null;
  /** The institution the request acts in (the tenancy's); null for the federation roles. */
  institution: InstitutionRecord | null;
  loaders: Loaders;
  guard: Guard;
  services: Services;
}

export interface Services {
  audit: AuditService;
  users: UserService;
  organisation: OrganisationService;
  people: PeopleService;
  competitions: CompetitionService;
  awards: AwardService;
  honours: HonourService;
  designations: DesignationService;
  achievements: AchievementQueryService;
  ranking: RankingService;
  reports: ReportService;
  imports: ImportService;
  campaigns: CampaignService;
  donations: DonationService;
  settings: SettingsService;
  institutions: InstitutionService;
  federation: FederationService;
}

export function createRequestContext(deps: AppDeps, request: { requestId: string; ip: string; viewer: Viewer | null; institution: InstitutionRecord | null }): RequestContext {
  const loaders = createLoaders(deps.models);
  const ctx = { ...deps, ...request, loaders, guard: new Guard(request.viewer, loaders) } as RequestContext;
  ctx.services = {
    audit: new AuditService(ctx),
    users: new UserService(ctx),
    organisation: new OrganisationService(ctx),
    people: new PeopleService(ctx),
    competitions: new CompetitionService(ctx),
    awards: new AwardService(ctx),
    honours: new HonourService(ctx),
    designations: new DesignationService(ctx),
    achievements: new AchievementQueryService(ctx),
    ranking: new RankingService(ctx),
    reports: new ReportService(ctx),
    imports: new ImportService(ctx),
    campaigns: new CampaignService(ctx),
    donations: new DonationService(ctx),
    settings: new SettingsService(ctx),
    institutions: new InstitutionService(ctx),
    federation: new FederationService(ctx),
  };
  return ctx;
}

/**
 * A context acting as the system in one institution (seeding, maintenance): an ADMIN viewer,
 * no HTTP request. Run its work inside withinInstitution(institution._id, …).
 */
export function systemContext(deps: Pick<AppDeps, 'config' | 'logger' | 'models'>, institution: InstitutionRecord, username = 'system'): RequestContext {
  return createRequestContext(
    { ...deps, tokens: TokenService.ephemeral(), loginThrottle: loginThrottleFor(deps.config, deps.models), slots: slotsFor(deps.config), metrics: new Metrics() },
    {
      requestId: `${username}-${Date.now()}`,
      ip: 'local',
      viewer: { userId: `system:${username}`, username, role: 'ADMIN', institution: String(institution._id), scope: { departments: [], unionGroups: [] } },
      institution,
    },
  );
}
