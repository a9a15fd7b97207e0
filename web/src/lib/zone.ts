/**
 * The district's time zone, as the session says it (/auth/session, /auth/me, the login). Kept apart
 * from time.ts so the sign-in screen sets it without loading dayjs's zone plugins.
 */

/** Until the session answers: the server's default district zone (DEFAULT_TIME_ZONE in contract/regions.ts). */
const FALLBACK_ZONE = 'Asia/Shanghai';
let zone = FALLBACK_ZONE;

const knownZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The district's zone, from the session; set before any page shows. */
export function setTimeZone(tz: string | null | undefined) {
  zone = tz && knownZone(tz) ? tz : FALLBACK_ZONE;
}

/** The district's time zone now in use. */
export const timeZone = () => zone;
