import { MessageFlags, type APIEmbed, type ButtonInteraction } from 'discord.js';
import { mayUseCommands } from '../../core/access.js';
import { PLATFORM } from './guilds.js';
import { accessFacts, contextFor, type InteractionDeps } from './interactions.js';
import { buttonAction, markItem, type ButtonRow } from './digest-buttons.js';

/**
 * Done or Snooze pressed on a digest item: acknowledged at once (the message will be updated), the
 * core decides and records who did it, and the item is marked in place. A refusal, or a nudge that
 * is not due in this server (already done, or an id from elsewhere), is told to the presser alone.
 */
export async function handleDigestButton(deps: InteractionDeps, interaction: ButtonInteraction): Promise<void> {
  const action = buttonAction(interaction.customId);
  if (!action || !interaction.inGuild()) return;
  if (!(await deps.processedEvents.claim(PLATFORM, interaction.id, deps.clock.now()))) return;
  await interaction.deferUpdate();
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
    await interaction.editReply({ embeds: marked.embeds, components: marked.components, allowedMentions: { parse: [] } });
  } catch (error) {
    deps.logger.error({ err: error, guildId: interaction.guildId }, 'discord digest button failed');
    await interaction.followUp({ content: 'Rapport could not finish that just now; the error is logged. Please try again in a minute.', flags: MessageFlags.Ephemeral }).catch(() => undefined);
  }
}
