import type { Severity } from '../alerts/alert-event.js';
import type { CatalogEntry } from '../fingerprint/catalog-schema.js';
import { raiseSeverity } from '../vulnerabilities/match-vulnerabilities.js';
import { type EndpointRecord, isOpenAuth } from './endpoint-record.js';

/**
 * How bad an endpoint is now, by the same rules as its alerts (see `decideSighting`): open is the
 * product's open severity (high, or critical where it runs code), a working default credential
 * is critical, known vulnerabilities raise it; a locked or undecided endpoint is `info`.
 */
export function endpointSeverity(record: Pick<EndpointRecord, 'auth' | 'service' | 'vulnerabilities'>, catalog: readonly CatalogEntry[]): Severity {
  if (!isOpenAuth(record.auth)) return 'info';
  const base: Severity = record.auth === 'default-credential' ? 'critical' : (catalog.find((e) => e.service === record.service)?.openSeverity ?? 'high');
  return raiseSeverity(base, record.vulnerabilities ?? []);
}
