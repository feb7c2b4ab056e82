interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route an express app actually mounted, as "method /express/:path". */
export function mountedRoutes(app: unknown): string[] {
  return (app as { router: { stack: Layer[] } }).router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method} ${layer.route!.path}`));
}
