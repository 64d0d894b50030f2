import { ComponentType, MessageFlags, TextInputStyle, type APIModalInteractionResponseCallbackData, type ButtonInteraction, type CommandInteractionOption, type ModalSubmitInteraction } from 'discord.js';
import { mayUseCommands } from '../../core/access.js';
import type { RawValue } from '../../core/core.js';
import type { ArgSpec } from '../../core/commands/arguments.js';
import type { CommandDefinition } from '../../core/commands/command.js';
import { accessFacts, acknowledgeThenWork, firstSeen, optionValues, runAndAnswer, type InteractionDeps } from './interactions.js';

/** Discord's modal limits: five text inputs, 45-character title and labels, 4,000 characters a field. */
const MODAL = { inputs: 5, label: 45, value: 4000 } as const;
/** Forms waiting for an answer, at most this many; the oldest go first. */
const KEEP = 1000;
const PREFIX = 'rapport:form:';

/** What a command already had when its form was shown; the form adds the rest. */
export interface PendingForm {
  readonly command: string;
  readonly values: Record<string, RawValue>;
  /** The command's options as given, read into values when the form is submitted (showing the form reads nothing). */
  readonly options?: readonly CommandInteractionOption[];
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
            style: spec.type.kind === 'text' ? TextInputStyle.Paragraph : TextInputStyle.Short,
            required: spec.required,
            max_length: Math.min(spec.type.kind === 'text' ? (spec.type.max ?? MODAL.value) : 200, MODAL.value),
            // A form has no choice list: the choices are shown as the hint, and the core reads synonyms and near misses.
            ...(spec.type.kind === 'enum' ? { placeholder: clip((spec.type.choices ?? spec.type.values).join(', '), 100) } : {}),
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
  if (!firstSeen(deps, interaction)) return;
  const form = forms.take(interaction.customId, interaction.guildId, interaction.user.id);
  if (!form) {
    await interaction.reply({ content: 'That form has expired; run the command again.', flags: MessageFlags.Ephemeral });
    return;
  }
  const fields: Record<string, RawValue> = {};
  for (const field of interaction.fields.fields.values()) if ('value' in field && typeof field.value === 'string') fields[field.customId] = field.value;
  const given = form.options ?? [];
  await acknowledgeThenWork(
    deps,
    interaction,
    () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    (content) => interaction.editReply({ content, allowedMentions: { parse: [] } }),
    () => runAndAnswer(deps, interaction, form.command, async (workspace) => ({ ...(await optionValues(deps.core, workspace, form.command, given, interaction.client.rest)), ...form.values, ...fields }), 'modal'),
  );
}

/**
 * Log pressed on a digest item: the log form for that item's client, asking what happened and the
 * note (the client is the item's; an id from another server is no client there, so nothing is logged).
 */
export async function openLogForm(deps: InteractionDeps, forms: PendingForms, interaction: ButtonInteraction, clientId: string): Promise<void> {
  if (!interaction.inGuild() || !firstSeen(deps, interaction)) return;
  const allowed = mayUseCommands(accessFacts(deps, interaction));
  if (!allowed.ok) {
    await interaction.reply({ content: `⚠️ ${allowed.message}`, flags: MessageFlags.Ephemeral });
    return;
  }
  const log = deps.core.commands.find((c) => c.name === 'log');
  if (!log) return;
  const asked = Object.values(log.args).filter((spec) => spec.type.kind !== 'client' && (spec.required || spec.name === 'mood')).slice(0, MODAL.inputs);
  const form = { command: 'log', values: { client: { by: 'id' as const, id: clientId } }, guildId: interaction.guildId, userId: interaction.user.id, interactionId: interaction.id };
  await interaction.showModal(forms.open(form, log, asked));
}
