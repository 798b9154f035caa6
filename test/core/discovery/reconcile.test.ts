import { describe, expect, it } from 'vitest';
import type { DiscoveredTarget } from '../../../lambdas/core/discovery/discovered-target.js';
import { reconcileDiscovered } from '../../../lambdas/core/discovery/reconcile.js';
import { validateMonitoredRow } from '../../../lambdas/core/targets/range-row.js';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const policy = { allowPrivate: false, maxRangePrefixV4: 16 };
const t = (target: string, source: DiscoveredTarget['source'], resourceId: string, account = ACCOUNT): DiscoveredTarget => ({ target, source, resourceId, account, region: 'eu-west-1' });
const discoveredRow = (cidr: string, source: string, resourceId: string, account = ACCOUNT): Record<string, unknown> => ({ cidr, source, resourceId, account, region: 'eu-west-1', label: `${source} ${resourceId}` });

describe('reconcileDiscovered', () => {
  it('turns addresses into /32 and /128 rows and names into name rows, with source, resource and account', () => {
    const r = reconcileDiscovered([], {
      targets: [t('198.51.100.7', 'aws:eip', 'eipalloc-1'), t('2001:db8::5', 'aws:ec2-instance', 'i-6'), t('LB-1.eu-west-1.ELB.amazonaws.com.', 'aws:elbv2', 'arn:lb/app/web/1')],
      problems: [],
    });
    expect(r.put.map((row) => [row.cidr, row.source, row.resourceId, row.account])).toEqual([
      ['198.51.100.7/32', 'aws:eip', 'eipalloc-1', ACCOUNT],
      ['2001:db8::5/128', 'aws:ec2-instance', 'i-6', ACCOUNT],
      ['lb-1.eu-west-1.elb.amazonaws.com', 'aws:elbv2', 'arn:lb/app/web/1', ACCOUNT],
    ]);
    expect(r.delete).toEqual([]);
  });

  it('writes rows the range-row validation accepts, keeping the owning resource', () => {
    const r = reconcileDiscovered([], { targets: [t('127.0.40.7', 'aws:eni', 'eni-9')], problems: [] });
    const row = validateMonitoredRow(r.put[0], policy, [80]);
    expect(row.discovered).toEqual({ source: 'aws:eni', resourceId: 'eni-9', account: ACCOUNT, region: 'eu-west-1' });
  });

  it('lets a manual row with the same target win, and never writes or deletes manual rows', () => {
    const manual = [{ cidr: '198.51.100.7/32', label: 'mine', ports: [8080] }, { cidr: 'chat.example.com', label: 'chat' }];
    const r = reconcileDiscovered(manual, { targets: [t('198.51.100.7', 'aws:eip', 'eipalloc-1'), t('chat.example.com', 'aws:route53', 'Z1/chat.example.com/A')], problems: [] });
    expect(r.put).toEqual([]);
    expect(r.delete).toEqual([]);
    expect(r.skipped.map((s) => [s.target, s.problem])).toEqual([
      ['198.51.100.7', false],
      ['chat.example.com', false],
    ]);
    expect(r.skipped[0]?.reason).toContain('manual row for 198.51.100.7/32 wins');
  });

  it("applies a manual row's exclude to discovered addresses inside its CIDR, and leaves the rest of its CIDR to it", () => {
    const manual = [{ cidr: '198.51.100.0/24', exclude: ['198.51.100.128/25'] }];
    const r = reconcileDiscovered(manual, { targets: [t('198.51.100.200', 'aws:eip', 'eipalloc-2'), t('198.51.100.5', 'aws:eip', 'eipalloc-3'), t('203.0.113.9', 'aws:eip', 'eipalloc-4')], problems: [] });
    expect(r.put.map((row) => row.cidr)).toEqual(['203.0.113.9/32']);
    expect(r.skipped.find((s) => s.target === '198.51.100.200')?.reason).toBe('excluded by manual row 198.51.100.0/24 (exclude 198.51.100.128/25)');
    expect(r.skipped.find((s) => s.target === '198.51.100.5')?.reason).toBe('inside manual row 198.51.100.0/24, which wins');
  });

  it('deletes a discovered row whose resource disappeared, and one a new manual row now covers', () => {
    const existing = [discoveredRow('203.0.113.9/32', 'aws:eip', 'eipalloc-4'), discoveredRow('203.0.113.10/32', 'aws:eip', 'eipalloc-5'), { cidr: '198.51.100.0/24' }, discoveredRow('198.51.100.3/32', 'aws:eip', 'eipalloc-6')];
    const r = reconcileDiscovered(existing, { targets: [t('203.0.113.9', 'aws:eip', 'eipalloc-4'), t('198.51.100.3', 'aws:eip', 'eipalloc-6')], problems: [] });
    expect(r.put).toEqual([]); // unchanged rows are not rewritten
    expect([...r.delete].sort()).toEqual(['198.51.100.3/32', '203.0.113.10/32']);
  });

  it("keeps the rows of a source or an account that failed this cycle (the last good discovery stands), and deletes the others' gone rows", () => {
    const existing = [
      discoveredRow('zone-a.example.com', 'aws:route53', 'Z1/zone-a.example.com/A'),
      discoveredRow('203.0.113.10/32', 'aws:eip', 'eipalloc-5'),
      discoveredRow('203.0.113.11/32', 'aws:ec2-instance', 'i-1', OTHER),
      discoveredRow('203.0.113.12/32', 'aws:ec2-instance', 'i-2', '777788889999'),
    ];
    const r = reconcileDiscovered(existing, {
      targets: [],
      problems: [
        { source: 'aws:route53', account: ACCOUNT, error: 'throttled' },
        { source: 'aws:sts', account: OTHER, error: 'AccessDenied' },
      ],
    });
    expect([...r.kept].sort()).toEqual(['203.0.113.11/32', 'zone-a.example.com']);
    expect([...r.delete].sort()).toEqual(['203.0.113.10/32', '203.0.113.12/32']);
  });

  it('keeps every discovered row when discovery as a whole failed', () => {
    const existing = [discoveredRow('203.0.113.10/32', 'aws:eip', 'eipalloc-5'), discoveredRow('203.0.113.11/32', 'aws:nat', 'nat-1', OTHER)];
    const r = reconcileDiscovered(existing, { targets: [], problems: [{ source: 'discovery', error: 'boom' }] });
    expect(r.delete).toEqual([]);
    expect(r.kept).toHaveLength(2);
  });

  it('names one row per address when several sources report it, preferring the instance', () => {
    const r = reconcileDiscovered([], { targets: [t('203.0.113.9', 'aws:eni', 'eni-1'), t('203.0.113.9', 'aws:eip', 'eipalloc-1'), t('203.0.113.9', 'aws:ec2-instance', 'i-1')], problems: [] });
    expect(r.put.map((row) => [row.cidr, row.source, row.resourceId])).toEqual([['203.0.113.9/32', 'aws:ec2-instance', 'i-1']]);
  });

  it('rewrites a row whose resource changed, keeping what the operator set on it', () => {
    const existing = [{ ...discoveredRow('203.0.113.9/32', 'aws:ec2-instance', 'i-old'), ports: [8080], muted: true }];
    const r = reconcileDiscovered(existing, { targets: [t('203.0.113.9', 'aws:ec2-instance', 'i-new')], problems: [] });
    expect(r.put).toEqual([expect.objectContaining({ cidr: '203.0.113.9/32', resourceId: 'i-new', ports: [8080], muted: true })]);
  });

  it('skips, as a problem naming the value, a target that is not usable or that the address policy refuses', () => {
    const r = reconcileDiscovered([], { targets: [t('10.0.0.5', 'aws:eni', 'eni-2'), t('not an address!', 'aws:route53', 'Z1/x'), t('*.example.com', 'aws:route53', 'Z1/*.example.com/A')], problems: [] }, { policy });
    expect(r.put).toEqual([]);
    expect(r.skipped.every((s) => s.problem)).toBe(true);
    expect(r.skipped.map((s) => s.reason).join('\n')).toMatch(/10\.0\.0\.5[\s\S]*not an address![\s\S]*\*\.example\.com/);
  });

  it('caps the discovered rows, reports the excess, and deletes nothing while capped', () => {
    const existing = [discoveredRow('203.0.113.200/32', 'aws:eip', 'eipalloc-gone')];
    const targets = Array.from({ length: 5 }, (_, i) => t(`203.0.113.${i + 1}`, 'aws:eip', `eipalloc-${i}`));
    const r = reconcileDiscovered(existing, { targets, problems: [] }, { maxRows: 3 });
    expect(r.put).toHaveLength(3);
    expect(r.problems[0]?.error).toContain('2 more discovered targets than the 3 rows');
    expect(r.delete).toEqual([]);
  });

  it('ignores rows with a source it does not know (validation reports them), and never deletes them', () => {
    const r = reconcileDiscovered([{ cidr: '203.0.113.1/32', source: 'hand-typed', resourceId: 'x' }], { targets: [], problems: [] });
    expect(r.delete).toEqual([]);
  });
});
