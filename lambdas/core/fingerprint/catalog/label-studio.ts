import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Label Studio (Community Edition). `GET /api/version/` is a plain Django view without login and
 * answers `collect_versions()`: `{"release", "label-studio-os-package": {"version",
 * "short_version", "latest_version_from_pypi", ...}, "label-studio-os-backend": {...}, ...}`
 * (`/api/version` without the slash is only Django's APPEND_SLASH redirect). Data APIs need a
 * login, but self-signup is open unless `DISABLE_SIGNUP_WITHOUT_LINK=true`: the login page links to
 * `/user/signup` exactly when signup is open (both the classic and the new login templates wrap
 * the link in `{% if not settings.DISABLE_SIGNUP_WITHOUT_LINK %}`), and a new account gets an API
 * token and joins the single organization with its projects and tasks. Open signup is therefore
 * reported as `none`. (The signup page itself renders in both states; only its POST checks the
 * invite token, so it is not used.)
 * Sources (HumanSignal/label-studio):
 * - label_studio/core/urls.py: `re_path(r'api/version/', views.version_page)`.
 * - label_studio/core/views.py: `version_page` (JsonResponse, no login decorator).
 * - label_studio/core/utils/common.py: `collect_versions`.
 * - label_studio/users/urls.py: `user/login/`, `user/signup/`.
 * - label_studio/users/views.py: `user_signup` (DISABLE_SIGNUP_WITHOUT_LINK checked on POST only).
 * - label_studio/users/templates/users/user_base.html, users/new-ui/user_login.html: signup link
 *   rendered only when `not settings.DISABLE_SIGNUP_WITHOUT_LINK`.
 * - label_studio/templates/simple.html: `<title>Label Studio</title>`.
 */
export const labelStudio: CatalogEntry = {
  service: 'label-studio',
  name: 'Label Studio',
  category: 'ml-platform',
  ports: [8080],
  sources: [
    'https://github.com/HumanSignal/label-studio/blob/develop/label_studio/core/urls.py',
    'https://github.com/HumanSignal/label-studio/blob/develop/label_studio/core/views.py',
    'https://github.com/HumanSignal/label-studio/blob/develop/label_studio/core/utils/common.py',
    'https://github.com/HumanSignal/label-studio/blob/develop/label_studio/users/views.py',
    'https://github.com/HumanSignal/label-studio/blob/develop/label_studio/users/templates/users/user_base.html',
    'https://github.com/HumanSignal/label-studio/blob/develop/label_studio/users/templates/users/new-ui/user_login.html',
  ],
  checkedAgainst: { evidence: 'source', release: 'develop, file-level: users/templates/users/new-ui/user_login.html e9a075c, user_base.html 3dfecb6, core/utils/common.py e126d9f' },
  exposes: 'labeling projects, tasks and annotations (raw training data)',
  identify: [
    {
      request: { path: '/api/version/' },
      match: {
        status: 200,
        json: [{ path: 'label-studio-os-package.version', type: 'string' }, { path: 'label-studio-os-backend', type: 'object' }],
      },
    },
  ],
  auth: [
    {
      request: { path: '/user/login/' },
      match: { status: 200, bodyContains: ['id="login-form"', '/user/signup"'] },
      auth: 'none',
      evidence:
        'GET /user/login/ -> {status} with a signup link: open self-signup (DISABLE_SIGNUP_WITHOUT_LINK unset), anyone can register and read all projects',
    },
    {
      request: { path: '/user/login/' },
      match: { status: 200, bodyContains: ['id="login-form"'], bodyExcludes: ['/user/signup"'] },
      auth: 'required',
      evidence: 'GET /user/login/ -> {status} login form without a signup link (DISABLE_SIGNUP_WITHOUT_LINK=true)',
    },
  ],
  version: [{ request: { path: '/api/version/' }, json: 'label-studio-os-package.version' }],
  // labelstud.io guide/signup ("Restrict signup for local deployments"): LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true
  // leaves only invite links (DISABLE_SIGNUP_WITHOUT_LINK in label_studio settings).
  remediation: {
    fix: 'Close open self-signup: set LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true so new accounts need the organization invite link, and create the initial user with --username/--password.',
    settings: ['LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK=true'],
    docs: 'https://labelstud.io/guide/signup.html',
    allows: ['read-data', 'write-data'],
  },
};
