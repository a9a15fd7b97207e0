import type { Region } from '@contract';
import { Tree, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { RetiredTag } from '../../shared/tags';
import type { RegionTreeNode } from './api';
import { isRetired, KindIcon } from './regionUtils';

type Props = {
  rootIds: number[];
  loaded: Map<number, RegionTreeNode>;
  expandedIds: number[];
  onExpand: (ids: number[]) => void;
  onLoad: (ids: number[]) => Promise<void>;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
};

function RegionTitle({ region }: { region: Region }) {
  return (
    <span
      className={isRetired(region) ? 'gj-tree-title gj-retired' : 'gj-tree-title'}
      data-region-id={region.id}
    >
      {region.name}
      {isRetired(region) && <RetiredTag />}
    </span>
  );
}

function toTreeNode(region: Region, loaded: Map<number, RegionTreeNode>): TreeDataNode {
  const children = loaded.get(region.id)?.children;
  return {
    key: region.id,
    title: <RegionTitle region={region} />,
    icon: <KindIcon kind={region.kind} />,
    // Unloaded children stay undefined, which is what tells the Tree to call loadData on expand.
    isLeaf: region.childCount === 0 && !children?.length,
    children: children?.map((child) => toTreeNode(child, loaded)),
  };
}

export function RegionTree({ rootIds, loaded, expandedIds, onExpand, onLoad, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const treeData = rootIds.flatMap((id) => {
    const root = loaded.get(id);
    return root ? [toTreeNode(root, loaded)] : [];
  });
  return (
    <div data-testid="region-tree" className="gj-region-tree">
      <Tree
        aria-label={t('regions.tree')}
        showIcon
        blockNode
        treeData={treeData}
        expandedKeys={expandedIds}
        onExpand={(keys) => onExpand(keys.map(Number))}
        loadData={(node) => onLoad([Number(node.key)])}
        selectedKeys={selectedId === undefined ? [] : [selectedId]}
        onSelect={(_, info) => onSelect(Number(info.node.key))}
      />
    </div>
  );
}
