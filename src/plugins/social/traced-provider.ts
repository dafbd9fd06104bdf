import { telemetry } from '../../observability/telemetry';
import type { SocialProvider } from './provider';

/**
 * A provider whose calls are client spans `social.<call> <provider id>` with `auth.social.provider`: building
 * the authorization URL (discovery), redeeming the code (token endpoint, ID token checks, userinfo),
 * checking an ID token, refreshing. Never a code, token, state or profile field: the span says which
 * provider was slow or refused, and `error.type` carries the `ProviderError` code.
 */
export function traceProvider(provider: SocialProvider): SocialProvider {
  const attributes = Object.freeze({ 'auth.social.provider': provider.id });
  const span = <T>(call: string, work: () => Promise<T>) => telemetry.inSpan(`social.${call} ${provider.id}`, attributes, work, 'client');
  const traced: SocialProvider = {
    id: provider.id,
    settings: provider.settings,
    responseMode: provider.responseMode,
    authorizationURL: (params) => span('authorization_url', () => provider.authorizationURL(params)),
    exchange: (params) => span('exchange', () => provider.exchange(params)),
  };
  const { verifyIdToken, refresh } = provider;
  if (verifyIdToken) traced.verifyIdToken = (token, nonce) => span('verify_id_token', () => verifyIdToken.call(provider, token, nonce));
  if (refresh) traced.refresh = (refreshToken) => span('refresh', () => refresh.call(provider, refreshToken));
  return traced;
}
