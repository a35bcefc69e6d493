/** Which methods the app's routes take at a path: what a 405's `Allow` lists. */
const patternCache = new Map<string, RegExp>()

const patternOf = (path: string): RegExp => {
  let pattern = patternCache.get(path)
  if (pattern === undefined) {
    const source = path
      .split("/")
      .map((part) =>
        part.startsWith(":") ? "[^/]+" : part === "*" ? ".*" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      )
      .join("/")
    pattern = new RegExp(`^${source}/?$`)
    patternCache.set(path, pattern)
  }
  return pattern
}

export const methodsAllowed = (
  routes: ReadonlyArray<{ readonly method: string; readonly path: string }>,
  path: string
): ReadonlyArray<string> => {
  const methods = new Set<string>()
  for (const route of routes) {
    // Middleware is registered for every method ("ALL") and says nothing of what a path does.
    if (route.method === "ALL" || route.path.endsWith("*")) continue
    if (patternOf(route.path).test(path)) methods.add(route.method)
  }
  if (methods.has("GET")) methods.add("HEAD")
  return [...methods].sort()
}
