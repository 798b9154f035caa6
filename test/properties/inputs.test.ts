/**
 * Property suites for stored and queued input (range rows, block messages, configuration), run as
 * one test file for the same reason as targets.test.ts. Each suite lives in its own `*.props.ts`.
 */
import './range-row.props.js';
import './block-message.props.js';
import './config.props.js';
