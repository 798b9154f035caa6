import { describe, expect, it } from 'vitest';
import { postJson } from '../../../lambdas/adapters/sinks/post-json.js';
import { SinkError } from '../../../lambdas/core/alerts/sink-error.js';
import { isHostTarget, parseAnyTarget } from '../../../lambdas/core/targets/scan-target.js';

describe('scan targets: names and addresses', () => {
  it('an IPv6 address written out in full is an address, not a name', () => {
    for (const text of ['2a00:1450:4001:82a:0:0:0:200e', 'fe80:0:0:0:0:0:0:1', '[2a00:1450:4001:82a:0:0:0:200e]:8080']) {
      const target = parseAnyTarget(text);
      expect(isHostTarget(target), text).toBe(false);
    }
    expect(parseAnyTarget('chat.example.test:8443')).toEqual({ name: 'chat.example.test', port: 8443 });
    expect(parseAnyTarget('Chat.Example.Test.')).toEqual({ name: 'chat.example.test' });
  });
});

describe('no sink resolves a host name under the tests', () => {
  it('a POST to a named host is refused before any lookup, permanently, without the URL path', async () => {
    expect(process.env.EXPOSURE_MONITOR_NO_SYSTEM_DNS).toBe('1');
    const sent = postJson('https://hooks.slack.example/services/T0/B0/secretpart', { text: 'x' }, 1_000, 'test');
    await expect(sent).rejects.toBeInstanceOf(SinkError);
    await expect(sent).rejects.toMatchObject({ permanent: true });
    await expect(sent).rejects.toThrow(/https:\/\/hooks\.slack\.example\/… : not sent|not sent, host names are not resolved here/);
    await expect(sent).rejects.not.toThrow(/secretpart/);
  });
});
