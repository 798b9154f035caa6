import type { CatalogEntry } from '../catalog-schema.js';

/**
 * KubeAI (Kubernetes operator that serves LLMs through vLLM/Ollama/Infinity pods): its OpenAI
 * proxy listens on :8000 (the `kubeai` Service maps port 80 to it). The proxy has no authentication:
 * it relies on the cluster network, so a Service exposed through a LoadBalancer or Ingress is open.
 * - `GET /openai/v1/models`: `{"object": "list", "data": [{"id", "created", "object": "model", "owned_by": <spec.owner>,
 *   "features": ["TextGeneration", ...]}]}`; only text-generation models unless `?feature=` says otherwise.
 * Markers: the `/openai/v1` prefix (KubeAI's own; the OpenAI routes are not served at `/v1`) and the non-OpenAI
 * `features` list with KubeAI's feature names. An instance with no model deployed answers an empty list and
 * is not identified (nothing to use yet).
 * Read from source at helm-chart-kubeai-0.21.0-3-g2f32ef4 (substratusai/kubeai, 2025-07-06): internal/openaiserver/handler.go
 * (routes under /openai/v1, no auth), internal/openaiserver/models.go (Model with Features), internal/manager/run.go
 * (api server Addr ":8000"), api/k8s/v1 ModelFeature values.
 */
export const kubeai: CatalogEntry = {
  service: 'kubeai',
  name: 'KubeAI',
  category: 'llm-server',
  ports: [8000],
  sources: [
    'https://github.com/substratusai/kubeai/blob/main/internal/openaiserver/handler.go',
    'https://github.com/substratusai/kubeai/blob/main/internal/openaiserver/models.go',
    'https://github.com/substratusai/kubeai/blob/main/internal/manager/run.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'helm-chart-kubeai-0.21.0-3-g2f32ef4 (substratusai/kubeai, 2025-07-06)' },
  exposes: 'model list and unauthenticated inference on the cluster\'s GPUs',
  identify: [
    {
      request: { path: '/openai/v1/models' },
      match: {
        status: 200,
        json: [
          { path: 'object', equals: 'list' },
          { path: 'data[].features', type: 'array' },
        ],
        bodyRegex: '"features"\\s*:\\s*\\[[^\\]]*"(TextGeneration|TextEmbedding|SpeechToText)"',
      },
    },
  ],
  auth: [
    {
      request: { path: '/openai/v1/models' },
      match: { status: 200, json: [{ path: 'data[].features', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /openai/v1/models -> {status} without credentials, {count:data[]} models (first: {json:data[].id}); KubeAI\'s proxy has no auth',
    },
  ],
  // docs: KubeAI is meant to be reached inside the cluster; expose it only through an authenticating gateway.
  remediation: {
    fix: 'KubeAI\'s OpenAI proxy has no authentication: keep the `kubeai` Service as ClusterIP and put an authenticating gateway (API keys, OIDC) in front of any external access.',
    settings: ['service.type: ClusterIP', 'authenticating ingress or API gateway'],
    docs: 'https://www.kubeai.org',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/openai/v1/models' }, json: 'data[].id' }],
};
