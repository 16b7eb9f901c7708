/** The rule set generated from the real catalogue: schema-valid, stable, matches its pages' samples, not look-alikes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { Catalogue } from '../catalogue/types.ts';
import { buildSigma } from './rules.ts';
import { sigmaFiles } from './files.ts';
import { matches, type LogEvent } from './evaluate.ts';
import { samplesOf } from '../../../test/fixtures/sigma/samples.ts';

const ROOT = join(import.meta.dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/sigma');
const cat = JSON.parse(readFileSync(join(ROOT, 'src/generated/catalogue.json'), 'utf8')) as Catalogue;
const set = buildSigma(cat);
const files = sigmaFiles(set);

function validator(file: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(FIX, file), 'utf8')));
}

describe('Sigma rules from the catalogue', () => {
  it('emit a rule for every logged event the catalogue names (log + source + ID), and say what they skipped', () => {
    const ruled = new Set(set.rules.flatMap((r) => r.playbooks));
    for (const p of cat.playbooks) {
      const logged = p.events.some((e) => ['Security', 'System', 'Application'].includes(e.log));
      if (p.kind === 'flowchart') continue;
      if (logged) expect(ruled.has(p.id) || set.skipped.some((s) => s.playbook === p.id), p.id).toBe(true);
      else expect(set.skipped.map((s) => s.playbook)).toContain(p.id);
    }
    // today's pages: the 547 failure reasons, the driver drops and the Windows 2000 Policy Agent events
    expect(set.rules.find((r) => r.eventId === 547 && r.playbooks.includes('ike-main-mode/no-response'))?.rule.detection).toEqual({
      selection: { EventID: 547, Provider_Name: 'Security' },
      keywords: ['No response from peer', 'ピアから応答がありません'],
      condition: 'selection and keywords',
    });
    expect(set.rules.find((r) => r.eventId === 4284 && r.playbooks.includes('ipsec-driver/clear-text'))?.rule.detection).toEqual({
      selection: { EventID: 4284, Provider_Name: ['IPSEC', 'IPSec'] },
      condition: 'selection',
    });
  });

  it('every detection rule validates against the Sigma detection rule JSON Schema', () => {
    const validate = validator('sigma-detection-rule-schema.json');
    for (const r of set.rules) {
      const obj = parse(files.find((f) => f.name === r.file)!.text);
      expect(validate(obj), `${r.file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(obj.logsource.product).toBe('windows');
      expect(['security', 'system', 'application']).toContain(obj.logsource.service);
      expect(obj.detection.selection.EventID).toBe(r.eventId);
      expect(obj.detection.selection.Provider_Name).toBeDefined();
      expect(obj.falsepositives.length).toBeGreaterThan(0);
      expect(obj.references[0]).toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
    }
  });

  it('every correlation rule validates against the correlation JSON Schema and names existing rules', () => {
    const validate = validator('sigma-correlation-rules-schema.json');
    const names = new Set(set.rules.map((r) => r.rule.name));
    expect(set.correlations.map((c) => c.rule.name)).toContain('mr_clear_text_drops_repeated');
    for (const c of set.correlations) {
      const obj = parse(files.find((f) => f.name === c.file)!.text);
      expect(validate(obj), `${c.file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      for (const n of obj.correlation.rules) expect(names).toContain(n);
    }
  });

  it('a detection rule schema check is not a formality: a broken rule fails it', () => {
    const validate = validator('sigma-detection-rule-schema.json');
    expect(validate({ ...set.rules[0].rule, level: 'severe' })).toBe(false);
    expect(validate({ ...set.rules[0].rule, tags: ['IPsec Event'] })).toBe(false);
  });

  it('ids are UUIDs, unique, and identical between two builds; file names too', () => {
    const again = buildSigma(JSON.parse(JSON.stringify(cat)) as Catalogue);
    expect(again.rules.map((r) => r.rule.id)).toEqual(set.rules.map((r) => r.rule.id));
    expect(sigmaFiles(again)).toEqual(files);
    const ids = [...set.rules, ...set.correlations].map((r) => r.rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
    for (const f of files) expect(f.name).toMatch(/^[a-z0-9_]{10,70}\.yml$/);
  });

  it('an id depends on the detection, not on the order of pages', () => {
    const reversed = buildSigma({ ...cat, playbooks: [...cat.playbooks].reverse() });
    const byFile = new Map(reversed.rules.map((r) => [r.file, r.rule.id]));
    for (const r of set.rules) expect(byFile.get(r.file), r.file).toBe(r.rule.id);
  });
});

describe('rules against the playbooks’ own sample events', () => {
  const samples = cat.playbooks.flatMap(samplesOf);

  it('each rule matches at least one sample from the page it serves', () => {
    const unmatched: string[] = [];
    for (const r of set.rules) {
      const own = samples.filter((s) => r.playbooks.includes(s.playbook));
      const hit = own.find((s) => matches(r.rule, s.event));
      if (!hit) unmatched.push(`${r.file} (${own.length} samples on ${r.playbooks.join(', ')})`);
    }
    expect(unmatched, unmatched.join('\n')).toEqual([]);
  });

  it('a full 547 / 4652-4654 sample matches only reason rules whose text is its own Failure Reason line, and its own page’s rule', () => {
    const full = samples.filter((s) => [547, 4652, 4653, 4654].includes(Number(s.event.EventID)) && /Failure Reason:/.test(String(s.event.Message)));
    expect(full.filter((s) => s.event.EventID === 547).length).toBeGreaterThan(5);
    for (const s of full) {
      const reason = String(s.event.FailureReason).toLowerCase();
      const hits = set.rules.filter((r) => r.narrowed && matches(r.rule, s.event));
      for (const h of hits) {
        const texts = (h.rule.detection.keywords ?? h.rule.detection.selection['FailureReason|contains']) as string[];
        expect(texts.some((k) => reason.includes(k.toLowerCase())), `${s.playbook} sample matched ${h.file} on another line`).toBe(true);
      }
      const own = set.rules.find((r) => r.narrowed && r.eventId === s.event.EventID && r.playbooks.includes(s.playbook) && matches(r.rule, { ...s.event, Channel: 'Security' }));
      // a reason page's sample is caught by that page's rule (the generic pages have no reason rule of their own)
      if (set.rules.some((r) => r.narrowed && r.eventId === s.event.EventID && r.playbooks.includes(s.playbook))) expect(own, `${s.playbook} ${s.event.EventID}`).toBeDefined();
    }
  });

  it('the English 547 sample of "No response from peer" matches its rule and the generic 547 rule only', () => {
    const s = samples.find((x) => x.playbook === 'ike-main-mode/no-response' && String(x.event.Message).includes('Failure Reason:'))!;
    const hits = set.rules.filter((r) => matches(r.rule, s.event)).map((r) => r.file);
    expect(hits).toEqual(['win_security_547_ike_main_mode_event_547.yml', 'win_security_547_ike_main_mode_no_response_13813.yml']);
  });
});

describe('look-alikes from other products do not match', () => {
  const fixture = JSON.parse(readFileSync(join(FIX, 'lookalikes.json'), 'utf8')) as { constructed: boolean; events: (LogEvent & { why: string })[] };
  it('are constructed and cover 547 from Windows Server Backup and 4284 from MSExchangeMTA', () => {
    expect(fixture.constructed).toBe(true);
    expect(fixture.events.map((e) => `${e.EventID}/${e.Provider_Name}`)).toEqual(['547/Microsoft-Windows-Backup', '547/Windows Server Backup', '4284/MSExchangeMTA', '4284/MSExchangeMTA']);
  });
  for (const ev of fixture.events) {
    it(ev.why, () => {
      const { why: _why, ...event } = ev;
      expect(set.rules.filter((r) => matches(r.rule, event)).map((r) => r.file)).toEqual([]);
    });
  }
  it('while the same ID from the IPsec source does match (the look-alike test can fail)', () => {
    const real = { Channel: 'System', Provider_Name: 'IPSec', EventID: 4284, Message: 'Received 3 packet(s) in the clear from 192.168.0.20 which should have been secured.' };
    expect(set.rules.filter((r) => matches(r.rule, real)).map((r) => r.file)).toEqual(['win_system_4284_ipsec_driver_clear_text.yml']);
  });
});
