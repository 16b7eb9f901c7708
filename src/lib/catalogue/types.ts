/** Shape of src/generated/catalogue.json, written by scripts/build-catalogue.ts. */
import type { EventRef, Signature, Symptoms, Tier, Tier1Box, WindowsVersion } from '../../schema/playbook.ts';

export interface CataloguePlaybook {
  /** Page id (`ike-main-mode/no-response`). */
  id: string;
  /** Site-relative URL without the base path (`/ike-main-mode/no-response/`). */
  url: string;
  title: string;
  description?: string;
  kind: 'event' | 'message' | 'topic' | 'flowchart';
  /** Folder under playbooks/. */
  family: string;
  tiers: Tier[];
  appliesTo: WindowsVersion[];
  events: EventRef[];
  successors: number[];
  codes: number[];
  signatures: Signature[];
  related: string[];
  partOf?: string;
  sensitive: string[];
  attach: string[];
  /** Callers' own words for the problem (free-text, low-confidence matching). */
  symptoms: Symptoms;
  /** The tier 1 box, when the page has one. */
  tier1?: Tier1Box;
  /** Windows IPsec isolation, or an IPsec-based VPN (another team's setup). */
  domain: 'isolation' | 'vpn';
}

export interface CatalogueEvent {
  id: number;
  os: string;
  log: string;
  source: string;
  title: string;
  note: string;
}

export interface CatalogueErrorCode {
  /** Which table the code comes from: Win32 IKE/IPsec (13000–13999, oakley), general Win32 codes help desks meet beside IPsec (87, 1068, 1722…), RAS (600–899), WFP HRESULT (0x8032xxxx). */
  table: 'ike' | 'win32' | 'ras' | 'wfp';
  name: string;
  decimal: number;
  hex: string;
  hresult: string;
  message: string;
  /** Where the text comes from (header file or documentation page). */
  source: string;
  /** Id of the playbook that explains this code, if any. */
  playbook?: string;
}

/** A guide or reference page the decoder points to: its title as the page itself gives it (frontmatter). */
export interface CatalogueGuide {
  /** Page id (`guides/toolkit`, `reference/netdiag`). */
  id: string;
  title: string;
}

/** One audit subcategory (content/data/audit-subcategories.tsv), read by the auditpol decoder and the guides. */
export interface CatalogueAuditSubcategory {
  /** GUID without braces, upper case (auditpol /subcategory:{GUID} works in every locale). */
  guid: string;
  /** English name as auditpol prints it. */
  en: string;
  /** Japanese name (as Japanese Windows prints it when `jaSource` is a URL; our translation otherwise). */
  ja: string;
  /** Event IDs it controls, comma-separated (as the decoder prints them). */
  events: string;
  /** Needed to see IPsec failures at all (main/quick mode, driver drops). */
  core: boolean;
}

export interface Catalogue {
  generatedFrom: string;
  playbooks: CataloguePlaybook[];
  events: CatalogueEvent[];
  errorCodes: CatalogueErrorCode[];
  /** Guide and reference pages with their titles (absent in catalogues built before they were collected). */
  guides?: CatalogueGuide[];
  /** Audit subcategories, from content/data/audit-subcategories.tsv. */
  auditSubcategories?: CatalogueAuditSubcategory[];
  /** Display names of the IPsec services per release (content/data/service-names.json): service key → names. */
  serviceNames?: Array<{ service: string; display: string }>;
}
