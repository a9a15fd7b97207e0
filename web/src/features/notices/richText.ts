/**
 * The notice body's HTML, kept to what the server keeps: paragraphs, line breaks, emphasis,
 * two heading levels, lists, quotes and links. Everything else is unwrapped to its text.
 */
export const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'a',
  'blockquote',
] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];

/** What the browser's editing commands (and pasted pages) produce, in the kept tags' terms. */
const RENAME: Record<string, AllowedTag> = {
  b: 'strong',
  i: 'em',
  div: 'p',
  h1: 'h3',
  h2: 'h3',
  h5: 'h4',
  h6: 'h4',
};
/** Dropped with their content. */
const DROP = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
  'meta',
  'link',
]);
const BLOCKS = new Set<string>(['p', 'h3', 'h4', 'ul', 'ol', 'blockquote']);

const isAllowed = (tag: string): tag is AllowedTag => (ALLOWED_TAGS as readonly string[]).includes(tag);

/** Only web, mail and phone links, or paths of this site. */
export function safeHref(href: string | null): string | null {
  const value = href?.trim();
  if (!value) return null;
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A clean copy of `from`'s children into `to` (of document `doc`). */
function copyChildren(from: Node, to: Node, doc: Document) {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (!(child instanceof Element)) continue;
    const raw = child.tagName.toLowerCase();
    if (DROP.has(raw)) continue;
    const tag = RENAME[raw] ?? raw;
    if (!isAllowed(tag)) {
      copyChildren(child, to, doc);
      continue;
    }
    // A block inside a paragraph (as pasted pages nest them) is flattened into it.
    const inParagraph = to instanceof Element && to.tagName.toLowerCase() === 'p';
    if (inParagraph && BLOCKS.has(tag)) {
      copyChildren(child, to, doc);
      continue;
    }
    const el = doc.createElement(tag);
    if (tag === 'a') {
      const href = safeHref(child.getAttribute('href'));
      if (!href) {
        copyChildren(child, to, doc);
        continue;
      }
      el.setAttribute('href', href);
    }
    copyChildren(child, el, doc);
    to.appendChild(el);
  }
}

/** Parses HTML into a detached body, without running anything in it. */
function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

/** The body with only the kept tags and safe links; text outside a block goes into paragraphs. */
export function cleanHtml(html: string): string {
  const doc = document.implementation.createHTMLDocument('');
  const out = doc.createElement('div');
  copyChildren(parse(html), out, doc);
  // Loose text and inline runs at the top level become paragraphs.
  const wrapped = doc.createElement('div');
  let paragraph: HTMLElement | null = null;
  for (const node of Array.from(out.childNodes)) {
    const block = node instanceof Element && BLOCKS.has(node.tagName.toLowerCase());
    if (block) {
      paragraph = null;
      wrapped.appendChild(node);
    } else {
      if (!paragraph) {
        paragraph = doc.createElement('p');
        wrapped.appendChild(paragraph);
      }
      paragraph.appendChild(node);
    }
  }
  // Empty paragraphs (an editor's leftovers) go, but a lone <br> line stays a blank line.
  for (const p of Array.from(wrapped.querySelectorAll('p'))) {
    if ((p.textContent ?? '').trim() === '' && !p.querySelector('br')) p.remove();
  }
  return wrapped.innerHTML;
}

/** The body's words, for checking it is not empty and for a short excerpt. */
export function htmlToText(html: string): string {
  return (parse(html).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The clean body as a tree to render: the notice page and the inbox show it with React elements. */
export function parseClean(html: string): HTMLElement {
  return parse(cleanHtml(html));
}
