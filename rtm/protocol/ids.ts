/**
 * The RTM 1.x ID rule (rtm-1x.md §3): 1–64 characters from letters, digits, `_`, whitespace and
 * `! # $ % & ( ) + , . : ; < = > ? @ [ ] ^ { | } ~ -`; never the string "null".
 */
const ID_PATTERN = /^[\s\w!#$%&()+,.:;<=>?@[\]^{|}~-]{1,64}$/;
const APP_ID_PATTERN = /^[\dA-Za-z]{32}$/;

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && value !== 'null' && ID_PATTERN.test(value);
}

export function isValidAppId(value: unknown): value is string {
  return typeof value === 'string' && APP_ID_PATTERN.test(value);
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  // Fast path for ASCII: byte length equals string length.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  return encoder.encode(text).byteLength;
}

/** True when the string has no lone surrogates, i.e. it survives a UTF-8 round trip unchanged. */
export function isWellFormedUtf16(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
