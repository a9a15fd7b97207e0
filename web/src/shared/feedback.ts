import type { FormInstance } from 'antd';
// The context App.useApp() reads, without App itself: the layout provides it, and its message
// code loads after the first screen (app/layout/Feedback.tsx).
import AppContext from 'antd/es/app/context';
import { use } from 'react';
import { ApiError, errorMessage } from '../lib/api';

/** An issue path as a form name path: "roles.0.regionId" → ['roles', 0, 'regionId']. */
function namePath(path: string): (string | number)[] {
  const segments = path.split(/[./]/).filter(Boolean);
  if (segments[0] === 'body') segments.shift();
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Puts the server's per-field messages under the matching form fields.
 * Returns false when nothing matched, so the caller shows the message instead.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const issues = error.details
    .map((d) => ({ name: namePath(d.path), errors: [d.message] }))
    .filter(({ name }) => typeof name[0] === 'string' && fields.includes(name[0]));
  if (issues.length === 0) return false;
  form.setFields(issues);
  return true;
}

export function useFeedback() {
  const { message } = use(AppContext);
  return {
    success: (text: string) => void message.success(text),
    warning: (text: string) => void message.warning(text),
    error: (error: unknown) => void message.error(errorMessage(error)),
    /** For forms: field errors go under their fields, anything else to a toast. */
    formError: (form: FormInstance, error: unknown, fields: readonly string[]) => {
      if (!applyFieldErrors(form, error, fields)) void message.error(errorMessage(error));
    },
  };
}
