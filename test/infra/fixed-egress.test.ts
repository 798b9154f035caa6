import { describe, expect, it } from 'vitest';
import { logicalId, synthMonitor } from './infra-app.js';

// Synthesising runs the cdk-nag packs: an unacknowledged finding on the VPC would throw here.
const { stack, template } = synthMonitor({ fixedEgress: true });

describe('ExposureMonitorStack with fixedEgress', () => {
  it('sends the prober out through one NAT gateway with one Elastic IP, and outputs the address', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::EIP', 1);
    const outputs = Object.entries(template.toJSON().Outputs as Record<string, { Value: unknown }>);
    expect(outputs.some(([id]) => id.includes('EgressIp'))).toBe(true);
  });

  it('puts only the prober in the VPC', () => {
    const resources = template.toJSON().Resources as Record<string, { Properties: { VpcConfig?: unknown } }>;
    expect(resources[logicalId(stack.pipeline.prober.fn)]?.Properties.VpcConfig).toBeDefined();
    expect(resources[logicalId(stack.pipeline.planner.fn)]?.Properties.VpcConfig).toBeUndefined();
    expect(resources[logicalId(stack.alerting.notifier.fn)]?.Properties.VpcConfig).toBeUndefined();
  });

  it('reaches DynamoDB through a gateway endpoint and logs rejected flows', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' });
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'REJECT' });
  });
});

describe('ExposureMonitorStack by default', () => {
  it('has no VPC, NAT gateway or Elastic IP', () => {
    const { template: plain } = synthMonitor({});
    for (const type of ['AWS::EC2::VPC', 'AWS::EC2::NatGateway', 'AWS::EC2::EIP']) plain.resourceCountIs(type, 0);
  });
});
