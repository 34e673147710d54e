import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The layers, lowest first, as the README's layout section lists them: a folder imports only from
 * the folders before it. `src` stands for the runners in `src/` itself, `web` for `web/main.ts`.
 */
const LAYERS = [
  'src/inputs',
  'src/outputs',
  'src/model',
  'src',
  'src/analysis',
  'src/loops',
  'src/game',
  'src/history',
  'src/workshop',
  'src/server',
  'src/cli',
  'src/index.ts',
  'web/charts',
  'web/state',
  'web/worker',
  'web/components',
  'web/loop-diagram',
  'web/story',
  'web/whatif',
  'web/game',
  'web/workshop',
  'web/embed',
  'web/simulator',
  'web/security',
  'web/offline',
  'web',
] as const;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file));
}

/** The layer a file belongs to: its top folder under src/ or web/, or the root of either. */
function layerOf(file: string): string {
  if (file === join('src', 'index.ts')) return 'src/index.ts';
  const [tree, folder, ...rest] = file.split('/');
  return rest.length > 0 ? `${tree}/${folder}` : tree;
}

/** Each relative import of a file: what it loads and whether only its types are used. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: { target: string; typeOnly: boolean }[] = [];
  for (const match of text.matchAll(/^(import|export)(\s+type)?\b[^;]*?from\s+'(\.[^']+)'/gms)) {
    found.push({
      target: normalize(join(dirname(file), match[3])),
      typeOnly: match[2] !== undefined,
    });
  }
  return found;
}

describe('architecture', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('web')];

  it('puts every source file in a layer the README names', () => {
    const unknown = files
      .map(layerOf)
      .filter((layer) => !(LAYERS as readonly string[]).includes(layer));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('has no import running upwards, except type declarations shared with the worker', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = LAYERS.indexOf(layerOf(file) as (typeof LAYERS)[number]);
      for (const { target, typeOnly } of importsOf(file)) {
        const to = LAYERS.indexOf(layerOf(target) as (typeof LAYERS)[number]);
        const sharedType = typeOnly && target === join('web', 'worker', 'protocol.ts');
        if (to > from && !sharedType) upward.push(`${file} imports ${relative('.', target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the engine free of the web app', () => {
    const intoWeb = files
      .filter((file) => file.startsWith('src/'))
      .flatMap((file) => importsOf(file).filter(({ target }) => target.startsWith('web/')));
    expect(intoWeb).toEqual([]);
  });

  it('is described by the README in the same order', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('## Parameters'));
    // The public interface is named with the runners; every other layer in its place.
    const named = (layer: string) => {
      if (layer === 'src') return '`src/` itself';
      if (layer === 'web') return '`main.ts`';
      return `\`${layer.startsWith('web/') ? layer.slice(4) : layer}/\``;
    };
    const inOrder = LAYERS.filter((layer) => layer !== 'src/index.ts');
    const positions = inOrder.map((layer) => layout.indexOf(named(layer)));
    expect(inOrder.filter((_, i) => positions[i] < 0)).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
