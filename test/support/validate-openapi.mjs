// Validates an OpenAPI document with @seriousme/openapi-schema-validator (ESM-only, so jest runs this in a
// child process). Usage: node test/support/validate-openapi.mjs < document.json
// Prints one JSON line { valid, version, errors } and exits 0 when valid, 1 when not.
import { Validator } from '@seriousme/openapi-schema-validator';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const validator = new Validator({ strict: false });
const result = await validator.validate(document);
process.stdout.write(`${JSON.stringify({ valid: result.valid, version: validator.version ?? null, errors: result.errors ?? null })}\n`);
process.exit(result.valid ? 0 : 1);
