import { readFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both packages are CommonJS (`module.exports = X; exports.default = X`): under NodeNext the
// default import is the module object, so take its `default`.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

/** The OASIS SARIF 2.1.0 schema (Errata 01), JSON Schema draft-04: see test/fixtures/sarif/README.md. */
const schemaPath = path.resolve(import.meta.dirname, '../fixtures/sarif/sarif-schema-2.1.0.json');
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);

/** Validates a SARIF log against the schema; `validateSarif.errors` says why not. */
export const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>);
