import { Empty, Pagination, type PaginationProps, Skeleton, Spin } from 'antd';
import type { Key, ReactNode } from 'react';

type Props<T> = {
  items: readonly T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  empty: string;
};

/** A divided list of rows (antd's List is deprecated in v6). */
export function PlainList<T>({ items, rowKey, render, empty }: Props<T>) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul className="gj-list">
      {items.map((item) => (
        <li key={rowKey(item)}>{render(item)}</li>
      ))}
    </ul>
  );
}

/**
 * The rows of a paged list on a phone: a skeleton until the first page comes, then the
 * rows with the pager under them, dimmed while another page loads.
 */
export function PagedList<T>({
  items,
  loading,
  testId,
  pagination,
  ...list
}: Omit<Props<T>, 'items'> & {
  items: readonly T[] | undefined;
  loading: boolean;
  testId: string;
  pagination: PaginationProps;
}) {
  if (!items) return loading ? <Skeleton active /> : null;
  return (
    <Spin spinning={loading}>
      <div data-testid={testId}>
        <PlainList items={items} {...list} />
      </div>
      <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
    </Spin>
  );
}
