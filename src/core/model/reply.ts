/** A neutral reply to a command: text plus optional structure that each adapter renders its own way. */
export interface Reply {
  readonly ok: boolean;
  /** Stable identifier of an expected failure, e.g. "client.unknown"; absent on success. */
  readonly code?: string;
  /** The first line a person reads. One line for an error. */
  readonly text: string;
  readonly sections?: readonly ReplySection[];
  /** Who should see it: only the caller, or the channel. */
  readonly visibility: 'private' | 'channel';
  /** A file to hand over (export). */
  readonly attachment?: { readonly filename: string; readonly mimeType: string; readonly content: string };
  /** On an error: the argument it is about, so a form shows it beside that field. */
  readonly field?: string;
  /** Suggested command lines the user may run next ("did you mean", the add line). */
  readonly suggestions?: readonly string[];
  /**
   * False when the command succeeded with nothing new to write (a contact, date, family member or
   * like already known): imports count such rows as unchanged without reading the wording.
   */
  readonly changed?: false;
}

export interface ReplySection {
  readonly title?: string;
  readonly lines: readonly string[];
}
