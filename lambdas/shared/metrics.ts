import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The dashboard's custom metrics (namespace and names are shared with lib/constructs/monitoring.ts). */
export const METRICS_NAMESPACE = 'AiExposureMonitor';
export const METRIC = { Runs: 'Runs', Probes: 'Probes', AiEndpoints: 'AiEndpoints', AlertsSent: 'AlertsSent', AlertsDeadLettered: 'AlertsDeadLettered', RangeRowsRejected: 'RangeRowsRejected', DiscoveryProblems: 'DiscoveryProblems', DiscoveredTargets: 'DiscoveredTargets' } as const;

export function lambdaMetrics(serviceName: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
}

export function countMetric(metrics: Metrics, name: keyof typeof METRIC, value: number): void {
  metrics.addMetric(METRIC[name], MetricUnit.Count, value);
}
