/**
 * The profile's labelled axes, in the order the panel shows them (diffs, label changes and the
 * briefing use it). A module of its own without zod, so the panel's compare view does not load
 * the snapshot schemas on first paint.
 */
export const AXES = ["valueOrigin", "dominance", "initiator", "decisionCriteria", "complaints", "dependence", "crmStrategy", "valueTier", "risk"] as const
export type AxisId = (typeof AXES)[number]
