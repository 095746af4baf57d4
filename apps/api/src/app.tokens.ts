/** DI token for the database mode ('embedded' | 'external'). */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
/** DI token for the validated AppConfig (config/app-config.ts). */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** DI token for the secret that signs access tokens and SSO state (resolved once at start). */
export const AUTH_SECRET = Symbol('AUTH_SECRET');
