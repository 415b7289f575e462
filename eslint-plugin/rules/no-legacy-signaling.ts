/**
 * `resignal/no-legacy-signaling`: reports what is left of the legacy Signaling API, with its API-map ID,
 * its RTM 1.x replacement and its section of docs/api-map.md, and offers the codemod's rewrite of a site as
 * a suggestion where that rewrite is local to the site (see ../codemod-rewrites.ts).
 */
import { AST_NODE_TYPES, ESLintUtils } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DISTINCTIVE_MEMBERS, ownerOfName } from '../../codemod/analysis/legacy-names.js';
import { API_MAP_BY_ID, API_MAP_DOC_PATH, INVOKE_PREFIX, findByName, legacyDisplayName, namesOf } from '../../shim/api-map.js';
import type { ApiEntry, ApiOwner } from '../../shim/api-map.js';
import { localRewrites, type LocalRewrite } from '../codemod-rewrites.js';
import { legacyModuleOf } from '../legacy-modules.js';
import { RoleFinder, memberName, type Role } from '../roles.js';
import { TypeRoles } from '../type-roles.js';

export const RULE_NAME = 'no-legacy-signaling';

export interface RuleOptions {
  /** Offer the codemod's local rewrites as suggestions (runs the codemod on files with reports). */
  readonly suggestions?: boolean;
  /** More module specifiers that load the legacy SDK (a vendored copy under another name). */
  readonly legacyModules?: readonly string[];
}

export type MessageId = 'legacyApi' | 'legacyApiNoRtm' | 'legacyModule' | 'codemodRewrite';

const createRule = ESLintUtils.RuleCreator((name) => `docs/eslint-rule.md#${name}`);

const LEGACY_GLOBALS: ReadonlySet<string> = new Set(namesOf('global'));

const OWNER_OF_ROLE: Readonly<Record<Role, ApiOwner>> = {
  factory: 'Signal',
  flatFactory: 'Flat',
  Signal: 'Signal',
  Session: 'Session',
  Channel: 'Channel',
  Call: 'Call',
  Flat: 'Flat',
};

/** The row of a member used on an object of a known role, or by its distinctive name alone. */
function memberRow(role: Role | undefined, name: string): ApiEntry | undefined {
  if (role === 'factory') return undefined;
  if (role !== undefined) return findByName(OWNER_OF_ROLE[role], name);
  if (!DISTINCTIVE_MEMBERS.has(name)) return undefined;
  const owner = ownerOfName(name);
  return owner === undefined ? undefined : findByName(owner === 'flat' ? 'Flat' : owner, name);
}

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.parent.declarations.length === 1) return parent.parent;
  return undefined;
}

