import type { Need } from '@contract';
import { Link } from 'react-router';

/** The need's title, opening its page: read it all before answering (or, for its raiser, follow it). */
export function NeedLink({ need }: { need: Need }) {
  return (
    <Link to={`/needs/${need.id}`} data-testid={`need-link-${need.id}`}>
      <strong>{need.title}</strong>
    </Link>
  );
}
