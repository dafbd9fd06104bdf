import { Controller, Get } from '@nestjs/common';
import { CurrentUser, OptionalAuth, Public } from 'better-auth-entities/nest';
import { AppUser } from './app-user.entity';

@Controller()
export class ProfileController {
  /** Protected by the global AuthGuard: 401 without a session; the app's own user class with one. */
  @Get('profile')
  profile(@CurrentUser() user: AppUser) {
    return { email: user.email, plan: user.plan };
  }

  /** Open to everyone. */
  @Public()
  @Get('health')
  health() {
    return { ok: true };
  }

  /** Open, and aware of who is asking. */
  @OptionalAuth()
  @Get('hello')
  hello(@CurrentUser() user: AppUser | null) {
    return { message: user ? `Hello, ${user.name}` : 'Hello, guest' };
  }
}
