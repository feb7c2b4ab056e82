interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every API route an express app actually mounted, as "method /api/express/:path" (web-app pages aside). */
export function mountedRoutes(app: unknown): string[] {
  return (app as { router: { stack: Layer[] } }).router.stack
    .filter((layer) => layer.route?.path.startsWith('/api/'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method} ${layer.route!.path}`));
}
