import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';

const cat = testCatalogue();

describe('registry values', () => {
  it('reg query output: value + meaning + guide', () => {
    const fs = decode(fixture('reg-query.txt'), cat).findings;
    const by = (n: string) => fs.find((f) => f.facts.some((x) => x.name === 'name' && x.value === n))!;
    expect(by('OperationMode').meaning).toContain('ステートフル');
    expect(by('NoDefaultExempt').meaning).toContain('Kerberos と RSVP を除外しません');
    expect(by('NoDefaultExempt').sensitive).toContain('exemptions');
    expect(by('LogInterval').meaning).toContain('60 秒');
    expect(by('BootExemptList').sensitive).toContain('boot-exemptions');
    expect(by('EnablePMTUDiscovery').severity).toBe('warning');
    expect(by('EnablePMTUDiscovery').guide?.id).toBe('guides/pmtu-fragmentation');
    expect(by('DisableIKEAudits').title).toContain('定義されていません');
    expect(by('DisableIKEAudits').meaning).toContain('記録されます');
  });
  it('.reg export with continuation lines', () => {
    const fs = decode(fixture('ipsec.reg'), cat).findings;
    expect(fs.find((f) => f.title.includes('DisableIKEAudits'))?.severity).toBe('warning');
    expect(fs.find((f) => f.title.includes('OperationMode'))?.severity).toBe('warning');
    expect(fs.find((f) => f.title.includes('ExtensionDebugLevel'))?.meaning).toContain('Winlogon.log');
    const bel = fs.find((f) => f.title.includes('BootExemptList'))!;
    expect(bel.facts.find((x) => x.name === 'value')?.value).toContain('01,00,00,00');
  });
  it("the chapter's Key\\Name=value notation", () => {
    const fs = decode(fixture('chapter-registry.txt'), cat).findings;
    expect(fs.map((f) => f.title)).toEqual([expect.stringContaining('OperationMode'), expect.stringContaining('EnablePMTUDiscovery')]);
  });
  it('unknown values are listed, not dropped', () => {
    const r = decode('HKEY_LOCAL_MACHINE\\SOFTWARE\\Foo\n    Bar    REG_SZ    baz\n', cat);
    expect(r.findings[0].title).toContain('その他の値');
    expect(r.findings[0].guide?.id).toBe('reference/registry');
  });
});
