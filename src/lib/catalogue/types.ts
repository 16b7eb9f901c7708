/** Shape of src/generated/catalogue.json, written by scripts/build-catalogue.ts. */
import type { EventRef, Signature, Tier, WindowsVersion } from '../../schema/playbook.ts';

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
  name: string;
  decimal: number;
  hex: string;
  hresult: string;
  message: string;
  /** Id of the playbook that explains this code, if any. */
  playbook?: string;
}

export interface Catalogue {
  generatedFrom: string;
  playbooks: CataloguePlaybook[];
  events: CatalogueEvent[];
  errorCodes: CatalogueErrorCode[];
}
