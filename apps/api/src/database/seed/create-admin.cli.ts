/**
 * `npm run create-admin -- --email you@nhs.net --name "Your Name"`: creates a national
 * administrator (or gives an existing account that role) and prints a single-use invitation link
 * to set the password. For the first administrator of a new installation; run it with the same
 * DATABASE_URL (or DATA_DIR) as the server. PUBLIC_URL sets the link's address.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module.js';
import { ApiException } from '../../common/api-exception.js';
import { loadConfig } from '../../config/app-config.js';
import { InvitationsService } from '../../modules/users/invitations.service.js';
import { UsersService } from '../../modules/users/users.service.js';
import { connectDatabase } from '../database-connection.js';
import { prepareDatabase } from '../database-roles.js';
import { DataSource } from 'typeorm';
import { seedReferenceData } from './reference-seeder.js';

const ACTOR = { id: null, email: 'command line (create-admin)' };
const ORIGIN = { ip: null, userAgent: 'npm run create-admin' };

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = values.email?.trim().toLowerCase();
  const name = values.name?.trim();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !name) {
    console.error('Usage: npm run create-admin -- --email you@nhs.net --name "Your Name"');
    return 2;
  }
  const config = loadConfig();
  const database = await connectDatabase(config);
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(database, config), {
    logger: ['error'],
  });
  try {
    const dataSource = context.get(DataSource);
    await prepareDatabase(database, dataSource);
    await seedReferenceData(dataSource);
    const users = context.get(UsersService);
    let link;
    try {
      const created = await users.create(
        { email, displayName: name, roles: [{ role: 'national-administrator' }] },
        ACTOR,
        ORIGIN,
      );
      link = created.invitation;
      console.log(`Created ${email} as a national administrator.`);
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 'USER_EXISTS') throw error;
      const [{ id }] = await dataSource.query<[{ id: string }]>('SELECT id FROM app_user WHERE email = $1', [
        email,
      ]);
      await users
        .grantRole(id, { role: 'national-administrator' }, ACTOR, ORIGIN)
        .catch((grantError: unknown) => {
          if (!(grantError instanceof ApiException) || grantError.code !== 'ROLE_EXISTS') throw grantError;
        });
      link = await context.get(InvitationsService).create(id, ACTOR, ORIGIN);
      console.log(`${email} already had an account: it is now a national administrator.`);
    }
    console.log(
      `\nOpen this link to set the password (works once, until ${link.expiresAt}):\n\n  ${link.url}\n`,
    );
    return 0;
  } finally {
    await context.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
