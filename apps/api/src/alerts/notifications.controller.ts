import type { NotificationsResponse, UnreadNotificationsResponse } from '@iop/contracts';
import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { NotificationsResponseDoc, UnreadNotificationsResponseDoc } from './alerts.dto';
import { NotificationsQuery } from './notifications.query';
import { ID_PIPE } from '../common/whole-number-param';

/** The caller's own notifications: every role has them, nobody sees another's. */
@ApiTags('alerts')
@Controller({ path: 'notifications', version: '1' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsQuery) {}

  @Get()
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: 'Your newest notifications (at most 100) and how many are unread' })
  @ApiOkResponse({ type: NotificationsResponseDoc })
  @ApiRefusesParameters()
  async list(@CurrentUser() user: SignedInUser, @Query() _none: NoParameters): Promise<NotificationsResponse> {
    const [unread, notifications] = await Promise.all([
      this.notifications.unreadCount(user.id),
      this.notifications.latest(user.id),
    ]);
    return { unread, notifications };
  }

  @Get('unread-count')
  @Roles('director', 'payer', 'quality', 'admin')
  @ApiOperation({ summary: "The number on the toolbar's bell: your unread notifications" })
  @ApiOkResponse({ type: UnreadNotificationsResponseDoc })
  @ApiRefusesParameters()
  async unread(@CurrentUser() user: SignedInUser, @Query() _none: NoParameters): Promise<UnreadNotificationsResponse> {
    return { unread: await this.notifications.unreadCount(user.id) };
  }

  @Post('read-all')
  @Roles('director', 'payer', 'quality', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiNoContentResponse({ description: 'Marked' })
  async markAllRead(@CurrentUser() user: SignedInUser): Promise<void> {
    await this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @Roles('director', 'payer', 'quality', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiNoContentResponse({ description: 'Marked' })
  @ApiNotFoundResponse({ description: 'You have no such notification' })
  async markRead(@CurrentUser() user: SignedInUser, @Param('id', ID_PIPE) id: number): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id))) {
      throw new NotFoundException(`You have no notification ${id}`);
    }
  }
}
