/** DI token for the database mode ('embedded' | 'external'). */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
