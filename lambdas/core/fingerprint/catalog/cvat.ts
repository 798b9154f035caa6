import type { CatalogEntry } from '../catalog-schema.js';

/**
 * CVAT (Computer Vision Annotation Tool: image and video labeling for training data), port 8080
 * (the Traefik entry of the Docker Compose install). Every data route needs a login; the server
 * states what it is on a route open to everyone, which the UI reads before sign-in.
 * - `GET /api/server/about` (`permission_classes=[]`, "available for everyone"): `{"name":
 *   "Computer Vision Annotation Tool", "description": "CVAT is completely re-designed and
 *   re-implemented version of Video Annotation Tool ...", "version", ...}` (newer releases add
 *   `subtitle` and `logo_url`). The product name and its own description text are two specific
 *   markers; the UI is an SPA served for any path, so `/` cannot be a second one.
 * - `GET /api/projects` without a session: 401 (DRF "Authentication credentials were not provided.").
 * Read from source at 00218ee (cvat-ai/cvat, cvat/apps/engine/views.py, `ServerViewSet.about`, `ProjectViewSet`), and
 * the same `about` in a later revision of that file with `subtitle` and `logo_url` (read through the code index).
 */
export const cvat: CatalogEntry = {
  service: 'cvat',
  name: 'CVAT',
  category: 'ml-platform',
  ports: [8080],
  sources: ['https://github.com/cvat-ai/cvat/blob/develop/cvat/apps/engine/views.py'],
  checkedAgainst: { evidence: 'source', release: '00218ee (cvat-ai/cvat, cvat/apps/engine/views.py, `ServerViewSet.about`, `ProjectViewSet`), and' },
  exposes: 'labeling projects, tasks, images and video, annotations and exported datasets for whoever signs in',
  identify: [
    {
      request: { path: '/api/server/about' },
      match: {
        status: 200,
        json: [
          { path: 'name', equals: 'Computer Vision Annotation Tool' },
          { path: 'description', contains: 'CVAT is completely re-designed' },
          { path: 'version', type: 'string' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/projects' },
      match: { status: [401, 403] },
      auth: 'required',
      evidence: 'GET /api/projects -> {status} without a session (CVAT needs a login)',
    },
    {
      request: { path: '/api/projects' },
      match: { status: 200, json: [{ path: 'results', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/projects -> {status}: {count:results[]} projects listed without a login',
    },
  ],
  version: [{ request: { path: '/api/server/about' }, json: 'version' }],
  // docs "Installation" (administration/basics/installation): CVAT_HOST and the HTTPS compose override; accounts are
  // created by the admin (createsuperuser) and sign-up can be left to invited users only.
  remediation: {
    fix: 'Keep CVAT behind its login on HTTPS (the docker-compose.https.yml override), give accounts only to the people who label, and keep it off public addresses where not needed.',
    settings: ['CVAT_HOST', 'docker-compose.https.yml', 'python3 manage.py createsuperuser'],
    docs: 'https://docs.cvat.ai/docs/administration/basics/installation/',
    allows: ['read-data', 'write-data'],
  },
};
