/** Mirrors the server's rule (`MINIMUM_PASSWORD_LENGTH` of its DTOs), checked here to answer before sending. */
export const MINIMUM_PASSWORD_LENGTH = 12;
