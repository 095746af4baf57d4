import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AUTH_SECRET } from '../../app.tokens.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { IpLimiter } from './ip-limiter.js';
import { KnownDevices } from './known-device.js';
import { JwtStrategy, TOKEN_AUDIENCE, TOKEN_ISSUER } from './jwt.strategy.js';
import { OidcService } from './oidc.service.js';
import { SessionRevokerModule } from './session-revoker.module.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';

/** Authentication: passwords, sessions (JWT + rotating refresh tokens), OpenID Connect. */
@Module({
  imports: [
    UsersModule,
    SessionRevokerModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AUTH_SECRET],
      useFactory: (secret: string) => ({
        secret,
        signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
        verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, SignInService, OidcService, IpLimiter, JwtStrategy, KnownDevices],
  exports: [SessionsService],
})
export class AuthModule {}
