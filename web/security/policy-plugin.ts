import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './policy.ts';

/** Puts the Content-Security-Policy into every built page and sends the security headers from `vite preview`. */
export function securityPolicyPlugin(): Plugin {
  return {
    name: 'death-spiral-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS))
          response.setHeader(name, value);
        next();
      });
    },
  };
}

/** Emits a hand-written page into the build with the same Content-Security-Policy meta tag. */
export function pageWithPolicyPlugin(source: URL, fileName: string): Plugin {
  return {
    name: 'death-spiral-page-with-policy',
    apply: 'build',
    generateBundle() {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`;
      const html = readFileSync(source, 'utf8').replace(
        '<meta charset="utf-8" />',
        `<meta charset="utf-8" />\n    ${meta}`,
      );
      this.emitFile({ type: 'asset', fileName, source: html });
    },
  };
}
