import { parseArgs } from 'node:util';
import { isValidId } from '../rtm/protocol/ids.js';
import { buildRtmToken006, buildRtmToken007, buildSignalingToken, TOKEN_006_VALIDITY_SECONDS } from '../rtm/token/index.js';

interface TextSink {
  write(chunk: string): unknown;
}

export const TOKEN_USAGE = `Usage:
  resignal token rtm --app-id <id> --certificate <cert> --uid <uid> [--expire <seconds>] [--format 006|007]
  resignal token signaling --app-id <id> --certificate <cert> --account <account> [--expire <seconds>]

Builds a login token signed with your App Certificate and prints it, followed by a newline.

  rtm         An RTM token for client.login({ uid, token }).
              --format 006  AccessToken "006" (default), the format of agora-access-token RtmTokenBuilder.
                            The login privilege expires after --expire seconds; the token itself is valid 24 h.
              --format 007  AccessToken2 "007", the format of agora-token RtmTokenBuilder.
  signaling   A legacy SignalingToken ("1:<appId>:<expiredTs>:<md5>") for the Signaling shim's login.

Options:
  --app-id <id>          App ID, 32 hex characters.
  --certificate <cert>   App Certificate, 32 hex characters. Keep it secret: build tokens on a server.
  --uid <uid>            RTM user ID (1-64 characters, RTM ID rules).
  --account <account>    Legacy Signaling account.
  --expire <seconds>     Validity from now, in seconds (default 3600).
  --format 006|007       RTM token format (default 006).
  -h, --help             Show this help.

Exit codes: 0 token printed, 2 bad arguments.
`;

const HEX32 = /^[0-9a-fA-F]{32}$/;
const DEFAULT_EXPIRE_SECONDS = 3600;

class UsageError extends Error {}

/**
 * `resignal token …`. `argv` holds the arguments after `token` (a leading "token" is skipped too).
 * Returns the exit code instead of exiting, so the bin and the tests share it.
 */
export function runTokenCommand(argv: string[], out: TextSink = process.stdout, err: TextSink = process.stderr): Promise<number> {
  // Async by contract (the bin awaits every command); the work itself is synchronous. Throws become rejections.
  return new Promise((resolve) => resolve(tokenCommand(argv, out, err)));
}

function tokenCommand(argv: string[], out: TextSink, err: TextSink): number {
  const args = argv[0] === 'token' ? argv.slice(1) : argv;
  try {
    const parsed = parseTokenArgs(args);
    if (parsed.help) {
      out.write(TOKEN_USAGE);
      return 0;
    }
    const result = buildFromArgs(parsed);
    if (result.warning) err.write(`resignal token: ${result.warning}\n`);
    out.write(result.token + '\n');
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError) && !isParseArgsError(error)) throw error;
    err.write(`resignal token: ${(error as Error).message}\n\n${TOKEN_USAGE}`);
    return 2;
  }
}

interface TokenArgs {
  help: boolean;
  kind: string | undefined;
  values: Partial<Record<'app-id' | 'certificate' | 'uid' | 'account' | 'expire' | 'format', string>>;
}

function parseTokenArgs(args: string[]): TokenArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'app-id': { type: 'string' },
      certificate: { type: 'string' },
      uid: { type: 'string' },
      account: { type: 'string' },
      expire: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const { help, ...rest } = values;
  return { help: help === true, kind: positionals[0], values: rest };
}

function buildFromArgs({ kind, values }: TokenArgs): { token: string; warning?: string } {
  if (kind !== 'rtm' && kind !== 'signaling') {
    throw new UsageError(kind === undefined ? 'say which token: "rtm" or "signaling"' : `unknown token kind "${kind}"`);
  }
  const appId = required(values['app-id'], '--app-id');
  const certificate = required(values.certificate, '--certificate');
  if (!HEX32.test(appId)) throw new UsageError('--app-id must be 32 hex characters');
  if (!HEX32.test(certificate)) throw new UsageError('--certificate must be 32 hex characters');
  const expire = parseExpire(values.expire);
  const now = Math.floor(Date.now() / 1000);

  if (kind === 'signaling') {
    if (values.uid !== undefined || values.format !== undefined) throw new UsageError('signaling takes --account, not --uid or --format');
    const account = required(values.account, '--account');
    return { token: buildSignalingToken({ appId, certificate, account, expiredTs: now + expire }) };
  }

  if (values.account !== undefined) throw new UsageError('rtm takes --uid, not --account');
  const uid = required(values.uid, '--uid');
  if (!isValidId(uid)) throw new UsageError('--uid must follow the RTM ID rules (1-64 allowed characters, not "null")');
  const format = values.format ?? '006';
  if (format === '007') return { token: buildRtmToken007({ appId, certificate, userId: uid, expire, issueTs: now }) };
  if (format !== '006') throw new UsageError('--format must be 006 or 007');
  const token = buildRtmToken006({ appId, certificate, account: uid, privilegeExpiredTs: now + expire, now });
  return expire > TOKEN_006_VALIDITY_SECONDS
    ? { token, warning: 'a 006 token is valid for 24 h at most whatever --expire says; use --format 007 for longer.' }
    : { token };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${name}`);
  return value;
}

function parseExpire(text: string | undefined): number {
  if (text === undefined) return DEFAULT_EXPIRE_SECONDS;
  const seconds = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  // The upper bound keeps now + expire inside the u32 timestamps of the token formats.
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 0xffffffff - Math.floor(Date.now() / 1000)) {
    throw new UsageError('--expire must be a whole number of seconds, at least 1');
  }
  return seconds;
}

function isParseArgsError(error: unknown): boolean {
  // parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
