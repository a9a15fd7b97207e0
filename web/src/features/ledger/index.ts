/** What other features may use of this one; they import nothing else from it. */
export { LedgerPanel } from './LedgerPanel';
export { formatQuantity, SourceLine, useQuantityLabel } from './LedgerParts';
