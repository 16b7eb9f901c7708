/**
 * Drafts of the escalation form, kept in the browser's localStorage only when the agent presses
 * 「下書きを保存」 (and removed by 「下書きを消去」). Pure: (de)serialising and checking what comes
 * back, so a damaged or foreign value never fills the form.
 */
import { DEBUG_FILES } from './debug-files.ts';
import { EMPTY_FIELDS, type PacketFields } from './packet.ts';

export const DRAFT_KEY = 'ipsec-playbooks:escalation-draft';

export interface Draft {
  savedAt: string;
  fields: PacketFields;
  redact: boolean;
  /** The link parameters (chart, path, prev) the form was opened with. */
  link: string;
}

export function serializeDraft(draft: Draft): string {
  return JSON.stringify({ v: 1, ...draft });
}

const TEXT_KEYS = ['caller', 'target', 'user', 'domain', 'occurred', 'summary', 'findings', 'notes'] as const;
const STATES = ['', 'fixed-identified', 'fixed-unidentified', 'unfixed'];
const MAX = 200_000;

export function parseDraft(text: string | null | undefined): Draft | null {
  if (!text || text.length > MAX) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  if (o.v !== 1 || typeof o.savedAt !== 'string' || !o.fields || typeof o.fields !== 'object') return null;
  const f = o.fields as Record<string, unknown>;
  const fields: PacketFields = { ...EMPTY_FIELDS, files: [...EMPTY_FIELDS.files] };
  for (const k of TEXT_KEYS) if (typeof f[k] === 'string') fields[k] = f[k] as string;
  if (typeof f.state === 'string' && STATES.includes(f.state)) fields.state = f.state as PacketFields['state'];
  if (Array.isArray(f.files)) {
    const known = new Set(DEBUG_FILES.map((d) => d.template));
    fields.files = f.files.filter((x): x is string => typeof x === 'string' && known.has(x));
  }
  const link = typeof o.link === 'string' && /^[a-z0-9=&%._~/:-]*$/i.test(o.link) ? o.link : '';
  return { savedAt: o.savedAt, fields, redact: o.redact === true, link };
}
