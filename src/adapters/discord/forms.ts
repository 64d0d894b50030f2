import { ComponentType, MessageFlags, TextInputStyle, type APIModalInteractionResponseCallbackData, type CommandInteractionOption, type ModalSubmitInteraction } from 'discord.js';
import type { RawValue } from '../../core/core.js';
import type { ArgSpec } from '../../core/commands/arguments.js';
import type { CommandDefinition } from '../../core/commands/command.js';
import { PLATFORM } from './guilds.js';
import { runAndAnswer, type InteractionDeps } from './interactions.js';

/** Discord's modal limits: five text inputs, 45-character title and labels, 4,000 characters a field. */
const MODAL = { inputs: 5, label: 45, value: 4000 } as const;
/** Forms waiting for an answer, at most this many; the oldest go first. */
const KEEP = 1000;
const PREFIX = 'rapport:form:';

/** What a command already had when its form was shown; the form adds the rest. */
export interface PendingForm {
  readonly command: string;
  readonly values: Record<string, RawValue>;
  readonly guildId: string;
  readonly userId: string;
  readonly interactionId: string;
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A required free-text argument: optional on Discord, so that leaving it out asks in a form (room to write). */
export function askedInForm(spec: ArgSpec): boolean {
  return spec.required && spec.type.kind === 'text';
}

/** The form-asked arguments the person left out. */
export function missingText(definition: CommandDefinition, given: readonly CommandInteractionOption[]): ArgSpec[] {
  return Object.values(definition.args).filter((spec) => askedInForm(spec) && !given.some((o) => o.name === spec.name && String(o.value ?? '').trim() !== ''));
}

/**
 * Forms shown and not yet submitted, in this process's memory: a form outlives no restart (Discord
 * lets it be submitted for 15 minutes; after a restart the person runs the command again).
 */
export class PendingForms {
  private readonly forms = new Map<string, PendingForm>();

  open(form: PendingForm, definition: CommandDefinition, missing: readonly ArgSpec[]): APIModalInteractionResponseCallbackData {
    const id = `${PREFIX}${form.interactionId}`;
    this.forms.set(id, form);
    if (this.forms.size > KEEP) this.forms.delete(this.forms.keys().next().value!);
    return {
      custom_id: id,
      title: clip(`/client ${definition.name}`, MODAL.label),
      components: missing.slice(0, MODAL.inputs).map((spec) => ({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: spec.name,
            label: clip(spec.label, MODAL.label),
            style: TextInputStyle.Paragraph,
            required: true,
            max_length: Math.min(spec.type.kind === 'text' ? (spec.type.max ?? MODAL.value) : MODAL.value, MODAL.value),
          },
        ],
      })),
    };
  }

  /** The form, once: only for the person it was shown to, in the server it was shown in. */
  take(customId: string, guildId: string | null, userId: string): PendingForm | null {
    const form = this.forms.get(customId);
    if (!form || form.guildId !== guildId || form.userId !== userId) return null;
    this.forms.delete(customId);
    return form;
  }
}

/** A submitted form: its fields join the values the command already had, and the core runs it as from a form. */
export async function handleFormSubmit(deps: InteractionDeps, forms: PendingForms, interaction: ModalSubmitInteraction): Promise<void> {
  if (!interaction.customId.startsWith(PREFIX) || !interaction.inGuild()) return;
  if (!(await deps.processedEvents.claim(PLATFORM, interaction.id, deps.clock.now()))) return;
  const form = forms.take(interaction.customId, interaction.guildId, interaction.user.id);
  if (!form) {
    await interaction.reply({ content: 'That form has expired; run the command again.', flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const fields: Record<string, RawValue> = {};
  for (const field of interaction.fields.fields.values()) if ('value' in field && typeof field.value === 'string') fields[field.customId] = field.value;
  await runAndAnswer(deps, interaction, form.command, async () => ({ ...form.values, ...fields }), 'modal');
}
