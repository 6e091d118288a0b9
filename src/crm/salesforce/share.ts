/**
 * Attaches a snapshot to a Salesforce account as Files: one composite request with `allOrNone`
 * that inserts both ContentVersions (JSON and PDF, `FirstPublishLocationId` = the account, so
 * each file is linked to the record) and reads back their ContentDocumentIds. Salesforce runs the
 * subrequests in one transaction: if the PDF insert fails, the JSON insert is rolled back too, so
 * a failure leaves nothing half-written without any clean-up call of ours.
 *
 * Writes are never retried automatically: a repeated insert would attach the files twice. The
 * call is counted against the rep's daily API budget like a sync call (a composite request counts
 * as one API call against the org's limit).
 */
import { BudgetExhaustedError, type RequestBudget } from "../request-budget"
import { ShareError, type ShareFile, type SharedFile } from "../share-types"
import { API_VERSION } from "./soql"

export interface SalesforceShareDeps {
  fetch: typeof fetch
  /** API host and `sid` of the rep's session (session.ts); used for this call only. */
  session: { apiHost: string; sid: string }
  /** The Lightning host the rep uses, for the links to the new files. */
  uiHost: string
  /** The org's request budget (src/crm/request-budget.ts): the daily count, the in-flight slots and any Retry-After hold. */
  budget: RequestBudget
}

type SubResponse = { body: unknown; httpStatusCode: number; referenceId: string }

function firstError(body: unknown): { errorCode?: string; message?: string } {
  const list = Array.isArray(body) ? body : [body]
  const real = list.find((e) => (e as { errorCode?: string })?.errorCode !== "PROCESSING_HALTED") ?? list[0]
  const { errorCode, message } = (real ?? {}) as { errorCode?: unknown; message?: unknown }
  return { errorCode: typeof errorCode === "string" ? errorCode : undefined, message: typeof message === "string" ? message : undefined }
}

const soqlIn = (refs: string[]) => refs.map((r) => `'@{${r}.id}'`).join(", ")

export async function shareToSalesforce(deps: SalesforceShareDeps, input: { accountId: string; files: readonly ShareFile[]; description: string }): Promise<SharedFile[]> {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(input.accountId)) throw new ShareError("rejected", `Not a Salesforce record id: ${input.accountId}`)
  const refs = input.files.map((f) => f.kind)
  // SOQL is URL-encoded around the references, which Salesforce resolves before running the query.
  const query = `SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id IN (${soqlIn(refs)})`
  const body = {
    allOrNone: true,
    compositeRequest: [
      ...input.files.map((file) => ({
        method: "POST",
        url: `/services/data/${API_VERSION}/sobjects/ContentVersion`,
        referenceId: file.kind,
        body: { Title: file.title, PathOnClient: file.filename, VersionData: file.base64, FirstPublishLocationId: input.accountId, Description: input.description }
      })),
      { method: "GET", url: `/services/data/${API_VERSION}/query?q=${query.split(/(@\{[a-z]+\.id\})/).map((part, i) => (i % 2 ? part : encodeURIComponent(part))).join("")}`, referenceId: "docs" }
    ]
  }
  let response: Response
  try {
    response = await deps.budget.run(() => deps.fetch(`https://${deps.session.apiHost}/services/data/${API_VERSION}/composite`, {
      method: "POST",
      headers: { Authorization: `Bearer ${deps.session.sid}`, "Content-Type": "application/json", Accept: "application/json", "Sforce-Call-Options": "client=Parley" },
      body: JSON.stringify(body),
      credentials: "omit",
      // A redirect is not followed (the header would not survive it): the POST was not run there.
      redirect: "manual"
    }))
  } catch (error) {
    if (error instanceof BudgetExhaustedError) throw new ShareError("budget-exhausted", "Today's Salesforce API budget is used up; share again tomorrow or raise the budget in Settings.")
    throw new ShareError(
      "network",
      `Salesforce did not answer (${error instanceof Error ? error.message : String(error)}). The files may or may not have been attached: check the account's Files before sharing again.`
    )
  }
  // A redirect (an old My Domain, a sign-in bounce) or a sign-in page: nothing was written, and
  // this session does not hold on that host. Said as an ended session, not as an unknown outcome.
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400) || /text\/html/i.test(response.headers.get("content-type") ?? "")) {
    throw new ShareError("session-expired", "Your Salesforce session has ended. Reload Salesforce and share again.", "INVALID_SESSION_ID")
  }
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  if (response.status === 401) throw new ShareError("session-expired", "Your Salesforce session has ended. Reload Salesforce and share again.", "INVALID_SESSION_ID")
  if (!response.ok) {
    const { errorCode, message } = firstError(json)
    throw new ShareError("rejected", `Salesforce refused the upload: ${errorCode ? `${errorCode}: ` : ""}${message ?? `HTTP ${response.status}`}`, errorCode)
  }
  const results = (json as { compositeResponse?: SubResponse[] } | undefined)?.compositeResponse
  if (!Array.isArray(results)) throw new ShareError("rejected", "Salesforce answered the upload with something Parley does not understand.")
  const failed = results.filter((r) => r.httpStatusCode >= 400)
  if (failed.length) {
    const { errorCode, message } = firstError(failed.map((r) => firstError(r.body)))
    // allOrNone: Salesforce rolled every insert back.
    throw new ShareError("rejected", `Salesforce refused the files, so nothing was attached: ${errorCode ? `${errorCode}: ` : ""}${message ?? "unknown error"}`, errorCode)
  }
  const docs = (results.find((r) => r.referenceId === "docs")?.body as { records?: { Id?: string; ContentDocumentId?: string }[] } | undefined)?.records ?? []
  return input.files.map((file) => {
    const id = (results.find((r) => r.referenceId === file.kind)?.body as { id?: unknown } | undefined)?.id
    if (typeof id !== "string") throw new ShareError("rejected", "Salesforce did not return the new file's id.")
    const documentId = docs.find((d) => d.Id === id)?.ContentDocumentId
    const url = documentId && /^[A-Za-z0-9]{15,18}$/.test(documentId) ? `https://${deps.uiHost}/lightning/r/ContentDocument/${documentId}/view` : `https://${deps.uiHost}/lightning/r/ContentVersion/${id}/view`
    return { kind: file.kind, id, url }
  })
}
