/**
 * A price list file to start from (CSV as the command line reads it), offered on the Price lists screen: a
 * newcomer sees the columns filled in and types their own prices over the made-up ones. Amounts are in cents.
 */
export const samplePriceListCsv = [
  "sku,family,product,version,type,packSize,price,currency,validFrom,validTo,list",
  "WS25-STD-16,,ws2025-standard,,,16,100000,EUR,2026-01-01,,My prices",
  "WS25-U1,ws-cal,,2025,user,1,4000,EUR,2026-01-01,,My prices",
  "WS25-U5,ws-cal,,2025,user,5,18500,EUR,2026-01-01,,My prices",
  "WS25-D1,ws-cal,,2025,device,1,4000,EUR,2026-01-01,,My prices",
  "WS25-D5,ws-cal,,2025,device,5,18500,EUR,2026-01-01,,My prices",
  "",
].join("\n");
