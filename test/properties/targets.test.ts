/**
 * Property suites for target parsing, run as one test file: vitest loads every test file's modules
 * afresh (about 1 s each here) and a 2-core machine gets a single worker, so fewer files keep the
 * whole folder under 20 s. Each suite lives in its own `*.props.ts` module.
 */
import './cidr.props.js';
import './ports-and-targets.props.js';
import './address-policy.props.js';
