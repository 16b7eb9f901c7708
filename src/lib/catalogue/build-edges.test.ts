/**
 * Edge cases of buildCatalogue (src/lib/catalogue/build.ts): audit rows whose core flag is not "yes", and RAS/WFP
 * rows whose code or HRESULT only partly matches the expected form (they must be dropped, not half-read).
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './build.ts';

describe('buildCatalogue edges', () => {
  it('marks an audit subcategory as not core when its core column is "no"', () => {
    const audit = 'guid\tsubcategory_en\tja_name\tevents\tcore\n{0cce9213-69ae-11d9-bed3-505054503030}\tIPsec Driver\tIPsec ドライバー\t4960\tno\n';
    expect(buildCatalogue([], '', { ike: '', audit }).auditSubcategories).toEqual([
      { guid: '0CCE9213-69AE-11D9-BED3-505054503030', en: 'IPsec Driver', ja: 'IPsec ドライバー', events: '4960', core: false },
    ]);
  });

  it('keeps only RAS rows whose whole code is digits (drops "x812" and "812x")', () => {
    const ras =
      'code\tsymbol\ten_text\tsource_url\thex\tlearn_text\n' +
      'x812\tLEADING\ta\tRasError.h\t\t\n' +
      '812x\tTRAILING\tb\tRasError.h\t\t\n' +
      '813\tGOOD\tc\tRasError.h\t\t\n';
    expect(buildCatalogue([], '', { ike: '', ras }).errorCodes).toEqual([
      { table: 'ras', name: 'GOOD', decimal: 813, hex: '0x0000032D', hresult: '0x8007032D', message: 'c', source: 'RasError.h', playbook: undefined },
    ]);
  });

  it('keeps only WFP rows whose whole HRESULT is 0x8032 and four hex digits (drops a prefix or a suffix)', () => {
    const wfp =
      'hresult\tdecimal\tsymbol\ten_text\tsource_url\tlearn_text\n' +
      'x0x80320001\t0\tLEADING\ta\twinerror.h\t\n' +
      '0x80320001z\t0\tTRAILING\tb\twinerror.h\t\n' +
      '0x80320002\t-2144206846\tGOOD\tc\twinerror.h\t\n';
    expect(buildCatalogue([], '', { ike: '', wfp }).errorCodes).toEqual([
      { table: 'wfp', name: 'GOOD', decimal: 2150760450, hex: '0x80320002', hresult: '0x80320002', message: 'c', source: 'winerror.h', playbook: undefined },
    ]);
  });
});
