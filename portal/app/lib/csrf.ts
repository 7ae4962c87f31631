/** The hidden form field that carries the session's CSRF token (see <CsrfInput />). */
export const CSRF_FIELD = '_csrf';
