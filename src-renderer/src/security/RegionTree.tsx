import type { TreeNode } from './tree';
import { useT } from '../i18n';

interface Props {
  tree: TreeNode[];
  selected: string | null;
  onSelect: (regionNo: string) => void;
}

/**
 * Regions by their parent, each a button with how many are inside it: each person is counted once,
 * in the region they entered last, so a parent shows "N here + M in sub-regions".
 */
export function RegionTree({ tree, selected, onSelect }: Props) {
  const t = useT();
  const render = (nodes: TreeNode[], top: boolean) => (
    <ul className={top ? 'region-tree' : 'region-subtree'} aria-label={top ? t('security.regionsLabel') : undefined}>
      {nodes.map(({ region, children }) => (
        <li key={region.no}>
          <button
            type="button"
            className="region-button"
            aria-current={region.no === selected ? 'true' : undefined}
            data-testid="region-button"
            data-region-no={region.no}
            onClick={() => onSelect(region.no)}
          >
            <span className="region-button-name">{region.name}</span>
            <span className="badge badge-muted region-count" data-testid="region-count">
              {region.below > 0 ? t('security.insideSplit', { here: region.here, below: region.below }) : t('security.insideCount', { count: region.inside })}
            </span>
          </button>
          {children.length > 0 && render(children, false)}
        </li>
      ))}
    </ul>
  );
  return render(tree, true);
}
