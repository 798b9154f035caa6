import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag's AWS Solutions and Serverless packs run at every synth; an unacknowledged finding
 * fails it. Each acknowledgement sits next to the resource it concerns, with a one-line reason.
 */
export function addNagChecks(app: IConstruct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}

/** How cdk-nag names an attribute of a resource inside a finding id: `<LogicalId.Arn>`. */
export function nagRef(resource: IConstruct, attribute = 'Arn'): string {
  const cfn = (resource.node.defaultChild ?? resource) as CfnElement;
  return `<${Stack.of(resource).getLogicalId(cfn)}.${attribute}>`;
}

/**
 * Acknowledges the findings every CMK grant raises: `grantEncryptDecrypt` (tables, queues) adds
 * the KMS action families `kms:GenerateDataKey*` and `kms:ReEncrypt*`, scoped to one key ARN.
 */
export function acknowledgeKeyGrants(scope: IConstruct): void {
  const reason = 'CDK grant on this stack\'s own customer-managed key: the envelope-encryption action families, on that key ARN only.';
  Validations.of(scope).acknowledge(
    { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason },
    { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason },
  );
}

/** Acknowledges the `table/index/*` resource that `grantReadWriteData` adds for the table's indexes. */
export function acknowledgeIndexGrant(scope: IConstruct, table: IConstruct): void {
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${nagRef(table)}/index/*]`,
    reason: 'CDK table grant covers the table\'s indexes; the state table has one, the sparse outbox index.',
  });
}
