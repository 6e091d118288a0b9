/**
 * The Dynamics 365 connector's page-side surface (DESIGN.md contracts): what content scripts
 * import. Deliberately free of zod and Dexie (content-script size budget); the Web API sync lives
 * in `./sync` (background only), the MAIN-world half of the Xrm bridge in `./bridge-main`.
 */
export { parseDynamicsUrl, normalizeGuid, type DynamicsRecordRef, type ParseDynamicsUrlOptions } from "./url"
export { isDynamicsHost, dynamicsOrgName } from "./hosts"
export { readDynamicsRecord, looksLikeDynamics, type DynamicsPageRecord, type DynamicsFieldValue } from "./dom"
export { startDynamicsBridgeIsolated, type IsolatedBridge, type IsolatedBridgeOptions } from "./bridge-isolated"
export type { BridgeMessage, BridgeAttribute, BridgeLookup } from "./bridge-protocol"
