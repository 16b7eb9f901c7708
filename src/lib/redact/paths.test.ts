/**
 * Windows paths in pasted text: escaped separators (JSON, C strings) and folders named by a SID, read by pathAt and
 * replaced by the Redactor, and a rotated log file named after a learned computer.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';
import { pathAt } from './paths.ts';

const red = (s: string) => new Redactor().redactText(s);
const keepUser = (seg: string) => `<${seg}>`;

describe('pathAt: the separator', () => {
  it('one backslash: the path ends at the first doubled one it does not use', () => {
    expect(pathAt('C:\\Users\\alice\\x y', 0, keepUser)).toEqual({ end: 16, text: 'C:\\Users\\<alice>\\x' });
  });
  it('two backslashes (escaped): every segment, and the profile folder found behind Users', () => {
    expect(pathAt('C:\\\\Users\\\\alice\\\\AppData"', 0, keepUser)).toEqual({ end: 25, text: 'C:\\\\Users\\\\<alice>\\\\AppData' });
  });
  it('an escaped %VARIABLE% path', () => {
    expect(pathAt('%SystemDrive%\\\\Users\\\\bob', 0, keepUser)).toEqual({ end: 25, text: '%SystemDrive%\\\\Users\\\\<bob>' });
  });
});

describe('pathAt: a folder named by a SID', () => {
  const sid = 'S-1-5-21-1004336348-1177238915-682003330-1001';
  it('is given to the SID callback', () => {
    expect(pathAt(`C:\\$Recycle.Bin\\${sid}\\x`, 0, keepUser, (s) => `[${s}]`)).toEqual({ end: 63, text: `C:\\$Recycle.Bin\\[${sid}]\\x` });
  });
  it('is kept when the callback keeps it, and a name that only starts like a SID is no SID', () => {
    expect(pathAt(`C:\\x\\${sid}`, 0, keepUser)?.text).toBe(`C:\\x\\${sid}`);
    expect(pathAt('C:\\x\\S-1-5-21-x\\y', 0, keepUser, () => 'SID')?.text).toBe('C:\\x\\S-1-5-21-x\\y');
  });
});

describe('Redactor: paths that used to keep a name', () => {
  it('a profile folder in a JSON-escaped path (ConvertTo-Json output)', () => {
    expect(red('{"Path":"C:\\\\Users\\\\alice\\\\AppData"}')).toBe('{"Path":"C:\\\\Users\\\\<USER-1>\\\\AppData"}');
  });
  it("a user's SID as a folder (the recycle bin), while a well-known SID stays", () => {
    expect(red('C:\\$Recycle.Bin\\S-1-5-21-1004336348-1177238915-682003330-1001\\x and C:\\$Recycle.Bin\\S-1-5-18\\y')).toBe(
      'C:\\$Recycle.Bin\\<SID-1>\\x and C:\\$Recycle.Bin\\S-1-5-18\\y',
    );
  });
  it('a rotated log named after a learned computer (PC0423.log.1)', () => {
    expect(red('PC0423.log.1 Computer: PC0423')).toBe('<HOST-1>.log.1 Computer: <HOST-1>');
  });
});

describe('Redactor: a folder named by a SID in the table', () => {
  it('is recorded in upper case however it was written, as a SID in running text is', () => {
    // (seg.toUpperCase() in the SID callback) the placeholder table is what undoes the redaction
    const r = new Redactor();
    expect(r.redactText('C:\\$Recycle.Bin\\s-1-5-21-1004336348-1177238915-682003330-1001\\x')).toBe('C:\\$Recycle.Bin\\<SID-1>\\x');
    expect(r.entries()).toEqual([{ placeholder: '<SID-1>', kind: 'SID', original: 'S-1-5-21-1004336348-1177238915-682003330-1001' }]);
  });
});
