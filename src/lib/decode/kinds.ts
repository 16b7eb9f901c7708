/** Line kinds returned by the engine's line detector (plain numbers: no enums under type stripping). */
export const K = {
  FREE: 0,
  XML: 1,
  HEADER: 2,
  CSVHEAD: 3,
  ROW: 4,
  DESC: 5,
  FIELDS: 6,
  OAKLEY: 7,
  REG: 8,
  PROMPT: 9,
  NOISE: 10,
  DESC_INLINE: 11,
  PING: 20,
  TRACERT: 21,
  NSLOOKUP: 22,
  IPCONFIG: 23,
  NETSTAT: 24,
  PORTQRY: 25,
  KLIST: 26,
  GPRESULT: 27,
  IPSECCLI: 28,
  NETDIAG: 29,
  SC: 30,
} as const;

export type Kind = (typeof K)[keyof typeof K];
