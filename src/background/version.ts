import { inExtension, manifest } from "../platform/browser"

/** The running extension's version (manifest), recorded in every snapshot; "dev" outside an extension (tests). */
export function parleyVersion(): string {
  return inExtension() ? manifest().version : "dev"
}
