import { MessageFlags, type APIEmbed, type ButtonInteraction } from 'discord.js';
import { mayUseCommands } from '../../core/access.js';
import type { NudgeAction } from '../../core/core.js';
import { accessFacts, acknowledgeThenWork, contextFor, FAULT_TEXT, firstSeen, type InteractionDeps } from './interactions.js';
import { buttonAction, markItem, type ButtonRow } from './digest-buttons.js';

/**
 * Done or Snooze pressed on a digest item: acknowledged at once (the message will be updated), then in
 * the bounded work the core decides and records who did it, and the item is marked in place. A refusal, or a nudge that
 * is not due in this server (already done, or an id from elsewhere), is told to the presser alone.
 */
export async function handleDigestButton(deps: InteractionDeps, interaction: ButtonInteraction): Promise<void> {
  const action = buttonAction(interaction.customId);
  if (!action || !interaction.inGuild()) return;
  if (!firstSeen(deps, interaction)) return;
  const tell = (content: string) => interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  await acknowledgeThenWork(deps, interaction, () => interaction.deferUpdate(), tell, () => pressed(deps, interaction, action, tell));
}

/** The button's work after its acknowledgement: who may, the core, and the item marked in place. */
async function pressed(deps: InteractionDeps, interaction: ButtonInteraction<'cached' | 'raw'>, action: NudgeAction, tell: (content: string) => Promise<unknown>): Promise<void> {
  try {
    const allowed = mayUseCommands(accessFacts(deps, interaction));
    if (!allowed.ok) {
      await interaction.followUp({ content: `⚠️ ${allowed.message}`, flags: MessageFlags.Ephemeral });
      return;
    }
    const reply = await deps.core.actOnNudge(await contextFor(deps, interaction), action);
    if (!reply.ok) {
      await interaction.followUp({ content: `⚠️ ${reply.text}`, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const message = interaction.message;
    const marked = markItem(
      { embeds: message.embeds.map((e) => e.toJSON() as APIEmbed), components: message.components.map((c) => c.toJSON() as ButtonRow) },
      action.nudgeId,
      `${reply.text} — <@${interaction.user.id}>`,
    );
    // Sent without holding the work's slot: the round trip to Discord is not database work.
    deps.work.deliver(() => interaction.editReply({ embeds: marked.embeds, components: marked.components, allowedMentions: { parse: [] } }));
  } catch (error) {
    deps.logger.error({ err: error, guildId: interaction.guildId }, 'discord digest button failed');
    await tell(FAULT_TEXT).catch(() => undefined);
  }
}
