import type { SocialProvider, ProviderProfile } from './provider';

/**
 * The user fields a profile fills: the standard ones the provider sent, then whatever the provider's
 * `mapProfileToUser` returns (custom fields of the app's class included; it may also replace the standard
 * ones). `email` and `emailVerified` are left to the caller, which decides them from the profile alone.
 */
export async function profileUserFields(provider: SocialProvider, profile: ProviderProfile): Promise<Record<string, unknown>> {
  const mapped = (await provider.settings.mapProfileToUser?.(profile.raw as Record<string, unknown>)) ?? {};
  const fields: Record<string, unknown> = { name: profile.name ?? '', image: profile.image, ...mapped };
  delete fields.email;
  delete fields.emailVerified;
  delete fields.id;
  return fields;
}
