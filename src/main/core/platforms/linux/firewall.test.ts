import { describe, expect, it } from 'vitest';
import { createLiveHost } from '../../exec/live-host';
import { parseFirewalldState, parseIptablesRules, parseNftRuleset, parseUfwStatus, readLinuxFirewall } from './firewall';

describe('firewall parsers (written from documentation)', () => {
  it('ufw and firewalld', () => {
    expect(parseUfwStatus('Status: active\n\nTo Action From\n')).toBe(true);
    expect(parseUfwStatus('Status: inactive\n')).toBe(false);
    expect(parseUfwStatus('ERROR: You need to be root to run this script')).toBeNull();
    expect(parseFirewalldState('running\n')).toBe(true);
    expect(parseFirewalldState('not running\n')).toBe(false);
  });
  it('nft: an input hook that drops is on; an empty ruleset is off', () => {
    const on = 'table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\tct state established,related accept\n\t}\n}\n';
    const accept = 'table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t}\n}\n';
    expect(parseNftRuleset(on)).toBe(true);
    expect(parseNftRuleset(accept)).toBe(false);
    expect(parseNftRuleset('')).toBe(false);
  });
  it('iptables -S', () => {
    expect(parseIptablesRules('-P INPUT DROP\n-P FORWARD DROP\n-P OUTPUT ACCEPT\n')).toBe(true);
    expect(parseIptablesRules('-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n')).toBe(false);
    expect(parseIptablesRules('-P INPUT ACCEPT\n-A INPUT -j ufw-before-input\n')).toBe(true);
    expect(parseIptablesRules('garbage')).toBeNull();
  });
  it('on this machine (no ufw, firewalld, nft nor iptables installed) says it found no tool, not "off"', async () => {
    const facts = await readLinuxFirewall({ host: createLiveHost('linux'), signal: new AbortController().signal });
    expect(facts).toEqual({ enabled: null, tool: null, profiles: [] });
  });
});
