// A real OpenID Connect provider for the integration tests, built on panva's
// `oidc-provider` (9.x, ESM-only). See README.md beside this file.
//
//   OIDC_PORT=0 node tests/oidc/provider.mjs
//
// Prints exactly one line to stdout once it accepts connections:
//   listening http://127.0.0.1:PORT
// and that URL (no trailing slash) is the issuer. Everything else goes to stderr.
// Exits when killed, or when its stdin is a pipe and that pipe closes.
//
// Development only: it accepts any loopback redirect_uri ending in /auth/callback,
// signs in anyone with any password and grants consent without asking.

import { generateKeyPairSync } from 'node:crypto';
import { fstatSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// oidc-provider prints "NOTICE" lines with console.info (stdout); keep stdout for the
// listening line alone.
console.info = (...args) => console.error(...args);
console.log = (...args) => console.error(...args);
// A test that stops reading our output must not crash us with EPIPE.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const moduleDir = process.env.OIDC_PROVIDER_MODULE_DIR
  || join(repo, '.tools', 'node_modules', 'oidc-provider');

let Provider;
try {
  const pkg = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'));
  ({ default: Provider } = await import(pathToFileURL(join(moduleDir, pkg.main || 'lib/index.js')).href));
} catch (err) {
  console.error(`cannot load oidc-provider from ${moduleDir} (install it with: `
    + 'npm install --prefix .tools oidc-provider@9.13.3): ' + err.message);
  process.exit(2);
}

const requestedPort = Number(process.env.OIDC_PORT || 0);
const debug = Boolean(process.env.OIDC_DEBUG);

// Any http loopback URI with a port, path /auth/callback (the platform runs on a random port).
const CALLBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?\/auth\/callback$/;
// Any http loopback URI for post-logout redirects.
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?(\/[^#]*)?$/;

const CLIENTS = [
  ['council', 'council-secret'],
  ['tenant-directory', 'tenant-secret'],
];
const OUR_CLIENTS = new Set(CLIENTS.map(([id]) => id));
const SCOPE = 'openid email profile';

function account(login) {
  const email = login.includes('@') ? login : `${login}@example.org`;
  return {
    accountId: login,
    async claims() {
      return {
        sub: login,
        email,
        email_verified: !login.startsWith('unverified'),
        name: email.split('@')[0],
      };
    },
  };
}

// A fresh RS256 signing key on every start (clients fetch it from jwks_uri).
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

const configuration = {
  clients: CLIENTS.map(([clientId, secret]) => ({
    client_id: clientId,
    client_secret: secret,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
    // Placeholders: redirectUriAllowed below accepts any loopback port.
    redirect_uris: ['http://127.0.0.1/auth/callback'],
    post_logout_redirect_uris: ['http://127.0.0.1/'],
  })),
  jwks: { keys: [signingKey] },
  scopes: ['openid', 'email', 'profile'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // Put the scope's claims in the ID token too (by default a code flow's ID token carries
  // only sub and the protocol claims, the rest being left to userinfo).
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => (id ? account(String(id)) : undefined),
  // Skip consent ("skip consent" recipe): our first-party clients get openid email profile
  // granted as soon as the user has logged in.
  async loadExistingGrant(ctx) {
    const { client, session } = ctx.oidc;
    const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
    if (grantId) {
      const grant = await ctx.oidc.provider.Grant.find(grantId);
      if (grant && grant.accountId === session.accountId) return grant;
    }
    if (!session.accountId || !OUR_CLIENTS.has(client.clientId)) return undefined;
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope(SCOPE);
    await grant.save();
    return grant;
  },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  cookies: { keys: ['semp-council-oidc-test-cookie-key'] },
  async renderError(ctx, out) {
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = Object.entries(out).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
  },
};

const server = createServer();
server.listen(requestedPort, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, configuration);

  // "redirect_uri wildcards" recipe, narrowed to loopback callbacks on any port.
  const { redirectUriAllowed, postLogoutRedirectUriAllowed } = provider.Client.prototype;
  provider.Client.prototype.redirectUriAllowed = function loopbackRedirectUriAllowed(uri) {
    return CALLBACK.test(uri) || redirectUriAllowed.call(this, uri);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function loopbackPostLogout(uri) {
    return LOOPBACK.test(uri) || postLogoutRedirectUriAllowed.call(this, uri);
  };

  provider.on('server_error', (ctx, err) => console.error('oidc-provider server_error:', err));
  if (debug) {
    for (const event of ['authorization.error', 'grant.error', 'userinfo.error', 'end_session.error']) {
      provider.on(event, (ctx, err) => console.error(`oidc-provider ${event}:`, err.message, err.error_description || ''));
    }
  }

  server.on('request', provider.callback());
  process.stdout.write(`listening ${issuer}\n`);
});

// When stdin is a pipe (a test spawns us with a piped stdin and holds its end), exit when
// it closes, so a test that dies leaves no orphan. Not for /dev/null or a terminal.
let stdinIsPipe = false;
try {
  const st = fstatSync(0);
  stdinIsPipe = st.isFIFO() || st.isSocket();
} catch { /* no stdin */ }
if (stdinIsPipe) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
