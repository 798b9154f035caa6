import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { DiscoveryProblem } from '../../../core/discovery/discovered-target.js';
import { type CredentialProvider, type DiscoveryClients, describeAwsError, type RoleCredentials } from './clients.js';

export interface AccountScope {
  readonly account: string;
  /** Undefined: the function's own credentials (its own account). */
  readonly credentials?: CredentialProvider;
}

export interface AccountOptions {
  /** Member accounts to read through `roleName`; nothing else is ever assumed. */
  readonly allowList: readonly string[];
  /** The read-only role each allow-listed member account provides. */
  readonly roleName?: string;
  /** Partition for role ARNs (`aws`, `aws-us-gov`, `aws-cn`). */
  readonly partition?: string;
  /** Credential providers by role ARN, kept across cycles so a warm function reuses its clients. */
  readonly roles?: Map<string, CredentialProvider>;
}

export const ROLE_SESSION_NAME = 'ai-exposure-monitor-discovery';

export function roleArn(account: string, roleName: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:role/${roleName}`;
}

/**
 * The accounts to discover: always the function's own; with an allow-list and a role name, also
 * the allow-listed accounts that AWS Organizations lists as active (when the listing is not
 * permitted, the allow-list alone is used and that is reported). A role that cannot be assumed is
 * a problem for that account only.
 */
export async function accountScopes(clients: DiscoveryClients, options: AccountOptions, report: (p: DiscoveryProblem) => void): Promise<AccountScope[]> {
  const identity = await clients.sts().send(new GetCallerIdentityCommand({}));
  const self = identity.Account ?? 'self';
  const partition = options.partition ?? identity.Arn?.split(':')[1] ?? 'aws';
  const scopes: AccountScope[] = [{ account: self }];
  const wanted = [...new Set(options.allowList)].filter((a) => a !== self);
  if (wanted.length === 0 || !options.roleName) return scopes;
  const roleName = options.roleName;

  let members = wanted;
  try {
    const active = new Set<string>();
    let token: string | undefined;
    do {
      const out = await clients.organizations().send(new ListAccountsCommand({ MaxResults: 20, ...(token ? { NextToken: token } : {}) }));
      for (const a of out.Accounts ?? []) if (a.Id && (a.State ?? a.Status) === 'ACTIVE') active.add(a.Id);
      token = out.NextToken;
    } while (token);
    members = wanted.filter((a) => {
      if (active.has(a)) return true;
      // A definite answer, not a failure: the account's discovered rows go, as for a vanished resource.
      report({ source: 'aws:organizations', account: a, error: `account ${a} is on the discovery allow-list but is not an active account of the organization; skipped`, keepRows: false });
      return false;
    });
  } catch (err) {
    // Not the management (or delegated administrator) account: the allow-list is still authoritative.
    report({ source: 'aws:organizations', error: `ListAccounts failed (${describeAwsError(err)}); using the allow-list of ${wanted.length} account${wanted.length === 1 ? '' : 's'} as given`, keepRows: false });
  }

  for (const account of members) {
    const arn = roleArn(account, roleName, partition);
    let provider = options.roles?.get(arn);
    if (!provider) {
      provider = assumedRole(clients, arn);
      options.roles?.set(arn, provider);
    }
    try {
      await provider();
      scopes.push({ account, credentials: provider });
    } catch (err) {
      report({ source: 'aws:sts', account, error: `cannot assume ${arn}: ${describeAwsError(err)}; this account is skipped this cycle, the others go on` });
    }
  }
  return scopes;
}

/** A credential provider for one role: assumes it once, then again only shortly before the credentials expire. */
export function assumedRole(clients: DiscoveryClients, arn: string): CredentialProvider {
  let current: RoleCredentials | undefined;
  let pending: Promise<RoleCredentials> | undefined;
  return async () => {
    if (current?.expiration && current.expiration.getTime() - Date.now() > 60_000) return current;
    pending ??= clients
      .sts()
      .send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: ROLE_SESSION_NAME, DurationSeconds: 900 }))
      .then((out) => {
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole of ${arn} returned no credentials`);
        current = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}), ...(c.Expiration ? { expiration: c.Expiration } : {}) };
        return current;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
