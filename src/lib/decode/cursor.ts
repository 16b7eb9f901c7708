/**
 * Amortised "does this line contain NEEDLE" without rescanning the rest of the input for every
 * line: the next occurrence is remembered and only searched again once it has been passed.
 */
export class Cursor {
  private next = -2;
  private from = 0;
  private readonly text: string;
  private readonly needle: string;
  constructor(text: string, needle: string) {
    this.text = text;
    this.needle = needle;
  }
  /** First occurrence in [s, e), or -1. Linear overall when calls come with (mostly) non-decreasing `s`. */
  find(s: number, e: number): number {
    if (s < this.from) {
      // a look-back (rare): search again from here
      this.from = s;
      this.next = this.text.indexOf(this.needle, s);
    }
    this.from = s;
    if (this.next === -1) return -1;
    if (this.next < s) this.next = this.text.indexOf(this.needle, s);
    if (this.next === -1) return -1;
    if (this.next + this.needle.length <= e) return this.next;
    return -1;
  }
  /** All occurrences in [s, e). */
  findAll(s: number, e: number): number[] {
    const out: number[] = [];
    let p = s;
    for (;;) {
      const at = this.find(p, e);
      if (at < 0) break;
      out.push(at);
      p = at + 1;
      if (out.length > 10000) break;
    }
    return out;
  }
}
