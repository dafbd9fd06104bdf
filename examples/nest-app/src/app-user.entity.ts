import { Column, Entity } from 'typeorm';
import { AuthDefault, AuthField, AuthUser, BaseUser } from 'better-auth-entities/entities';

/** The app's user: the standard fields from BaseUser, plus a billing plan no sign-up form may set. */
@Entity('users', { synchronize: false }) // the shipped migrations own the auth tables
@AuthUser()
export class AppUser extends BaseUser {
  @Column({ type: 'varchar', length: 32, default: 'free' })
  @AuthDefault('free')
  @AuthField({ input: false })
  plan!: string;
}
