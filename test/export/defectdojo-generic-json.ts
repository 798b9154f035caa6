/**
 * The checks DefectDojo's "Generic Findings Import" JSON parser makes, re-stated in TypeScript so
 * the export can be checked offline. Source: dojo/tools/generic/json_parser.py
 * (GenericJSONParser._get_test_json), dojo/finding/models.py (field lengths), dojo/models.py
 * (SEVERITY_CHOICES) and dojo/validators.py (tag rule), github.com/DefectDojo/django-DefectDojo
 * commit 7cfa159a6767b0ac6e66f3b1597a997e607e7308. Where the parser raises, the message is its own.
 */

/** Popped from each finding before the allowed-keys check. */
const POPPED = ['endpoints', 'files', 'tags', 'vulnerability_ids', 'cwes'];
const REQUIRED = ['title', 'severity', 'description'];
const ALLOWED = new Set([
  'date', 'cwe', 'cve', 'epss_score', 'epss_percentile', 'cvssv3', 'cvssv3_score', 'cvssv4', 'cvssv4_score',
  'mitigation', 'impact', 'steps_to_reproduce', 'severity_justification', 'references', 'active', 'verified',
  'false_p', 'out_of_scope', 'risk_accepted', 'under_review', 'is_mitigated', 'thread_id', 'mitigated',
  'numerical_severity', 'param', 'payload', 'line', 'file_path', 'component_name', 'component_version',
  'static_finding', 'dynamic_finding', 'scanner_confidence', 'unique_id_from_tool', 'vuln_id_from_tool',
  'sast_source_object', 'sast_sink_object', 'sast_source_line', 'sast_source_file_path', 'nb_occurences',
  'publish_date', 'service', 'planned_remediation_date', 'planned_remediation_version', 'effort_for_fixing',
  'tags', 'kev_date', 'known_exploited', 'ransomware_used', 'fix_available', 'fix_version',
  ...REQUIRED,
]);
/** Finding severity choices. */
export const DOJO_SEVERITIES = ['Info', 'Low', 'Medium', 'High', 'Critical'];
/** CharField max_length on Finding. */
const MAX_LENGTH: Readonly<Record<string, number>> = {
  title: 511,
  cve: 50,
  component_name: 500,
  component_version: 100,
  unique_id_from_tool: 500,
  vuln_id_from_tool: 500,
};
const TEXT_FIELDS = ['title', 'description', 'mitigation', 'impact', 'references', 'steps_to_reproduce', 'severity_justification', 'cve', 'component_name', 'component_version', 'unique_id_from_tool', 'vuln_id_from_tool'];
const BOOLEAN_FIELDS = ['active', 'verified', 'false_p', 'out_of_scope', 'risk_accepted', 'under_review', 'is_mitigated', 'static_finding', 'dynamic_finding'];
/** dojo/validators.py TAG_PATTERN: spaces, commas, single and double quotes. */
const TAG_PATTERN = /[ ,'"]/;

/**
 * Problems DefectDojo would have importing `data` as a Generic Findings Import JSON report; empty
 * when it imports. The first problem of a finding is the parser's own error where it raises one.
 */
export function genericJsonProblems(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['the report is not a JSON object'];
  const findings = (data as { findings?: unknown }).findings ?? [];
  if (!Array.isArray(findings)) return ['"findings" is not a list'];
  const problems: string[] = [];
  findings.forEach((raw: unknown, i) => {
    const at = `findings[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${at}: not an object`);
      return;
    }
    const item: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    const popped = Object.fromEntries(POPPED.filter((k) => k in item).map((k) => [k, item[k]]));
    for (const k of POPPED) delete item[k];
    const missing = REQUIRED.filter((k) => !(k in item)).sort();
    if (missing.length > 0) problems.push(`${at}: Required fields are missing: [${missing.map((k) => `'${k}'`).join(', ')}]`);
    const notAllowed = Object.keys(item).filter((k) => !ALLOWED.has(k)).sort();
    if (notAllowed.length > 0) problems.push(`${at}: Not allowed fields are present: [${notAllowed.map((k) => `'${k}'`).join(', ')}]`);
    if ('severity' in item && !DOJO_SEVERITIES.includes(item.severity as string)) problems.push(`${at}: severity ${JSON.stringify(item.severity)} is not one of ${DOJO_SEVERITIES.join(', ')}`);
    for (const k of ['date', 'mitigated']) {
      if (k in item && (typeof item[k] !== 'string' || Number.isNaN(Date.parse(item[k] as string)))) problems.push(`${at}: ${k} ${JSON.stringify(item[k])} is not a date`);
    }
    for (const k of TEXT_FIELDS) if (k in item && typeof item[k] !== 'string') problems.push(`${at}: ${k} is not a string`);
    for (const k of BOOLEAN_FIELDS) if (k in item && typeof item[k] !== 'boolean') problems.push(`${at}: ${k} is not a boolean`);
    for (const [k, max] of Object.entries(MAX_LENGTH)) {
      if (typeof item[k] === 'string' && (item[k] as string).length > max) problems.push(`${at}: ${k} is longer than ${max}`);
    }
    const endpoints = popped.endpoints;
    if (endpoints !== undefined) {
      if (!Array.isArray(endpoints)) problems.push(`${at}: endpoints is not a list`);
      else {
        for (const e of endpoints) {
          if (typeof e === 'string') {
            // Endpoint.from_uri: a full URI when it holds "://", else "//" + the value.
            try {
              const url = new URL(e.includes('://') ? e : `http://${e}`);
              if (url.hostname === '') problems.push(`${at}: endpoint ${JSON.stringify(e)} has no host`);
            } catch {
              problems.push(`${at}: endpoint ${JSON.stringify(e)} is not a URI`);
            }
          } else if (typeof e !== 'object' || e === null) problems.push(`${at}: endpoint ${JSON.stringify(e)} is neither a string nor an object`);
        }
      }
    }
    const tags = popped.tags;
    if (tags !== undefined) {
      if (!Array.isArray(tags)) problems.push(`${at}: tags is not a list`);
      else for (const t of tags) if (typeof t !== 'string' || TAG_PATTERN.test(t)) problems.push(`${at}: Invalid tag: ${JSON.stringify(t)}. Tags should not contain spaces, commas, or quotes.`);
    }
    const ids = popped.vulnerability_ids;
    if (ids !== undefined && typeof ids !== 'string' && !(Array.isArray(ids) && ids.every((v) => typeof v === 'string'))) problems.push(`${at}: vulnerability_ids is not a list of strings`);
  });
  return problems;
}
