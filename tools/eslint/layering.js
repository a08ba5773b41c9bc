// ESLint rule: the import table of DESIGN.md §3. Each source file belongs to a layer by its folder;
// a relative import into a layer it may not use is an error. Bare package imports are checked by
// `no-restricted-imports` in eslint.config.js.
import path from 'node:path';

/** Longest prefix first: shared/node/ before shared/. */
const LAYERS = [
  ['shared/node/', 'shared/node'],
  ['shared/', 'shared'],
  ['electron/core/', 'electron/core'],
  ['electron/main/', 'electron/main'],
  ['electron/web/', 'electron/web'],
  ['electron/preload/', 'electron/preload'],
  ['renderer/', 'renderer'],
  ['server/', 'server'],
];

export const ALLOWED = {
  shared: ['shared'],
  'shared/node': ['shared', 'shared/node'],
  'electron/core': ['shared', 'shared/node', 'electron/core'],
  'electron/main': ['shared', 'shared/node', 'electron/core', 'electron/main'],
  'electron/web': ['shared', 'shared/node', 'electron/core', 'electron/web'],
  // The preload runs sandboxed: channel names as values, anything else from shared as types only.
  'electron/preload': ['electron/preload'],
  renderer: ['shared', 'renderer'],
  server: ['shared', 'shared/node', 'server'],
};

const PRELOAD_VALUE_IMPORTS = ['shared/contract/channels'];

export function layerOf(relativePath) {
  const p = relativePath.split(path.sep).join('/');
  for (const [prefix, layer] of LAYERS) if (p.startsWith(prefix)) return layer;
  return null;
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the DESIGN.md §3 import table between runtime layers' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      forbidden: '{{from}} may not import from {{to}} (DESIGN.md §3: {{from}} may use {{allowed}})',
      preloadValue: 'electron/preload may import channel names as values and other shared modules as types only',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = path.relative(root, context.filename);
    const from = layerOf(file);
    if (!from) return {};

    function check(node, specifier, typeOnly) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), specifier));
      const to = layerOf(target);
      if (!to || to === from) return;
      if (from === 'electron/preload' && (to === 'shared' || to === 'shared/node')) {
        const normalized = target
          .split(path.sep)
          .join('/')
          .replace(/\.(ts|js)$/, '');
        if (to === 'shared' && (typeOnly || PRELOAD_VALUE_IMPORTS.includes(normalized))) return;
        context.report({ node, messageId: 'preloadValue' });
        return;
      }
      if (!ALLOWED[from].includes(to)) {
        context.report({ node, messageId: 'forbidden', data: { from, to, allowed: ALLOWED[from].join(', ') } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export default { rules: { layering: layeringRule } };
