import type { ClientAuth } from 'openid-client';
import type { OpenIdClientModule } from '../openid-client';
import type { TokenEndpointAuth } from '../provider';


/** openid-client's client authentication for a setting; a client without a secret is a public one. */
export function clientAuthentication(client: OpenIdClientModule, method: TokenEndpointAuth | undefined, secret: string | undefined): ClientAuth {
  if (secret === undefined || method === 'none') return client.None();
  return method === 'client_secret_post' ? client.ClientSecretPost(secret) : client.ClientSecretBasic(secret);
}
