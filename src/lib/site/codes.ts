/** Every spelling of a Win32 error code, so a page that names the code is found by any of them. */
export interface CodeLike {
  name: string;
  decimal: number;
  hex: string;
  hresult: string;
}

export function codeSpellings(c: CodeLike): string[] {
  const short = `0x${c.decimal.toString(16).toUpperCase()}`;
  const out = [String(c.decimal), short, c.hex, c.hresult, c.name];
  // HRESULT_FROM_WIN32 as a signed 32-bit number, as some tools print it (-2147011095).
  if (c.hresult) out.push(String(Number.parseInt(c.hresult, 16) | 0));
  return [...new Set(out.filter(Boolean))];
}
