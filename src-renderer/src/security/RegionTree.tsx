import type { TreeNode } from './tree';
import { useT } from '../i18n';

interface Props {
  tree: TreeNode[];
  selected: string | null;
  onSelect: (regionNo: string) => void;
}

/**
 * Regions by their parent, each a button with how many are inside it (K30 counts a region's own
 * doors only, so a parent's number does not include its sub-regions' people).
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
              {t('security.insideCount', { count: region.inside })}
            </span>
          </button>
          {children.length > 0 && render(children, false)}
        </li>
      ))}
    </ul>
  );
  return render(tree, true);
}
