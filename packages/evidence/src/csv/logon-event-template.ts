/**
 * The event data names of Security event 4624 in template order: version 0 (Windows Server 2008) has
 * the first 20, version 1 adds ImpersonationLevel, version 2 (Windows 10 / Server 2016) the rest.
 * Used to name positional `Properties` values.
 */
export const logonEventDataNames = [
  "SubjectUserSid",
  "SubjectUserName",
  "SubjectDomainName",
  "SubjectLogonId",
  "TargetUserSid",
  "TargetUserName",
  "TargetDomainName",
  "TargetLogonId",
  "LogonType",
  "LogonProcessName",
  "AuthenticationPackageName",
  "WorkstationName",
  "LogonGuid",
  "TransmittedServices",
  "LmPackageName",
  "KeyLength",
  "ProcessId",
  "ProcessName",
  "IpAddress",
  "IpPort",
  "ImpersonationLevel",
  "RestrictedAdminMode",
  "TargetOutboundUserName",
  "TargetOutboundDomainName",
  "VirtualAccount",
  "TargetLinkedLogonId",
  "ElevatedToken",
] as const;
