import { IsArray, IsString } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Answer of `GET /token`. */
export class TokenResponse {
  @JSONSchema({ description: "A JWT of the caller's session, signed with the current key of /jwks" })
  @IsString()
  token!: string;
}

/** Answer of `GET /jwks`: a JSON Web Key Set (RFC 7517), public keys only. */
export class JwksResponse {
  @JSONSchema({
    description: 'The public keys tokens are verified with',
    items: {
      type: 'object',
      required: ['kid', 'kty', 'alg'],
      properties: {
        kid: { type: 'string', description: 'Key id, the `kid` of the tokens it signed' },
        kty: { type: 'string', description: "Key type ('OKP', 'EC', 'RSA')" },
        alg: { type: 'string', description: "Algorithm ('EdDSA', 'ES256', 'ES512', 'PS256', 'RS256')" },
        crv: { type: 'string', description: "Curve ('Ed25519', 'P-256', 'P-521')" },
        x: { type: 'string' },
        y: { type: 'string' },
        n: { type: 'string' },
        e: { type: 'string' },
      },
    },
  })
  @IsArray()
  keys!: object[];
}
