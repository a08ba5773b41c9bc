import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import { layeringRule } from './layering.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;

const root = '/repo';
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
});
const at = (file, code) => ({ code, filename: path.join(root, file), options: [{ root }] });

tester.run('layering', layeringRule, {
  valid: [
    at('shared/domain/a.ts', "import { x } from './b';"),
    at('shared/node/jieba.ts', "import { x } from '../domain/inquiry';"),
    at(
      'electron/core/db/open.ts',
      "import { x } from '../../../shared/errors'; import { y } from '../../../shared/node/sql';",
    ),
    at('electron/main/index.ts', "import { openSeat } from '../core/seat';"),
    at('electron/web/host.ts', "import { openSeat } from '../core/seat';"),
    at('electron/preload/index.ts', "import { METHODS } from '../../shared/contract/channels';"),
    at('electron/preload/index.ts', "import type { HotlineApi } from '../../shared/contract/api';"),
    at('renderer/App.tsx', "import { CATEGORIES } from '../shared/domain/categories';"),
    at('server/http/app.ts', "import { x } from '../../shared/node/sql';"),
    at('tests/integration/x.test.ts', "import { openSeat } from '../../electron/core/seat';"),
    at('renderer/App.tsx', "import React from 'react';"),
  ],
  invalid: [
    at('shared/domain/a.ts', "import { x } from '../../electron/core/seat';"),
    at('shared/domain/a.ts', "import { x } from '../node/jieba';"),
    at('renderer/App.tsx', "import { openSeat } from '../electron/core/seat';"),
    at('renderer/App.tsx', "import { x } from '../server/app';"),
    at('electron/core/seat.ts', "import { x } from '../main/window';"),
    at('electron/web/host.ts', "import { x } from '../main/window';"),
    at('electron/main/index.ts', "import { x } from '../../renderer/App';"),
    at('server/app.ts', "import { x } from '../electron/core/seat';"),
    at('electron/preload/index.ts', "import { methods } from '../../shared/contract/contract';"),
    at('electron/preload/index.ts', "import { x } from '../core/seat';"),
    at('shared/domain/a.ts', "export { x } from '../../renderer/App';"),
  ].map((c) => ({ ...c, errors: 1 })),
});
