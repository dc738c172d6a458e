// Static checks of the add-in manifest: well-formed, every resid defined with the right kind, ids unique,
// hosted URLs under one base, and the read-surface pane (pinnable) and report surface present.
import { DOMParser } from '@xmldom/xmldom';
import { REPORT_FUNCTION_NAME } from './report-function.ts';

export const NS_VERSION_OVERRIDES_1_1 = 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1';
export const NS_BASIC_TYPES = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';


const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const MAX_REPORTING_OPTIONS = 5;

type ResourceKind = 'image' | 'url' | 'short' | 'long';

/** Which resource kinds an element's resid may point at. */
const RESID_KINDS: Record<string, ResourceKind[]> = {
  Image: ['image'],
  SourceLocation: ['url'],
  FunctionFile: ['url'],
  Runtime: ['url'],
  Override: ['url'],
  MoreInfoUrl: ['url'],
  Label: ['short'],
  Title: ['short'],
  Option: ['short'],
  FreeTextLabel: ['short'],
  MoreInfoText: ['short'],
  Description: ['long', 'short'],
};

export interface ManifestFacts {
  /** resid → resource kind and value. */
  resources: Map<string, { kind: ResourceKind; value: string }>;
  /** Every hosted URL the manifest names (DefaultValue of URL-valued elements and resources). */
  urls: string[];
  /** Labels of the report dialog options, in manifest order. */
  reportingOptions: string[];
}

export interface ManifestCheck {
  problems: string[];
  facts?: ManifestFacts;
}

/** Parses strictly; any warning or error is a problem (a manifest Outlook would reject or misread). */
export function parseManifest(xml: string): Document {
  const parser = new DOMParser({
    onError(level: string, message: string) {
      throw new Error(`manifest is not well-formed (${level}): ${message}`);
    },
  });
  return parser.parseFromString(xml, 'text/xml') as unknown as Document;
}

/** Checks a manifest; `baseUrl` (ending in '/') is where every hosted URL must point. */
export function checkManifest(xml: string, baseUrl: string): ManifestCheck {
  let doc: Document;
  try {
    doc = parseManifest(xml);
  } catch (error) {
    return { problems: [(error as Error).message] };
  }
  const problems: string[] = [];
  const all = [...(doc.getElementsByTagName('*') as unknown as Iterable<Element>)];
  const root = doc.documentElement;
  if (!root || root.localName !== 'OfficeApp') problems.push('root element is not OfficeApp');
  if (root?.getAttributeNS(NS_XSI, 'type') !== 'MailApp') problems.push('OfficeApp xsi:type is not MailApp');
  checkId(root, problems);

  const resources = collectResources(all, problems);
  checkResids(all, resources, problems);
  checkUniqueIds(all, problems);
  const urls = collectUrls(all, resources);
  for (const url of urls) {
    if (!url.startsWith(baseUrl)) problems.push(`URL ${url} is not under ${baseUrl}`);
  }
  checkAppDomain(all, baseUrl, problems);
  checkTaskpane(all, problems);
  const reportingOptions = checkReportSurface(all, resources, problems);
  return { problems, facts: { resources, urls, reportingOptions } };
}

/** The admin centre keys add-ins by <Id>: a GUID, one per deployed variant (ADDIN_ID). */
function checkId(root: Element | null, problems: string[]): void {
  const ids = root ? childElements(root).filter((e) => e.localName === 'Id') : [];
  if (ids.length !== 1) problems.push(`OfficeApp has ${ids.length} <Id> elements, expected 1`);
  else if (!GUID.test((ids[0]!.textContent ?? '').trim())) problems.push(`<Id> "${(ids[0]!.textContent ?? '').trim()}" is not a GUID`);
}

function collectResources(all: Element[], problems: string[]): ManifestFacts['resources'] {
  const resources: ManifestFacts['resources'] = new Map();
  const groups: [string, ResourceKind][] = [
    ['Images', 'image'],
    ['Urls', 'url'],
    ['ShortStrings', 'short'],
    ['LongStrings', 'long'],
  ];
  for (const [group, kind] of groups) {
    for (const container of all.filter((e) => e.localName === group && e.namespaceURI === NS_BASIC_TYPES)) {
      for (const item of childElements(container)) {
        const id = item.getAttribute('id') ?? '';
        const value = item.getAttribute('DefaultValue') ?? '';
        if (!id) problems.push(`a ${group} resource has no id`);
        if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
        if (!value.trim()) problems.push(`resource "${id}" has an empty DefaultValue`);
        if (kind === 'short' && value.length > SHORT_STRING_MAX) problems.push(`short string "${id}" is over ${SHORT_STRING_MAX} characters`);
        if (kind === 'long' && value.length > LONG_STRING_MAX) problems.push(`long string "${id}" is over ${LONG_STRING_MAX} characters`);
        resources.set(id, { kind, value });
      }
    }
  }
  if (resources.size === 0) problems.push('no Resources defined');
  return resources;
}

