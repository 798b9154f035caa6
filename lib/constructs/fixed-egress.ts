import { CfnOutput, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface FixedEgressProps {
  /** @default RetentionDays.ONE_MONTH */
  readonly flowLogRetention?: RetentionDays;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Optional fixed egress for the prober: a one-zone VPC whose private subnet leaves through a NAT
 * gateway with an Elastic IP, so every probe comes from one published address that network teams
 * can recognise or allow-list. Off by default: the NAT gateway costs about $33 a month plus $0.045
 * per GB, and the Elastic IP about $3.60 (us-east-1), far more than the scan itself.
 */
export class FixedEgress extends Construct {
  readonly vpc: ec2.Vpc;
  readonly eip: ec2.CfnEIP;
  readonly subnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };

  constructor(scope: Construct, id: string, props: FixedEgressProps = {}) {
    super(scope, id);
    this.eip = new ec2.CfnEIP(this, 'EgressAddress', { domain: 'vpc' });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 1,
      natGateways: 1,
      natGatewayProvider: ec2.NatProvider.gateway({ eipAllocationIds: [this.eip.attrAllocationId] }),
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 },
        { name: 'Prober', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
      // DynamoDB through a free gateway endpoint, not through the NAT gateway's per-GB charge.
      gatewayEndpoints: { DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB } },
    });
    const flowLogs = new LogGroup(this, 'FlowLogs', {
      retention: props.flowLogRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    // Rejected traffic only: what a network team asks about, at a fraction of a full flow log's cost.
    this.vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: ec2.FlowLogTrafficType.REJECT });
    new CfnOutput(this, 'EgressIp', { value: this.eip.attrPublicIp, description: "The prober's fixed egress address: publish it to your network team" });
  }
}
