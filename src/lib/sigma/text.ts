/** Turning catalogue strings into match strings and file names. */

/**
 * The longest literal part of a message template: placeholders (`%1`, `<IP アドレス>`), line breaks (`\n` as
 * stored in the catalogue) and the chapter's " | " / "。- " joins between a reason and its extra status split it.
 * Trailing sentence punctuation is dropped so the text still matches where Windows adds or omits it.
 */
export function literalText(template: string): string {
  const head = template.split(/ \| |。\s*-\s/)[0];
  const parts = head
    .split(/\\n|\r?\n|%\d+|%[a-z]\b|<[^<>]+>/)
    .map((p) => p.trim().replace(/[。.．\s]+$/u, '').trim())
    .filter((p) => p.length > 0);
  let best = '';
  for (const p of parts) if (p.length > best.length) best = p;
  return best;
}

/** Lowercase a-z0-9 and `_`, as SigmaHQ file names want. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A file name stem of at most `max` characters, cut on a `_`. */
export function fileStem(parts: string[], max = 70): string {
  let s = parts.map(slug).filter(Boolean).join('_');
  if (s.length > max) s = s.slice(0, max).replace(/_[^_]*$/, '');
  return s;
}
