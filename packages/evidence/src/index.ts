export { accessColumns, requiredAccessColumns } from "./accesses/access-columns.ts";
export type { AggregatedLogon } from "./accesses/aggregated-logon.ts";
export { groupAggregatedLogon } from "./accesses/group-aggregated-logon.ts";
export { readAggregatedLogons } from "./accesses/read-aggregated-logons.ts";
export { readEventCsv } from "./csv/read-event-csv.ts";
export type { DetectedFormat } from "./event/detect-evidence-format.ts";
export { detectEvidenceFormat } from "./event/detect-evidence-format.ts";
export type { EvidenceFormat } from "./event/evidence-format.ts";
export { accessFormats, eventFormats, evidenceFormats } from "./event/evidence-format.ts";
export type { EvidenceLocation } from "./event/evidence-location.ts";
export { formatEvidenceLocation } from "./event/evidence-location.ts";
export type { EvidenceProblem, EvidenceProblemCode } from "./event/evidence-problem.ts";
export { evidenceProblemCodes } from "./event/evidence-problem.ts";
export type { EvidenceReadOptions } from "./event/evidence-read-options.ts";
export { type EvidenceReadSummary, fieldsListed } from "./event/evidence-read-summary.ts";
export { normaliseEventTime } from "./event/normalise-event-time.ts";
export type { EventFormat } from "./event/read-windows-events.ts";
export { readWindowsEvents } from "./event/read-windows-events.ts";
export type { WindowsEvent } from "./event/windows-event.ts";
export type { EvtxProblem, EvtxProblemCode } from "./evtx/evtx-problem.ts";
export { evtxProblemCodes } from "./evtx/evtx-problem.ts";
export type { EvtxReadSummary } from "./evtx/evtx-read-summary.ts";
export type { EvtxRecord, EvtxRecordLocation } from "./evtx/evtx-record.ts";
export { type ReadEvtxOptions, readEvtx } from "./evtx/read-evtx.ts";
export { readEvtxEvents } from "./evtx/read-evtx-events.ts";
export type { AdComputer } from "./inventory/ad-computer.ts";
export type { AdUser } from "./inventory/ad-user.ts";
export type { AccountClass } from "./inventory/classify-ad-user.ts";
export { classifyAdUser, defaultAdminGroups } from "./inventory/classify-ad-user.ts";
export type { InferredProduct } from "./inventory/infer-server-product.ts";
export { inferServerProduct } from "./inventory/infer-server-product.ts";
export { type AdEntry, readAdInventory } from "./inventory/read-ad-inventory.ts";
export { readWinlogbeatEvents } from "./jsonl/read-winlogbeat-events.ts";
export { type ScanLogonOptions, scanWinlogbeatLogons } from "./jsonl/scan-winlogbeat-logons.ts";
export { logonDataFields } from "./logon/check-logon-fields.ts";
export type { AuditWindow } from "./logon/choose-audit-window.ts";
export { chooseAuditWindow, defaultWindowDays } from "./logon/choose-audit-window.ts";
export type { LogonSkipReason, LogonVerdict } from "./logon/classify-logon.ts";
export {
  classifyLogon,
  classifyLogonAccount,
  countedLogonTypes,
  ignoredLogonTypes,
  logonSkipReasons,
  recognisedEventIds,
  successfulLogonEventId,
} from "./logon/classify-logon.ts";
export type {
  DirectLogonClass,
  DirectLogonJudge,
  DirectPiece,
} from "./logon/direct-logon-names.ts";
export { EventDeduplicator } from "./logon/event-deduplicator.ts";
export { groupLogonEvents } from "./logon/group-logon-events.ts";
export type { GroupLogonOptions } from "./logon/group-logon-options.ts";
export type { LogonEvent } from "./logon/logon-event.ts";
export type { LogonGroup, LogonGrouping, SeenAt } from "./logon/logon-group.ts";
export type { LogonRule, LogonRuleId, LogonRuleSource } from "./logon/logon-rules.ts";
export { logonRuleIds, logonRuleSources, logonRules } from "./logon/logon-rules.ts";
export { readLogonEvents } from "./logon/read-logon-events.ts";
export { toLogonEvent } from "./logon/to-logon-event.ts";
export type { EventFieldMap, LogonDataField } from "./siem/event-field-map.ts";
export { eventMapFields, requiredMapFields } from "./siem/event-field-map.ts";
export { readFlatCsvEvents } from "./siem/read-flat-csv-events.ts";
export { readFlatJsonEvents } from "./siem/read-flat-json-events.ts";
export { flatFieldMap, sentinelFieldMap, splunkFieldMap } from "./siem/siem-field-maps.ts";
export { type ByteReader, type ByteSource, bytesSource } from "./source/byte-source.ts";
export { type ReadUalOptions, readUalCsv } from "./ual/read-ual-csv.ts";
export type { UalAccess } from "./ual/ual-access.ts";
export { readEventXml } from "./xml/read-event-xml.ts";
