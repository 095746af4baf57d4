import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  EmailDelivery,
  EmailDeliveryList,
  NoticeList,
  NotificationPreferences,
  UnsubscribeInfo,
} from '@wgll/contracts';
import { Allow, CurrentUser, Public, SignedIn, SkipCsrf } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import {
  DeliveryParams,
  DeliveryQueryDto,
  MarkNoticesReadDto,
  OneClickBodyDto,
  SavePreferencesDto,
  UnsubscribeQuery,
} from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';

/** My notices and e-mail choices; unsubscribing from an e-mail's link; the e-mail queue for administrators. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'My recent notices (newest first, up to 50) and how many are unread' })
  recent(@CurrentUser() user: Principal): Promise<NoticeList> {
    return this.notifications.recent(user.id);
  }

  @Post('read')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Mark my notices read (the ids given, or all)' })
  read(@Body() body: MarkNoticesReadDto, @CurrentUser() user: Principal): Promise<NoticeList> {
    return this.notifications.markRead(user.id, body.ids);
  }

  @Get('preferences')
  @SignedIn()
  @ApiOperation({ summary: 'Which kinds of notification I get by e-mail (the in-app notice always stays)' })
  preferences(@CurrentUser() user: Principal): Promise<NotificationPreferences> {
    return this.notifications.preferences(user.id);
  }

  @Put('preferences')
  @SignedIn()
  @ApiOperation({ summary: 'Turn e-mail on or off per kind' })
  savePreferences(
    @Body() body: SavePreferencesDto,
    @CurrentUser() user: Principal,
  ): Promise<NotificationPreferences> {
    return this.notifications.savePreferences(user.id, body);
  }

  @Get('unsubscribe')
  @Public()
  @ApiOperation({
    summary: 'What an unsubscribe link is for (no sign-in); 400 UNSUBSCRIBE_INVALID when tampered',
  })
  unsubscribeInfo(@Query() { token }: UnsubscribeQuery): Promise<UnsubscribeInfo> {
    return this.notifications.unsubscribeInfo(token);
  }

  @Post('unsubscribe')
  @HttpCode(200)
  @Public()
  @SkipCsrf()
  @ApiOperation({
    summary:
      'One-click unsubscribe (RFC 8058: the token in the address, no sign-in, no form token); 400 UNSUBSCRIBE_INVALID when tampered',
  })
  unsubscribe(
    @Query() { token }: UnsubscribeQuery,
    @Body() _body: OneClickBodyDto,
  ): Promise<UnsubscribeInfo> {
    return this.notifications.unsubscribe(token);
  }

  @Get('deliveries')
  @Allow('user:manage')
  @ApiOperation({
    summary: 'E-mails, newest first: the outbox, those queued, sent and failed (national administrators)',
  })
  deliveries(@Query() query: DeliveryQueryDto): Promise<EmailDeliveryList> {
    return this.notifications.deliveries(query);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @Allow('user:manage')
  @ApiOperation({
    summary: 'Send a failed e-mail again (national administrators); 409 DELIVERY_NOT_RETRYABLE otherwise',
  })
  retry(@Param() { id }: DeliveryParams): Promise<EmailDelivery> {
    return this.notifications.retry(id);
  }
}
