import { Controller, Get } from '@nestjs/common';
import { CurrentUser, Roles } from 'better-auth-entities/nest';
import { AppUser } from './app-user.entity';

@Controller('admin')
export class AdminController {
  /** Only for users whose `role` holds `admin` (set by the admin plugin's set-role): 403 FORBIDDEN for others. */
  @Roles('admin')
  @Get('overview')
  overview(@CurrentUser() user: AppUser) {
    return { admin: user.email };
  }
}
