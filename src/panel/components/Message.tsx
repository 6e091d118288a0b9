/** An engine message in the panel's language; CRM text and codes inside it sit in <bdi>. */
import { Fragment } from "react"
import type { Message as Descriptor } from "../../i18n/message"
import { renderParts } from "../../i18n/render"
import type { Language } from "../i18n"

export function Message({ message, language }: { message: Descriptor; language: Language }) {
  return (
    <>
      {renderParts(message, language).map((part, i) => (typeof part === "string" ? <Fragment key={i}>{part}</Fragment> : <bdi key={i}>{part.isolate}</bdi>))}
    </>
  )
}
