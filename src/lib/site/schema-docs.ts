/**
 * Field documentation read from the schema source itself (src/schema/playbook.ts), so the
 * authoring guide's field tables come from the same comments the code carries.
 *
 * Input:  "export const EventRef = z.object({\n  /** The Event ID. *\/\n  id: z.number().int(),\n})"
 * Output: { EventRef: [{ name: 'id', comment: 'The Event ID.', type: 'z.number().int()' }] }
 */
export interface FieldDoc {
  name: string;
  comment: string;
  type: string;
}

export function schemaFieldDocs(source: string): Record<string, FieldDoc[]> {
  const out: Record<string, FieldDoc[]> = {};
  const lines = source.split('\n');
  let current: string | null = null;
  let comment: string[] = [];
  let inComment = false;
  for (const line of lines) {
    const start = /^(?:export )?const (\w+) = z\.object\(\{\s*$/.exec(line) ?? /^(?:export )?const (\w+Base) = \{\s*$/.exec(line);
    if (start) {
      current = start[1];
      out[current] = [];
      continue;
    }
    if (current && /^\}\)?;?\s*$/.test(line)) {
      current = null;
      continue;
    }
    if (!current) continue;
    const t = line.trim();
    if (t.startsWith('/**')) {
      inComment = !t.endsWith('*/');
      comment = [t.replace(/^\/\*\*\s?/, '').replace(/\s?\*\/$/, '')];
      continue;
    }
    if (inComment) {
      if (t.endsWith('*/')) inComment = false;
      comment.push(t.replace(/\s?\*\/$/, '').replace(/^\*\s?/, ''));
      continue;
    }
    const field = /^(\w+): (.+?),?$/.exec(t);
    if (field) {
      out[current].push({ name: field[1], comment: comment.join(' ').trim(), type: field[2] });
      comment = [];
    } else if (t.startsWith('...')) {
      out[current].push({ name: t.replace(/[.,]/g, ''), comment: '', type: 'spread' });
    }
  }
  return out;
}
