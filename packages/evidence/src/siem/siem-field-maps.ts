import type { EventFieldMap } from "./event-field-map.ts";

/**
 * Microsoft Sentinel / Log Analytics `SecurityEvent` columns, as the portal's CSV export (whose time
 * column is `TimeGenerated [UTC]`), `az monitor log-analytics query` and the Logs API name them.
 */
export const sentinelFieldMap: EventFieldMap = {
  eventId: ["EventID"],
  time: ["TimeGenerated", "TimeGenerated [UTC]"],
  computer: ["Computer"],
  recordId: ["EventRecordId", "EventRecordID"],
  channel: ["Channel"],
  provider: ["EventSourceName"],
  data: {
    LogonType: ["LogonType"],
    TargetUserName: ["TargetUserName"],
    TargetDomainName: ["TargetDomainName"],
    TargetUserSid: ["TargetUserSid"],
    WorkstationName: ["WorkstationName"],
    IpAddress: ["IpAddress"],
    LogonProcessName: ["LogonProcessName"],
    AuthenticationPackageName: ["AuthenticationPackageName"],
  },
};

/**
 * Splunk's `WinEventLog:Security` fields (the Splunk Add-on for Windows' extractions of the rendered
 * message, `Account_Name` holding the subject first and the new logon last) and, as alternatives,
 * the `XmlWinEventLog` names; `_time` is the event's time as Splunk exports it (ISO 8601 with offset).
 */
export const splunkFieldMap: EventFieldMap = {
  eventId: ["EventCode", "EventID"],
  time: ["_time"],
  computer: ["ComputerName", "Computer", "host"],
  recordId: ["RecordNumber", "EventRecordID"],
  channel: ["LogName", "Channel"],
  provider: ["SourceName", "Provider_Name"],
  data: {
    LogonType: ["Logon_Type", "LogonType"],
    TargetUserName: ["Account_Name", "TargetUserName"],
    TargetDomainName: ["Account_Domain", "TargetDomainName"],
    TargetUserSid: ["Security_ID", "TargetUserSid"],
    WorkstationName: ["Workstation_Name", "WorkstationName"],
    IpAddress: ["Source_Network_Address", "IpAddress"],
    LogonProcessName: ["Logon_Process", "LogonProcessName"],
    AuthenticationPackageName: ["Authentication_Package", "AuthenticationPackageName"],
  },
};

/**
 * Flat JSON lines that carry the event data at the top level beside the System fields: NXLog's
 * `to_json()` (EventTime, Hostname, RecordNumber, SourceName), Sentinel's names, and `Get-WinEvent`'s
 * (TimeCreated, MachineName, RecordId, ProviderName, LogName).
 */
export const flatFieldMap: EventFieldMap = {
  eventId: ["EventID", "EventId", "Id"],
  time: ["TimeCreated", "TimeGenerated", "EventTime", "@timestamp", "timestamp"],
  computer: ["Computer", "Hostname", "MachineName", "ComputerName"],
  recordId: ["EventRecordID", "EventRecordId", "RecordNumber", "RecordId"],
  channel: ["Channel", "LogName"],
  provider: ["ProviderName", "SourceName", "Provider", "EventSourceName"],
  data: sentinelFieldMap.data,
};
