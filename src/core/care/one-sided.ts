/**
 * A relationship is one-sided when we keep reaching out and nothing comes back: at least this many
 * outbound calls, emails or messages in the review window, and not one inbound. Shared by the
 * digest's review rule and `/client health`, so both say the same thing.
 */
export const ONE_SIDED_OUTREACH = 6;

export function isOneSided(exchange: { readonly inbound: number; readonly outbound: number }): boolean {
  return exchange.outbound >= ONE_SIDED_OUTREACH && exchange.inbound === 0;
}
