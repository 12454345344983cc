import { NutshellError } from '#errors';
import { credentialTypeHash } from '../idemix/attributes.js';
import type { AttributeType, CredentialDependencies, CredentialType, Issuer, SchemeManager } from './types.js';
import {
  attribute, child, children, childText, parseBool, parseInteger, parseXml, text, translated, xmlVersion, type XmlNode,
} from './xml.js';

/** Minimum XML `version` attributes irmago accepts. */
const MIN_SCHEME_VERSION = 7;
const MIN_ISSUER_VERSION = 4;
const MIN_CREDENTIAL_VERSION = 4;

function invalid(file: string, message: string): NutshellError {
  return new NutshellError('SCHEME_INVALID', `${file}: ${message}`);
}

function languages(root: XmlNode | undefined): string[] | undefined {
  const list = children(child(root, 'Languages'), 'Language').map((l) => text(l) ?? '').filter((l) => l !== '');
  return list.length > 0 ? list : undefined;
}

/**
 * Parses `<scheme>/description.xml` (`<SchemeManager version="7">`). `timestamp` comes from the separate
 * `timestamp` file. Checks the version and that `<Id>` equals the folder name.
 */
export function parseSchemeDescription(xml: string, file: string, folder: string, timestamp: number): SchemeManager {
  const doc = parseXml(xml, file, ['SchemeManager.Languages.Language']);
  const root = doc['SchemeManager'];
  if (root === undefined) throw invalid(file, 'root element is not <SchemeManager>');
  const version = xmlVersion(root, file);
  if (version < MIN_SCHEME_VERSION) throw invalid(file, `unsupported scheme description version ${version}`);
  const id = childText(root, 'Id');
  if (id === undefined) throw invalid(file, 'missing <Id>');
  if (id !== folder) throw invalid(file, `<Id> ${id} does not match its folder ${folder}`);
  const url = childText(root, 'Url');
  if (url === undefined) throw invalid(file, 'missing <Url>');
  const appVersion = child(root, 'MinimumAppVersion');
  const android = parseInteger(childText(appVersion, 'Android'), file, 'MinimumAppVersion/Android');
  const ios = parseInteger(childText(appVersion, 'iOS'), file, 'MinimumAppVersion/iOS');
  return {
    id,
    url: url.replace(/\/+$/, ''),
    demo: parseBool(childText(root, 'Demo'), file, '<Demo>'),
    timestampServer: childText(root, 'TimestampServer'),
    keyshareServer: childText(root, 'KeyshareServer'),
    keyshareWebsite: childText(root, 'KeyshareWebsite'),
    keyshareAttribute: childText(root, 'KeyshareAttribute'),
    name: translated(child(root, 'Name')) ?? {},
    description: translated(child(root, 'Description')),
    contact: childText(root, 'Contact'),
    minimumAppVersion: android === undefined && ios === undefined ? undefined : { android, ios },
    languages: languages(root),
    xmlVersion: version,
    timestamp,
  };
}

/** Every translated name of a demo issuer or credential type starts with "Demo " (in each listed language). */
function checkDemoPrefix(name: Record<string, string>, langs: readonly string[] | undefined, file: string): void {
  for (const lang of langs ?? []) {
    if (!(name[lang] ?? '').startsWith('Demo ')) throw invalid(file, `demo name in language ${lang} does not start with "Demo "`);
  }
}

