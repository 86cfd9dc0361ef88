/** Reported by the health endpoint and the API docs. */
export const APP_VERSION = '0.1.0';
