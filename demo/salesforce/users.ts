/**
 * The users of the demo org, for the team roll-up (issue 15): the demo rep (every page and the
 * default API session act as her), a second rep, and their team lead. Each has an API session of
 * their own in the mock (mock-api.ts `sessionFor`), and the mock applies Salesforce's sharing per
 * user: which accounts each may read (`accountAccess`), and which files follow from that.
 */
import { sfId } from "../org"
import { OWNER_ID } from "./records"

export interface MockUser {
  id: string
  name: string
  email: string
}

export const DEMO_USERS = {
  /** The demo rep: owner of every demo record, the default API session. */
  rep: { id: OWNER_ID, name: "Rosa Diaz", email: "rosa.diaz@northwind.example" },
  /** A second rep of the same team. */
  secondRep: { id: sfId("005", 2), name: "Omid Rahimi", email: "omid.rahimi@northwind.example" },
  /** The team lead. */
  lead: { id: sfId("005", 3), name: "Grace Okafor", email: "grace.okafor@northwind.example" }
} as const satisfies Record<string, MockUser>
