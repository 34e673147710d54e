// Describes <death-spiral-sim> for editors and catalogues (custom-elements.json in the package).
// The element ships as one built script, so the manifest points at it rather than at its source.
const SOURCE = 'web/embed/death-spiral-sim.ts';
const BUILT = 'dist/death-spiral-sim.js';

export default {
  globs: [SOURCE],
  outdir: 'build',
  litelement: true,
  plugins: [
    {
      name: 'point-at-the-built-script',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          if (module.path !== SOURCE) continue;
          module.path = BUILT;
          for (const entry of module.exports ?? []) {
            if (entry.declaration?.module === SOURCE) entry.declaration.module = BUILT;
          }
          // The element is defined through a helper the analyser cannot follow: name the definition.
          for (const declaration of module.declarations ?? []) {
            if (!declaration.tagName) continue;
            module.exports = [
              ...(module.exports ?? []),
              {
                kind: 'custom-element-definition',
                name: declaration.tagName,
                declaration: { name: declaration.name, module: BUILT },
              },
            ];
          }
        }
      },
    },
  ],
};
