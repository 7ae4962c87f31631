import * as remixRouter from '@remix-run/router';

// Remix matches every page request with @remix-run/router's matchRoutes, which flattens and ranks the whole
// route tree (about 100 routes) and compiles a regular expression per candidate route, on each call: a
// few milliseconds of CPU per page request, the largest single item in a profile of the dashboards.
// Matching is a pure function of the route tree and the path, so the results for a tree are kept (the
// most recent paths, bounded) and each caller gets its own copy. Only the server runtime's lookups go
// through the module's export; the router's own calls inside a request still match from scratch.

type MatchRoutes = typeof remixRouter.matchRoutes;
type RouteMatches = NonNullable<ReturnType<MatchRoutes>>;

const MAX_PATHS_PER_TREE = 1000;

/** matchRoutes with its results kept per route tree, pathname and basename. */
export function cachedMatchRoutes(matchRoutes: MatchRoutes): MatchRoutes {
  const byTree = new WeakMap<object, Map<string, RouteMatches | null>>();
  return ((routes, location, basename) => {
    if (typeof location !== 'string') return matchRoutes(routes, location, basename);
    let cache = byTree.get(routes);
    if (!cache) byTree.set(routes, (cache = new Map()));
    const key = `${basename ?? ''}\u0000${location}`;
    let matches = cache.get(key);
    if (matches === undefined) {
      matches = matchRoutes(routes, location, basename);
      if (cache.size >= MAX_PATHS_PER_TREE) cache.delete(cache.keys().next().value!);
      cache.set(key, matches);
    }
    return matches && matches.map((match) => ({ ...match, params: { ...match.params } }));
  }) as MatchRoutes;
}

let installed = false;

/** Makes the server runtime's route matching use cachedMatchRoutes (once per process). */
export function installRouteMatchCache() {
  if (installed) return;
  // Node's ESM view of this CommonJS package is read-only; its `default` is the exports object the server
  // runtime reads `matchRoutes` from (under CommonJS, as in the tests, the import is that object itself)
  const exportsObject = ((remixRouter as unknown as { default?: typeof remixRouter }).default ?? remixRouter) as { matchRoutes: MatchRoutes };
  exportsObject.matchRoutes = cachedMatchRoutes(exportsObject.matchRoutes);
  installed = true;
}
