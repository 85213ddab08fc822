import type { AdminUser, AdminUserList } from '@iop/contracts';
import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser } from '../access/request-user.decorator';
import { Roles } from '../access/roles.decorator';
import type { SignedInUser } from '../access/signed-in-user';
import { ApiRefusesParameters, NoParameters } from '../common/no-parameters.dto';
import { AdminUserDoc, AdminUserListDoc, CreateUserDto, UpdateUserDto } from './admin-users.dto';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin')
@Controller({ path: 'admin/users', version: '1' })
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every account, with its role, payer, programs and whether it is disabled or locked' })
  @ApiOkResponse({ type: AdminUserListDoc })
  @ApiRefusesParameters()
  async list(@Query() _none: NoParameters): Promise<AdminUserList> {
    return { users: await this.users.list() };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an account with an initial password (audited as admin.user.create)' })
  @ApiCreatedResponse({ type: AdminUserDoc })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed, or does not fit the role' })
  @ApiConflictResponse({ description: 'An account with this e-mail already exists' })
  create(@CurrentUser() admin: SignedInUser, @Body() body: CreateUserDto, @Req() request: Request): Promise<AdminUser> {
    return this.users.create(admin, body, request.ip ?? null);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Change an account: name, role, payer, programs, disabled, unlock, password (audited as admin.user.update). ' +
      'Disabling it, changing its role or its password ends its sessions.',
  })
  @ApiOkResponse({ type: AdminUserDoc })
  @ApiBadRequestResponse({ description: 'A field is malformed, or the change would disable or demote yourself' })
  @ApiNotFoundResponse({ description: 'No account with this id' })
  update(
    @CurrentUser() admin: SignedInUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateUserDto,
    @Req() request: Request,
  ): Promise<AdminUser> {
    return this.users.update(admin, id, body, request.ip ?? null);
  }
}