/** Parses `<scheme>/<issuer>/description.xml` (`<Issuer version="4">`) and checks it against its place. */
export function parseIssuerDescription(xml: string, file: string, scheme: SchemeManager, folder: string): Issuer {
  const doc = parseXml(xml, file, ['Issuer.Languages.Language']);
  const root = doc['Issuer'];
  if (root === undefined) throw invalid(file, 'root element is not <Issuer>');
  const version = xmlVersion(root, file);
  if (version < MIN_ISSUER_VERSION) throw invalid(file, `unsupported issuer description version ${version}`);
  const issuerId = childText(root, 'ID');
  if (issuerId === undefined) throw invalid(file, 'missing <ID>');
  if (issuerId !== folder) throw invalid(file, `<ID> ${issuerId} does not match its folder ${folder}`);
  const schemeId = childText(root, 'SchemeManager');
  if (schemeId !== scheme.id) throw invalid(file, `<SchemeManager> ${schemeId ?? '(missing)'} is not ${scheme.id}`);
  const langs = languages(root) ?? scheme.languages;
  const name = translated(child(root, 'Name')) ?? {};
  if (scheme.demo) checkDemoPrefix(name, langs, file);
  const deprecated = parseInteger(childText(root, 'DeprecatedSince'), file, '<DeprecatedSince>');
  return {
    id: `${scheme.id}.${issuerId}`,
    schemeId: scheme.id,
    issuerId,
    name,
    contactAddress: childText(root, 'ContactAddress'),
    contactEmail: childText(root, 'ContactEMail'),
    deprecatedSince: deprecated === undefined || deprecated === 0 ? undefined : deprecated,
    languages: langs,
    xmlVersion: version,
  };
}

function parseDependencies(root: XmlNode, file: string, schemeId: string): CredentialDependencies | undefined {
  const deps = child(root, 'Dependencies');
  if (deps === undefined) return undefined;
  const result: CredentialDependencies = children(deps, 'Or').map((or) =>
    children(or, 'And').map((and) =>
      children(and, 'CredentialType').map((ct) => {
        const id = (text(ct) ?? '').trim();
        if (id.split('.').length !== 3) throw invalid(file, `dependency ${id} is not a credential type id`);
        if (!id.startsWith(`${schemeId}.`)) throw invalid(file, `dependency ${id} lies outside scheme ${schemeId}`);
        return id;
      }),
    ),
  );
  return result.length > 0 ? result : undefined;
}

function parseAttributes(root: XmlNode, file: string, credentialTypeId: string): AttributeType[] {
  const nodes = children(child(root, 'Attributes'), 'Attribute');
  if (nodes.length === 0) throw invalid(file, 'credential type has no attributes');
  const seen = new Set<string>();
  return nodes.map((node, index): AttributeType => {
    const shortId = attribute(node, 'id') ?? '';
    const revocation = parseBool(attribute(node, 'revocation'), file, 'revocation attribute flag');
    const randomBlind = parseBool(attribute(node, 'randomblind'), file, 'randomblind attribute flag');
    if (revocation && shortId !== '') {
      throw invalid(file, `attribute ${shortId} cannot carry revocation="true"; use a separate <Attribute revocation="true" />`);
    }
    if (revocation && randomBlind) throw invalid(file, 'the revocation attribute cannot be randomblind');
    if (!revocation && shortId === '') throw invalid(file, `attribute ${index} has no id`);
    if (!revocation && seen.has(shortId)) throw invalid(file, `attribute ${shortId} occurs twice`);
    seen.add(shortId);
    const optional = attribute(node, 'optional') === 'true';
    const displayIndex = parseInteger(attribute(node, 'displayIndex'), file, `displayIndex of ${shortId}`);
    const attr: AttributeType = {
      id: `${credentialTypeId}.${shortId}`,
      shortId,
      credentialTypeId,
      index,
      optional,
      name: translated(child(node, 'Name')) ?? {},
    };
    const description = translated(child(node, 'Description'));
    if (description !== undefined) attr.description = description;
    if (displayIndex !== undefined) attr.displayIndex = displayIndex;
    const displayHint = attribute(node, 'displayHint');
    if (displayHint !== undefined && displayHint !== '') attr.displayHint = displayHint;
    if (randomBlind) attr.randomBlind = true;
    if (revocation) attr.revocation = true;
    return attr;
  });
}

/**
 * Parses `<scheme>/<issuer>/Issues/<cred>/description.xml` (`<IssueSpecification version="4">`) and applies
 * irmago's validation: ids match folders, demo names, revocation servers vs. revocation attribute, ≥ 1 attribute.
 */
