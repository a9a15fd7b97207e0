import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A white panel with an optional title, drawn like antd's Card. The first screens use it
 * instead of Card, which brings antd's tabs along (~13 kB gzipped).
 */
export function Panel({
  title,
  children,
  className,
  ...rest
}: { title?: ReactNode; children: ReactNode } & HTMLAttributes<HTMLElement>) {
  return (
    <section className={className ? `gj-panel ${className}` : 'gj-panel'} {...rest}>
      {title && <div className="gj-panel-head">{title}</div>}
      <div className="gj-panel-body">{children}</div>
    </section>
  );
}
