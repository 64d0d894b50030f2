import type { Interaction } from '../model/index.js';

type Exchange = Pick<Interaction, 'kind' | 'direction'>;

/** A client reaching us in a way that wants a reply the same day: an email, or an inbound call or message. */
export function wantsReply(i: Exchange): boolean {
  return i.kind === 'email-in' || ((i.kind === 'call' || i.kind === 'message') && i.direction === 'in');
}

/** Our side answering: an email, an outbound call or message, or meeting them. */
export function isReply(i: Exchange): boolean {
  return i.kind === 'email-out' || i.kind === 'meeting' || ((i.kind === 'call' || i.kind === 'message') && i.direction === 'out');
}
