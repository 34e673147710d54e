// Worker-thread entry: loads the TypeScript sweep worker through tsx, as the command line does.
import { register } from 'tsx/esm/api';

register();
await import('./sweep-worker.ts');
