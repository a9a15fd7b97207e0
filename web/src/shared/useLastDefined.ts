import { useState } from 'react';

/** The latest non-null value, so a closing modal keeps showing what it showed while open. */
export function useLastDefined<T>(value: T | null | undefined): T | undefined {
  const [last, setLast] = useState<T | undefined>(value ?? undefined);
  if (value != null && value !== last) setLast(value);
  return value ?? last;
}
