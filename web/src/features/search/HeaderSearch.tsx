import { useIsMobile } from '../../shared/useIsMobile';
import { SearchBox } from './SearchBox';
import { SearchSheet } from './SearchSheet';
import './search.css';

/**
 * 全局搜索 in the console's header: people, units, projects, needs, facilities and teams the
 * reader may see, found by any part of their names. A box with a grouped dropdown on a desk;
 * on a phone, an icon opening the search over the whole screen. The layout loads it apart
 * (lazily), so the home screen's code does not carry it.
 */
export function HeaderSearch() {
  return useIsMobile() ? <SearchSheet /> : <SearchBox />;
}
