import { Empty } from 'antd';
import type { Key, ReactNode } from 'react';

export type PlainListProps<T> = {
  items: readonly T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  empty: string;
};

/** A divided list of rows (antd's List is deprecated in v6). */
export function PlainList<T>({ items, rowKey, render, empty }: PlainListProps<T>) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul className="gj-list">
      {items.map((item) => (
        <li key={rowKey(item)}>{render(item)}</li>
      ))}
    </ul>
  );
}
