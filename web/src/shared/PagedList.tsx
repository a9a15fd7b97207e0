// Apart from PlainList: the pager brings antd's select along, which the home page's
// lists do without (npm run size: 34 kB gzip on the home screen).
import { Pagination, type PaginationProps, Skeleton, Spin } from 'antd';
import { PlainList, type PlainListProps } from './PlainList';

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
}: Omit<PlainListProps<T>, 'items'> & {
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
