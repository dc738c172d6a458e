import { tokenizeAuthres, type AuthresToken } from './authres-tokens.ts';

/** One method result from an Authentication-Results header (RFC 8601), e.g. dkim=pass header.d=github.com. */
export interface AuthResult {
  method: string;
  result: string;
  /** Lowercased property names (`header.d`, `header.i`, `header.from`, `smtp.mailfrom`) to their values. */
  props: Record<string, string>;
}

/** One parsed Authentication-Results header. */
export interface AuthResultsHeader {
  /** Who recorded the results (`mx.google.com`); undefined in Microsoft's form, which omits it. */
  authservId: string | undefined;
  results: AuthResult[];
}

const MAX_RESULTS = 100;
const METHOD = /^[a-z0-9_-]+(?:\/[0-9]+)?$/i;
const PROPERTY = /^[a-z0-9_-]+\.[a-z0-9_.-]+$/i;

/** Parses one Authentication-Results value, keeping the authserv-id. Never throws. */
export function parseAuthResultsHeader(value: string): AuthResultsHeader {
  return payloadOf(splitSegments(tokenizeAuthres(value)));
}

/** The method results of one Authentication-Results value (authserv-id dropped). */
export function parseAuthenticationResults(value: string): AuthResult[] {
  return parseAuthResultsHeader(value).results;
}

/** Splits tokens at each ";" that is a separator (not inside a string or comment). */
export function splitSegments(tokens: readonly AuthresToken[]): AuthresToken[][] {
  const segments: AuthresToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'semicolon') segments.push([]);
    else (segments[segments.length - 1] as AuthresToken[]).push(token);
  }
  return segments;
}

/**
 * Reads `authserv-id [version] ; resinfo ; resinfo ...`. When the first segment is itself a result
 * (`spf=pass ...`, Microsoft's form) there is no authserv-id.
 */
export function payloadOf(segments: readonly AuthresToken[][]): AuthResultsHeader {
  const first = segments[0] ?? [];
  const anonymous = first.some((t) => t.kind === 'equals');
  const id = anonymous ? undefined : first[0];
  const authservId = id && (id.kind === 'word' || id.kind === 'quoted') && id.text ? id.text.toLowerCase() : undefined;
  const results: AuthResult[] = [];
  for (const segment of anonymous ? segments : segments.slice(1)) {
    if (results.length >= MAX_RESULTS) break;
    const result = resultOf(segment);
    if (result) results.push(result);
  }
  return { authservId, results };
}

/** `method[/version] = result [reason=value] [ptype.property=value ...]`; null for anything else ("none"). */
function resultOf(tokens: readonly AuthresToken[]): AuthResult | null {
  const [method, equals, result] = tokens;
  if (method?.kind !== 'word' || equals?.kind !== 'equals' || result?.kind !== 'word') return null;
  if (!METHOD.test(method.text) || !/^[a-z0-9_-]+$/i.test(result.text)) return null;
  const props: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 3;
  while (i < tokens.length) {
    const name = tokens[i] as AuthresToken;
    if (name.kind !== 'word' || tokens[i + 1]?.kind !== 'equals' || i + 2 >= tokens.length) {
      i++;
      continue;
    }
    // The value is the next token and every token written against it: "a;b"@evil.example, SRS=x=y@host.
    let text = (tokens[i + 2] as AuthresToken).text;
    i += 3;
    while (i < tokens.length && !(tokens[i] as AuthresToken).spaced) text += (tokens[i++] as AuthresToken).text;
    if (PROPERTY.test(name.text)) props[name.text.toLowerCase()] = text;
  }
  return { method: method.text.toLowerCase().replace(/\/.*$/, ''), result: result.text.toLowerCase(), props };
}
