/**
 * Run the decoder over the public accuracy corpus and print right / wrong / missed, one line per paste
 * that is not right. `npm run corpus` (the unit test test/unit/corpus.test.ts asserts the same figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../src/lib/decode/index.ts';
import { parseTsv } from '../src/lib/data/tsv.ts';
import { score, tally } from '../src/lib/corpus/score.ts';
import type { CorpusRow } from '../src/lib/corpus/score.ts';
import type { Catalogue } from '../src/lib/catalogue/types.ts';

const root = process.cwd();
const cat = JSON.parse(readFileSync(join(root, 'src/generated/catalogue.json'), 'utf8')) as Catalogue;
const rows = parseTsv(readFileSync(join(root, 'test/corpus/corpus.tsv'), 'utf8')) as unknown as CorpusRow[];
const scored = rows.map((r) => score(r, decode(readFileSync(join(root, 'test/corpus', r.file), 'utf8'), cat)));
for (const s of scored) if (s.outcome !== 'right') console.log(`${s.outcome.padEnd(6)} ${s.row.id} ${s.row.file.replace('pastes/', '')}: ${s.why}`);
const t = tally(scored);
console.log(`corpus: ${t.right} right, ${t.wrong} wrong, ${t.missed} missed of ${t.total} (${((100 * t.right) / t.total).toFixed(1)} % right)`);