function checkResids(all: Element[], resources: ManifestFacts['resources'], problems: string[]): void {
  const used = new Set<string>();
  for (const element of all) {
    const resid = element.getAttribute('resid');
    if (resid === null) continue;
    used.add(resid);
    const resource = resources.get(resid);
    if (!resource) {
      problems.push(`<${element.localName} resid="${resid}"> names no resource`);
      continue;
    }
    const allowed = RESID_KINDS[element.localName];
    if (allowed && !allowed.includes(resource.kind)) {
      problems.push(`<${element.localName} resid="${resid}"> points at a ${resource.kind} resource, expected ${allowed.join(' or ')}`);
    }
  }
  for (const id of resources.keys()) if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);
}

function checkUniqueIds(all: Element[], problems: string[]): void {
  const seen = new Set<string>();
  for (const element of all) {
    if (element.namespaceURI === NS_BASIC_TYPES) continue; // resource ids are checked with the resources
    const id = element.getAttribute('id');
    if (id === null) continue;
    if (seen.has(id)) problems.push(`id "${id}" is used by more than one element`);
    seen.add(id);
  }
}

function collectUrls(all: Element[], resources: ManifestFacts['resources']): string[] {
  const urls: string[] = [];
  for (const element of all) {
    if (['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(element.localName)) {
      const value = element.getAttribute('DefaultValue');
      if (value) urls.push(value);
    }
  }
  for (const resource of resources.values()) if (resource.kind === 'image' || resource.kind === 'url') urls.push(resource.value);
  return urls;
}

function checkAppDomain(all: Element[], baseUrl: string, problems: string[]): void {
  const origin = new URL(baseUrl).origin;
  const domains = all.filter((e) => e.localName === 'AppDomain').map((e) => (e.textContent ?? '').trim());
  if (!domains.includes(origin)) problems.push(`AppDomains does not list ${origin}`);
}

function checkTaskpane(all: Element[], problems: string[]): void {
  const readSurface = all.find((e) => e.localName === 'ExtensionPoint' && xsiType(e) === 'MessageReadCommandSurface');
  if (!readSurface) {
    problems.push('no MessageReadCommandSurface extension point');
    return;
  }
  if (readSurface.parentNode && !insideVersionOverrides11(readSurface)) problems.push('the read surface is not inside VersionOverridesV1_1 (pinning needs it)');
  const actions = descendants(readSurface).filter((e) => e.localName === 'Action' && xsiType(e) === 'ShowTaskpane');
  if (actions.length === 0) problems.push('the read surface has no ShowTaskpane button');
  for (const action of actions) {
    const pin = childElements(action).find((e) => e.localName === 'SupportsPinning');
    if ((pin?.textContent ?? '').trim() !== 'true') problems.push('the task pane button does not set SupportsPinning to true');
  }
}

function checkReportSurface(all: Element[], resources: ManifestFacts['resources'], problems: string[]): string[] {
  const surface = all.find((e) => e.localName === 'ExtensionPoint' && xsiType(e) === 'ReportPhishingCommandSurface');
  if (!surface) {
    problems.push('no ReportPhishingCommandSurface extension point');
    return [];
  }
  if (!insideVersionOverrides11(surface)) problems.push('the report surface is not inside VersionOverridesV1_1');
  const inside = descendants(surface);
  const functionName = inside.find((e) => e.localName === 'FunctionName')?.textContent?.trim();
  if (functionName !== REPORT_FUNCTION_NAME) problems.push(`the report button calls "${functionName}", the handler registers "${REPORT_FUNCTION_NAME}"`);
  const button = inside.find((e) => e.localName === 'Action');
  if (button && xsiType(button) !== 'ExecuteFunction') problems.push('the report button action is not ExecuteFunction');
  const options = inside.filter((e) => e.localName === 'Option').map((e) => resources.get(e.getAttribute('resid') ?? '')?.value ?? '');
  if (options.length < 1 || options.length > MAX_REPORTING_OPTIONS) problems.push(`the report dialog has ${options.length} options (1 to ${MAX_REPORTING_OPTIONS} allowed)`);
  if (!inside.some((e) => e.localName === 'FreeTextLabel')) problems.push('the report dialog has no free-text field');
  if (!inside.some((e) => e.localName === 'PreProcessingDialog')) problems.push('the report surface has no PreProcessingDialog');
  const source = childElements(inside.find((e) => e.localName === 'ReportPhishingCustomization') ?? surface).find((e) => e.localName === 'SourceLocation');
  const runtimes = all.filter((e) => e.localName === 'Runtime').map((e) => e.getAttribute('resid'));
  if (!source || !runtimes.includes(source.getAttribute('resid'))) problems.push("the report surface's SourceLocation does not match a Runtime resid");
  return options;
}

function insideVersionOverrides11(element: Element): boolean {
  for (let node = element.parentNode as Element | null; node; node = node.parentNode as Element | null) {
    if (node.localName === 'VersionOverrides' && node.namespaceURI === NS_VERSION_OVERRIDES_1_1) return true;
  }
  return false;
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS_XSI, 'type');
}

function childElements(element: Element): Element[] {
  return [...(element.childNodes as unknown as Iterable<Node>)].filter((n): n is Element => n.nodeType === 1);
}

function descendants(element: Element): Element[] {
  return [...(element.getElementsByTagName('*') as unknown as Iterable<Element>)];
}

