import type { OwnerKind } from '../../shared/enums';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { PartyOrgSelect } from '../../shared/pickers/PartyOrgSelect';
import { UnitSelect } from '../../shared/pickers/UnitSelect';

type Props = {
  id?: string;
  kind: OwnerKind;
  value?: number;
  onChange?: (value: number | undefined) => void;
  className?: string;
  'data-testid'?: string;
};

/** The owner of a task: a Party organisation, a unit or a person, searched by name. */
export function OwnerSelect({ kind, ...rest }: Props) {
  // A new kind is a new picker: the search and its hits do not carry over.
  if (kind === 'person') return <MemberSelect key={kind} {...rest} />;
  if (kind === 'unit') return <UnitSelect key={kind} {...rest} />;
  return <PartyOrgSelect key={kind} {...rest} />;
}
