import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkManifest, parseManifest } from '../../addin/manifest/check-manifest.ts';
import { DEFAULT_BASE_URL, fillManifest, normaliseBaseUrl } from '../../addin/build/fill-manifest.ts';
import { REPORT_OPTIONS } from '../../addin/report/report-options.ts';
import { NOTIFICATION_ICON } from '../../addin/outlook/notification-text.ts';
import { officeAddinsAllowed } from '../../addin/build/officeaddins-allowed.ts';
import { pinnedPolicySetting } from '../../addin/build/pinned-policy-setting.ts';

const template = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');

describe('manifest.xml (template at the repo root)', () => {
  const result = checkManifest(template, DEFAULT_BASE_URL);

  it('is well-formed, every resid is defined, ids are unique, URLs are under the base', () => {
    expect(result.problems).toEqual([]);
  });

  it('lists the report options in the order the handler reads them', () => {
    const resids = [...template.matchAll(/<Option resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids).toEqual(REPORT_OPTIONS.map((o) => o.resid));
    expect(result.facts?.reportingOptions.join(' | ')).toMatch(/phone number.*GitHub, Jira or Zendesk.*Other phishing/);
  });

  it('defines the icon the informational notification names', () => {
    expect(result.facts?.resources.get(NOTIFICATION_ICON)?.kind).toBe('image');
  });

  it('declares Mailbox 1.3 as the minimum and pins the pane in VersionOverrides 1.1', () => {
    expect(template).toMatch(/<Set Name="Mailbox" MinVersion="1\.3"\/>/);
    expect(template).toMatch(/<SupportsPinning>true<\/SupportsPinning>/);
    expect(template).toMatch(/xsi:type="ReportPhishingCommandSurface"/);
  });
});

describe('checkManifest finds broken manifests', () => {
  const broken = (from: string | RegExp, to: string) => checkManifest(template.replace(from, to), DEFAULT_BASE_URL).problems.join('\n');

  it('rejects XML that is not well-formed', () => {
    expect(broken('</OfficeApp>', '')).toMatch(/not well-formed/);
    expect(broken('<Version>0.1.0.0</Version>', '<Version>0.1.0.0</Versio>')).toMatch(/not well-formed/);
  });

  it('reports an undefined resid, a resid of the wrong kind and an unused resource', () => {
    expect(broken('<Label resid="Report.Label"/>', '<Label resid="Report.Missing"/>')).toMatch(/Report\.Missing.*names no resource/);
    expect(broken('<Title resid="Dialog.Title"/>', '<Title resid="Taskpane.Url"/>')).toMatch(/points at a url resource/);
    expect(broken('<Title resid="Dialog.Title"/>', '<Title resid="Report.Label"/>')).toMatch(/"Dialog\.Title" is defined but never used/);
  });

  it('reports duplicate ids', () => {
    expect(broken('id="Ringfence.ReportButton"', 'id="Ringfence.OpenPane"')).toMatch(/id "Ringfence\.OpenPane" is used by more than one element/);
    expect(broken('<bt:String id="Group.Label"', '<bt:String id="Report.Label"')).toMatch(/resource id "Report\.Label" is defined twice/);
  });

  it('reports a URL outside the base, and an AppDomain that does not match', () => {
    expect(broken('https://localhost:3000/report.js', 'https://cdn.example.com/report.js')).toMatch(/cdn\.example\.com\/report\.js\?policy=policy\.json is not under/);
    expect(broken('<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>https://other.example</AppDomain>')).toMatch(/AppDomains/);
  });

  it('requires pinning and the report surface', () => {
    expect(broken('<SupportsPinning>true</SupportsPinning>', '')).toMatch(/SupportsPinning/);
    expect(broken('xsi:type="ReportPhishingCommandSurface"', 'xsi:type="MessageComposeCommandSurface"')).toMatch(/no ReportPhishingCommandSurface/);
    expect(broken('<FunctionName>onSpamReport</FunctionName>', '<FunctionName>onReport</FunctionName>')).toMatch(/calls "onReport"/);
    expect(broken(/<FreeTextLabel[^>]*\/>/, '')).toMatch(/free-text/);
  });

  it('requires one <Id> that is a GUID', () => {
    expect(broken(/<Id>[^<]*<\/Id>/, '<Id>ringfence</Id>')).toMatch(/<Id> "ringfence" is not a GUID/);
    expect(broken(/<Id>[^<]*<\/Id>/, '')).toMatch(/0 <Id> elements/);
  });

  it('enforces the string length limits', () => {
    expect(broken('DefaultValue="Report scam"', `DefaultValue="${'x'.repeat(126)}"`)).toMatch(/short string "Report\.Label" is over 125/);
  });
});

describe('fillManifest', () => {
  it('writes the hosting base and the policy parameter into every URL, and stays valid', () => {
    const filled = fillManifest(template, { baseUrl: 'https://addins.example.com/ringfence', policy: 'policy-finance.json' });
    expect(filled).not.toContain('localhost:3000');
    expect(filled).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://addins.example.com/ringfence/taskpane.html?policy=policy-finance.json"/>');
    expect(filled).toContain('<AppDomain>https://addins.example.com</AppDomain>');
    expect(checkManifest(filled, 'https://addins.example.com/ringfence/').problems).toEqual([]);
    expect(() => parseManifest(filled)).not.toThrow();
  });

  it('encodes an absolute same-origin policy URL so the manifest stays well-formed', () => {
    const filled = fillManifest(template, { baseUrl: 'https://addins.example.com/', policy: 'https://addins.example.com/config/p.json?a=1&b=2' });
    expect(filled).toContain('policy=https%3A%2F%2Faddins.example.com%2Fconfig%2Fp.json%3Fa%3D1%26b%3D2');
    expect(checkManifest(filled, 'https://addins.example.com/').problems).toEqual([]);
  });

  it('refuses a policy variant on another origin (the add-in would refuse it too)', () => {
    expect(() => fillManifest(template, { baseUrl: 'https://addins.example.com/', policy: 'https://config.example.com/p.json' })).toThrow(/not on the add-in's origin.*RINGFENCE_POLICY_URL/);
  });

  it('without a policy variant, leaves the policy to the one pinned at build time', () => {
    const filled = fillManifest(template, { baseUrl: 'https://addins.example.com/' });
    expect(filled).not.toMatch(/\?policy=/);
    expect(filled).toContain('<bt:Url id="ReportScript.Url" DefaultValue="https://addins.example.com/report.js"/>');
    expect(checkManifest(filled, 'https://addins.example.com/').problems).toEqual([]);
  });

  it('gives a policy variant its own <Id> (the admin centre keys add-ins by Id)', () => {
    const id = 'A1B2C3D4-0000-4000-8000-000000000042';
    const filled = fillManifest(template, { baseUrl: 'https://addins.example.com/', policy: 'policy-finance.json', id });
    expect(filled).toContain(`<Id>${id.toLowerCase()}</Id>`);
    expect(filled.match(/<Id>/g)).toHaveLength(1);
    expect(checkManifest(filled, 'https://addins.example.com/').problems).toEqual([]);
    expect(() => fillManifest(template, { baseUrl: 'https://addins.example.com/', id: 'finance' })).toThrow(/ADDIN_ID must be a GUID/);
  });

  it('refuses a base URL Outlook would not load', () => {
    expect(() => normaliseBaseUrl('http://addins.example.com/')).toThrow(/https/);
    expect(() => normaliseBaseUrl('not a url')).toThrow(/not a URL/);
    expect(() => normaliseBaseUrl('https://a.example/?x=1')).toThrow(/query/);
  });
});

describe('build settings', () => {
  it('pins an https policy URL, relative to the add-in or absolute, and refuses anything else', () => {
    expect(pinnedPolicySetting(undefined, 'https://addins.example.com/')).toBe('policy.json');
    expect(pinnedPolicySetting('policies/all.json', 'https://addins.example.com/')).toBe('policies/all.json');
    expect(pinnedPolicySetting('https://config.example.com/p.json', 'https://addins.example.com/')).toBe('https://config.example.com/p.json');
    expect(() => pinnedPolicySetting('http://config.example.com/p.json', 'https://addins.example.com/')).toThrow(/https/);
  });

  it('lists report.js, with and without its query, in microsoft-officeaddins-allowed.json', () => {
    const json = JSON.parse(officeAddinsAllowed(['https://addins.example.com/ringfence/report.js?policy=policy-finance.json']));
    expect(json).toEqual({ allowed: ['https://addins.example.com/ringfence/report.js', 'https://addins.example.com/ringfence/report.js?policy=policy-finance.json'] });
    expect(JSON.parse(officeAddinsAllowed(['https://addins.example.com/report.js']))).toEqual({ allowed: ['https://addins.example.com/report.js'] });
  });
});
