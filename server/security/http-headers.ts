import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import helmet from 'helmet';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Security headers for everything the server answers (helmet): no framing, no MIME sniffing, no
 * referrer to other sites, and a Content Security Policy without inline scripts. The client is
 * built by Vite into files only; the GraphiQL page is one inline document, allowed by its hash.
 */
export function securityHeaders(options: { graphiqlHtml: string | null }) {
  const common = {
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  };
  const client = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...common,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
  const graphiqlScripts = options.graphiqlHtml ? inlineScriptHashes(options.graphiqlHtml) : [];
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...common,
        defaultSrc: ["'none'"],
        // Only the GraphiQL page (GET /graphql from a browser) runs anything, and only its own script.
        scriptSrc: graphiqlScripts.length ? graphiqlScripts : ["'none'"],
        styleSrc: graphiqlScripts.length ? ["'unsafe-inline'"] : ["'none'"],
        imgSrc: graphiqlScripts.length ? ["'self'", 'data:'] : ["'none'"],
        fontSrc: graphiqlScripts.length ? ["'self'", 'data:'] : ["'none'"],
        connectSrc: ["'self'"],
        workerSrc: graphiqlScripts.length ? ['blob:'] : ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  return {
    client: asPromise(client as Middleware),
    api: asPromise(api as Middleware),
  };
}

function asPromise(middleware: Middleware) {
  return (req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>((resolve, reject) => middleware(req, res, (error) => (error ? reject(error) : resolve())));
}

function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
}

/** GraphiQL from node_modules (no CDN: the build machines and many intranets are offline). */
export function graphiqlPage(title: string) {
  const options = { title, subscriptionsProtocol: 'WS' as const };
  return { options, html: renderGraphiQL(options) };
}

/**
 * Browsers may call the API from the client's own origin and from the origins in `CORS_ORIGINS`;
 * any other origin gets no CORS headers, so its pages cannot read the answers. Origins are never
 * reflected.
 */
export function corsFor(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false as const;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept'],
      maxAge: 600,
    };
  };
}

/** A WebSocket upgrade from a page of another site is refused unless that site is allowed. */
export function isAllowedWebSocketOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
