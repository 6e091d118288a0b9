/** The running extension's version (manifest), recorded in every snapshot; "dev" outside Chrome (tests). */
export function parleyVersion(): string {
  const runtime = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome?.runtime
  return runtime?.getManifest?.()?.version ?? "dev"
}
