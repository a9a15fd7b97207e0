/** What other features may use of this one; they import nothing else from it. */

export { noticePath, percent, useNotices } from './api';
export { NoticeKindTag, NoticeStatusTag, ReadRateBar } from './NoticeTags';