export function parseCredentialTypeDescription(
  xml: string, file: string, scheme: SchemeManager, issuer: Issuer, folder: string,
): CredentialType {
  const doc = parseXml(xml, file, [
    'IssueSpecification.Attributes.Attribute',
    'IssueSpecification.RevocationServers.RevocationServer',
    'IssueSpecification.Languages.Language',
    'IssueSpecification.Dependencies.Or',
    'IssueSpecification.Dependencies.Or.And',
    'IssueSpecification.Dependencies.Or.And.CredentialType',
  ]);
  const root = doc['IssueSpecification'];
  if (root === undefined) throw invalid(file, 'root element is not <IssueSpecification>');
  const version = xmlVersion(root, file);
  if (version < MIN_CREDENTIAL_VERSION) throw invalid(file, `unsupported credential type description version ${version}`);
  const credentialId = childText(root, 'CredentialID');
  if (credentialId === undefined) throw invalid(file, 'missing <CredentialID>');
  if (credentialId !== folder) throw invalid(file, `<CredentialID> ${credentialId} does not match its folder ${folder}`);
  const issuerId = childText(root, 'IssuerID');
  if (issuerId !== issuer.issuerId) throw invalid(file, `<IssuerID> ${issuerId ?? '(missing)'} is not ${issuer.issuerId}`);
  const schemeId = childText(root, 'SchemeManager');
  if (schemeId !== scheme.id) throw invalid(file, `<SchemeManager> ${schemeId ?? '(missing)'} is not ${scheme.id}`);
  const id = `${scheme.id}.${issuer.issuerId}.${credentialId}`;
  const langs = languages(root) ?? issuer.languages;
  const name = translated(child(root, 'Name')) ?? {};
  if (scheme.demo) checkDemoPrefix(name, langs, file);

  const servers = children(child(root, 'RevocationServers'), 'RevocationServer').map((s) => (text(s) ?? '').trim());
  for (const url of servers) {
    if (!scheme.demo && !url.startsWith('https://')) throw invalid(file, 'revocation server does not use https://');
    if (url.endsWith('/')) throw invalid(file, 'revocation server URL must not end with /');
  }
  const attributes = parseAttributes(root, file, id);
  const revocationIndex = attributes.findIndex((a) => a.revocation === true);
  if (servers.length > 0 && revocationIndex < 0) throw invalid(file, 'RevocationServers present but no revocation attribute');
  if (servers.length === 0 && revocationIndex >= 0) throw invalid(file, 'revocation attribute present but no RevocationServers');
  if (attributes.filter((a) => a.revocation === true).length > 1) throw invalid(file, 'more than one revocation attribute');

  const deprecated = parseInteger(childText(root, 'DeprecatedSince'), file, '<DeprecatedSince>');
  const credentialType: CredentialType = {
    id,
    schemeId: scheme.id,
    issuerId: issuer.issuerId,
    credentialId,
    name,
    singleton: parseBool(childText(root, 'ShouldBeSingleton'), file, '<ShouldBeSingleton>'),
    attributes,
    xmlVersion: version,
    hash16: credentialTypeHash(id),
  };
  const description = translated(child(root, 'Description'));
  if (description !== undefined) credentialType.description = description;
  if (parseBool(childText(root, 'DisallowDelete'), file, '<DisallowDelete>')) credentialType.disallowDelete = true;
  const dependencies = parseDependencies(root, file, scheme.id);
  if (dependencies !== undefined) credentialType.dependencies = dependencies;
  if (servers.length > 0) {
    credentialType.revocationServers = servers;
    credentialType.revocationIndex = revocationIndex;
  }
  const updateCount = parseInteger(childText(root, 'RevocationUpdateCount'), file, '<RevocationUpdateCount>');
  if (updateCount !== undefined) credentialType.revocationUpdateCount = updateCount;
  const updateSpeed = parseInteger(childText(root, 'RevocationUpdateSpeed'), file, '<RevocationUpdateSpeed>');
  if (updateSpeed !== undefined) credentialType.revocationUpdateSpeed = updateSpeed;
  const issueUrl = translated(child(root, 'IssueURL'));
  if (issueUrl !== undefined) credentialType.issueUrl = issueUrl;
  if (deprecated !== undefined && deprecated !== 0) credentialType.deprecatedSince = deprecated;
  if (langs !== undefined) credentialType.languages = langs;
  return credentialType;
}
