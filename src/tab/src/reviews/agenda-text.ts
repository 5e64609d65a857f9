/**
 * The agenda as lines of plain text. The HTML is parsed into an inert document (DOMParser runs no script and loads
 * nothing) and only its text is read; nothing from it is ever put into the page as HTML.
 */
export function agendaText(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') return;
    const block = /^(p|div|li|h[1-6]|br|ul|ol)$/.test(tag);
    if (block) flush();
    if (tag === 'li') line += '• ';
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(doc.body);
  flush();
  return lines;
}
