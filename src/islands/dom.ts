/** Small DOM builders for the islands. Text always goes in as text nodes, never as HTML. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const c of children) if (c != null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** A list of links (search hits, best matches), each with an optional note after it. */
export function linkList(items: { href: string; title: string; note?: string }[]): HTMLUListElement {
  return el('ul', {}, ...items.map((i) => el('li', {}, el('a', { href: i.href }, i.title), i.note ?? null)));
}
