import type * as OpenIdClient from 'openid-client';

export type OpenIdClientModule = typeof OpenIdClient;

/**
 * openid-client, loaded on first use. It is ESM-only: this CommonJS package reaches it through Node's
 * `require(esm)` (Node ≥ 20.19), and only apps that configure a provider ever load it.
 */
export function openIdClient(): Promise<OpenIdClientModule> {
  return import('openid-client');
}