export const noLegacySignaling = createRule<[RuleOptions], MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the legacy Signaling API (Signal(), sessions, channels, calls, invoke, the flat API) once an app has moved to RTM 1.x',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          suggestions: { type: 'boolean', description: "Offer the codemod's local rewrites as suggestions." },
          legacyModules: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'More module specifiers that load the legacy SDK.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      legacyApi: '{{legacy}} is legacy Signaling API ({{id}}). RTM 1.x: {{rtm}}. See {{docs}}',
      legacyApiNoRtm: '{{legacy}} is legacy Signaling API ({{id}}) with no RTM 1.x counterpart. See {{docs}}',
      legacyModule: "'{{module}}' loads the legacy Signaling API ({{id}}). RTM 1.x: {{rtm}}. See {{docs}}",
      codemodRewrite: 'Rewrite as the codemod does ({{id}}): {{text}}',
    },
  },
  defaultOptions: [{ suggestions: true, legacyModules: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const extraModules = options.legacyModules ?? [];
    const roles = new RoleFinder(sourceCode, extraModules);
    const types = TypeRoles.from(sourceCode.parserServices);
    let rewrites: ReadonlyMap<string, LocalRewrite> | undefined;

    const roleOf = (node: TSESTree.Node): Role | undefined | 'other' => {
      const typed = types?.roleOf(node) ?? 'unknown';
      return typed === 'unknown' ? roles.roleOf(node) : typed;
    };

    const suggestionsFor = (entry: ApiEntry, nodes: readonly (TSESTree.Node | undefined)[]): TSESLint.ReportSuggestionArray<MessageId> => {
      if (options.suggestions === false) return [];
      rewrites ??= localRewrites(context.filename, sourceCode.text);
      for (const node of nodes) {
        const rewrite = node && rewrites.get(`${node.range[0]}:${node.range[1]}`);
        if (!rewrite || rewrite.id !== entry.id) continue;
        const oneLine = rewrite.text.replace(/\s*\n\s*/g, ' ');
        const text = oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
        return [{ messageId: 'codemodRewrite', data: { id: entry.id, text }, fix: (fixer) => fixer.replaceTextRange([rewrite.start, rewrite.end], rewrite.text) }];
      }
      return [];
    };

    const report = (node: TSESTree.Node, entry: ApiEntry, legacy = legacyDisplayName(entry)): void => {
      const docs = `${API_MAP_DOC_PATH}${entry.docs}`;
      context.report({
        node,
        messageId: entry.rtm === null ? 'legacyApiNoRtm' : 'legacyApi',
        data: { legacy, id: entry.id, rtm: entry.rtm ?? '', docs },
        suggest: suggestionsFor(entry, [node, enclosingStatement(node)]),
      });
    };

    const reportModule = (node: TSESTree.Node, specifier: string): void => {
      const module = legacyModuleOf(specifier, extraModules);
      if (module === undefined) return;
      const entry = module === 'flat' ? API_MAP_BY_ID.SIG_FLAT_GET_INSTANCE : API_MAP_BY_ID.SIG_SIGNAL;
      context.report({
        node,
        messageId: 'legacyModule',
        data: { module: specifier, id: entry.id, rtm: entry.rtm ?? '', docs: `${API_MAP_DOC_PATH}${entry.docs}` },
        suggest: suggestionsFor(entry, [node, enclosingStatement(node)]),
      });
    };

    const isRequire = (callee: TSESTree.Node): boolean =>
      callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' && roles.roleOf(callee) === undefined;

    const checkFactory = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
      if (roleOf(node.callee) === 'factory') report(node, API_MAP_BY_ID.SIG_SIGNAL);
    };

    return {
      ImportDeclaration(node) {
        reportModule(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        reportModule(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source) reportModule(node, node.source.value);
      },
      ImportExpression(node) {
        const specifier = stringValue(node.source);
        if (specifier !== undefined) reportModule(node, specifier);
      },
      NewExpression: checkFactory,
      CallExpression(node) {
        if (isRequire(node.callee)) {
          const specifier = stringValue(node.arguments[0]);
          if (specifier !== undefined) reportModule(node, specifier);
          return;
        }
        checkFactory(node);
      },
      MemberExpression(node) {
        const name = memberName(node);
        if (name === undefined) return;
        const role = roleOf(node.object);
        if (role === 'other') return;
        const parent = node.parent;
        const call = parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node ? parent : undefined;
        if (name === 'invoke' && call && role !== 'Flat') {
          const func = stringValue(call.arguments[0]);
          if (func?.startsWith(INVOKE_PREFIX)) {
            const entry = findByName('invoke', func);
            if (entry) report(call, entry, `session.invoke('${func}')`);
            return;
          }
        }
        const entry = memberRow(role, name);
        if (entry) report(call ?? node, entry);
      },
      'Program:exit'() {
        const globalScope = sourceCode.scopeManager?.globalScope;
        if (!globalScope) return;
        // Unresolved references, and references to globals the config declares (they have no definition).
        const declared = [...LEGACY_GLOBALS].flatMap((name) => {
          const variable = globalScope.set.get(name);
          return variable && variable.defs.length === 0 ? variable.references : [];
        });
        for (const reference of [...globalScope.through, ...declared]) {
          const entry = LEGACY_GLOBALS.has(reference.identifier.name) ? findByName('global', reference.identifier.name) : undefined;
          if (entry) report(reference.identifier, entry);
        }
      },
    };
  },
});
