// Worker-thread entry beside the sources: loads the TypeScript sweep worker through tsx. The
// built command has its own bundled sweep-worker.mjs in its place.
import { register } from 'tsx/esm/api';

register();
await import('./sweep-worker.ts');
