import type { CampaignSettings, CampaignSetup, SetupEmployer, SetupUnit, SetupWorksite } from '../../contracts/campaign-setup.js';
import type { CampaignRow, EmployerSetupRow, UnitRow, WorksiteRow } from '../../db/repositories/campaigns-repository.js';
import type { CampaignSetup as CampaignSetupView } from '../../domain/campaigns/view-campaign-setup.js';
import { presentCardText } from './card-presenter.js';

export function presentCampaignSettings(c: CampaignRow): CampaignSettings {
  return {
    slug: c.slug,
    name: c.name,
    statement: c.statement,
    statementEs: c.statementEs,
    timeZone: c.timeZone,
    goalPercent: c.goalPercent,
    cardValidityMonths: c.cardValidityMonths,
    jurisdiction: c.jurisdiction,
    mailSenderName: c.mailSenderName,
    mailReplyTo: c.mailReplyTo,
    brandColor: c.brandColor,
  };
}

export function presentSetupEmployer(e: EmployerSetupRow): SetupEmployer {
  return { id: e.id, name: e.name, jurisdiction: e.jurisdiction, emailDomains: e.emailDomains };
}

export function presentSetupWorksite(w: WorksiteRow): SetupWorksite {
  return { id: w.id, name: w.name, city: w.city, employerId: w.employerId };
}

export function presentSetupUnit(u: UnitRow): SetupUnit {
  return { id: u.id, name: u.name, description: u.description, jobTitles: u.jobTitles, appliesFrom: u.appliesFrom };
}

export type MailServerSettings = CampaignSetup['mail'];

export function presentCampaignSetup(view: CampaignSetupView, mail: MailServerSettings): CampaignSetup {
  return {
    settings: presentCampaignSettings(view.campaign),
    employers: view.employers.map(presentSetupEmployer),
    worksites: view.worksites,
    units: view.units.map(presentSetupUnit),
    cardTexts: view.cardTexts.map(presentCardText),
    mail,
  };
}
