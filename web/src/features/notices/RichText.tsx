import { createElement, type ReactNode } from 'react';
import { parseClean, safeHref } from './richText';

function render(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const tag = node.tagName.toLowerCase();
  const children = Array.from(node.childNodes).map(render);
  if (tag === 'br') return <br key={key} />;
  if (tag === 'a') {
    const href = safeHref(node.getAttribute('href'));
    const external = href !== null && !href.startsWith('/');
    return (
      <a
        key={key}
        href={href ?? undefined}
        {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      >
        {children}
      </a>
    );
  }
  return createElement(tag, { key }, ...children);
}

type Props = { html: string; className?: string; 'data-testid'?: string };

/** A notice's body: its kept tags as React elements (never raw HTML into the page). */
export function RichText({ html, className, ...rest }: Props) {
  const body = parseClean(html);
  return (
    <div className={['gj-pub-richtext', className].filter(Boolean).join(' ')} {...rest}>
      {Array.from(body.childNodes).map(render)}
    </div>
  );
}
