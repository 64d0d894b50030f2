import { fail, succeed, type Outcome } from './commands/outcome.js';

/**
 * What a platform knows about the person asking, as plain facts. The adapter reports them; this
 * decides. Server managers may always act; where the server has a staff role, only its members
 * (and managers) may; where it has none, the platform's own command permissions are the gate.
 */
export interface AccessFacts {
  /** The server has the configured staff role (DISCORD_STAFF_ROLE_ID belongs to it). */
  readonly staffRoleExists: boolean;
  /** The person holds that role. */
  readonly hasStaffRole: boolean;
  /** The person may manage the server (Manage Server, or Administrator, which implies it). */
  readonly managesServer: boolean;
}

/** Whether the person may use Rapport's commands (and see client names in autocomplete). */
export function mayUseCommands(facts: AccessFacts): Outcome<true> {
  if (facts.managesServer) return succeed(true);
  if (!facts.staffRoleExists || facts.hasStaffRole) return succeed(true);
  return fail('access.not-staff', 'Only the staff role can use /client in this server; ask a server manager to give you the role.');
}

/**
 * Whether a message in a watched support channel speaks for the team (a reply that answers) or for
 * a member (a question that waits for one): the staff role where the server has it, and managers.
 * Unlike command access, nobody else counts as staff when the server has no such role.
 */
export function speaksForTeam(facts: AccessFacts): boolean {
  return facts.managesServer || (facts.staffRoleExists && facts.hasStaffRole);
}
