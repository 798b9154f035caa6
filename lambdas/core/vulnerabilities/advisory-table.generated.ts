// GENERATED FILE: do not edit. Written by `npm run advisories` (test/advisories/generate-advisory-table.ts)
// from the GitHub Advisory Database records recorded under data/advisories/ (fetched
// 2026-12-02). 18 advisories, 19 rows, 5 products.
import type { AdvisoryRow } from './advisory-row.js';

/** [service, GHSA id, CVE id or "", affected range, severity (c/h/m/l), summary]. */
export const GENERATED_ADVISORY_ROWS: readonly AdvisoryRow[] = [
  ["gradio","GHSA-37qc-qgx6-9xjv","CVE-2024-47166","<4.44.0","m","Gradio has a one-level read path traversal in `/custom_component`"],
  ["gradio","GHSA-3c67-5hwx-f6wx","CVE-2024-47084","<4.44.0","h","Gradios's CORS origin validation is not performed when the request has a cookie"],
  ["gradio","GHSA-3qqg-pgqq-3695","CVE-2023-34239","<3.34.0","h","Gradio vulnerable to arbitrary file read and proxying of arbitrary URLs"],
  ["gradio","GHSA-3x5j-9vwr-8rr5","CVE-2023-25823","<3.13.1","m","Update share links to use FRP instead of SSH tunneling"],
  ["gradio","GHSA-6qm2-wpxq-7qh2","CVE-2023-51449","<4.11.0","m","Gradio makes the `/file` secure against file traversal and server-side request forgery attacks"],
  ["gradio","GHSA-77xq-6g77-h274","CVE-2024-47164","<5.0.0","m","Gradio's `is_in_or_equal` function may be bypassed"],
  ["gradio","GHSA-89v2-pqfv-c5r9","CVE-2024-47165","<5.0.0","m","Gradio's CORS origin validation accepts the null origin"],
  ["gradio","GHSA-f8xq-q7px-wg8c","CVE-2022-24770","<2.8.11","h","Improper Neutralization of Formula Elements in a CSV File in Gradio Flagging"],
  ["langflow","GHSA-5993-7p27-66g5","CVE-2025-68477","<1.7.1","h","Langflow vulnerable to Server-Side Request Forgery"],
  ["langflow","GHSA-f43r-cc68-gpx4","CVE-2025-68478","<1.7.1","h","External Control of File Name or Path in Langflow"],
  ["n8n","GHSA-58jc-rcg5-95f3","CVE-2025-61914","<1.114.0","h","n8n's Possible Stored XSS in \"Respond to Webhook\" Node May Execute Outside iframe Sandbox"],
  ["n8n","GHSA-62r4-hw23-cc8v","CVE-2025-68668",">=1.0.0 <2.0.0","c","n8n Vulnerable to Arbitrary Command Execution in Pyodide based Python Code Node"],
  ["n8n","GHSA-j4p8-h8mh-rh8q","CVE-2025-68697",">=1.2.1 <2.0.0","h","Self-hosted n8n has Legacy Code node that enables arbitrary file read/write"],
  ["n8n","GHSA-v98v-ff95-f3cp","CVE-2025-68613",">=0.211.0 <1.120.4","c","n8n Vulnerable to Remote Code Execution via Expression Injection"],
  ["n8n","GHSA-v98v-ff95-f3cp","CVE-2025-68613",">=1.121.0 <1.121.1","c","n8n Vulnerable to Remote Code Execution via Expression Injection"],
  ["n8n","GHSA-wpqc-h9wp-chmq","CVE-2025-65964",">=0.123.1 <1.119.2","c","n8n vulnerable to Remote Code Execution via Git Node Custom Pre-Commit Hook"],
  ["ollama","GHSA-8hqg-whrw-pv92","CVE-2024-37032","<0.1.34","m","Ollama does not validate the format of the digest (sha256 with 64 hex digits)"],
  ["vllm","GHSA-8fr4-5q9j-m8gm","CVE-2025-66448","<0.11.1","h","vLLM vulnerable to remote code execution via transformers_utils/get_config"],
  ["vllm","GHSA-9pcc-gvx5-r5wm","CVE-2025-30165",">=0.5.2 <0.10.0","h","Remote Code Execution Vulnerability in vLLM Multi-Node Cluster Configuration"],
];
