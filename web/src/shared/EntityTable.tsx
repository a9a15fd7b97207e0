import { Pagination, Skeleton, Spin, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { PlainList } from './PlainList';
import { TableEmpty } from './TableEmpty';
import { useIsMobile } from './useIsMobile';

/** data-… attributes of a row (its test id, a status a test waits for). */
type RowData = Record<`data-${string}`, string>;

type Props<T extends { id: number }> = {
  items: T[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  columns: TableColumnsType<T>;
  /** The width the columns need; in less the table scrolls sideways. */
  scrollX: number;
  /** What shows when there is nothing to list. */
  empty: string;
  /** On the table, and on the cards that stand for it on a phone. */
  testId: string;
  /** On each row of the table and on each card. */
  rowData?: (item: T) => RowData;
  /** A row as a card on a phone, where the table is too wide to read. */
  card: (item: T) => ReactNode;
};

/**
 * A paged list of records: a table with a row per record, and on a phone a card per record
 * with the pager under them (a skeleton until the first page comes, dimmed while another loads).
 */
export function EntityTable<T extends { id: number }>({
  items,
  loading,
  pagination,
  columns,
  scrollX,
  empty,
  testId,
  rowData,
  card,
}: Props<T>) {
  const isMobile = useIsMobile();
  if (isMobile) {
    if (loading && !items) return <Skeleton active />;
    return (
      <Spin spinning={loading}>
        <div data-testid={testId}>
          <PlainList
            items={items ?? []}
            rowKey={(item) => item.id}
            empty={empty}
            render={(item) => (
              <div className="gj-card-row" {...rowData?.(item)}>
                {card(item)}
              </div>
            )}
          />
        </div>
        <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
      </Spin>
    );
  }
  return (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: scrollX }}
      onRow={rowData && ((item) => rowData(item) as HTMLAttributes<HTMLElement>)}
      locale={{ emptyText: <TableEmpty text={empty} /> }}
      data-testid={testId}
    />
  );
}
