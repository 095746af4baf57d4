/** DI token for the database mode ('embedded' | 'external'). */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
/** DI token: true when unauthenticated write endpoints are open (development only, until sign-in exists). */
export const DEVELOPMENT_WRITES = Symbol('DEVELOPMENT_WRITES');
