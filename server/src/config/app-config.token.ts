/** Injection token of the app's `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');
