var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/main.ts
import "dotenv/config";
import { hostname, userInfo } from "node:os";
import { PassThrough } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import cron2 from "node-cron";

// src/config.ts
import { IANAZone } from "luxon";
import { z } from "zod";
var optionalSecret = (prefix, example) => z.string().trim().min(1).refine((v) => prefix === null || v.startsWith(prefix), `expected a value starting with "${prefix}", such as ${example}`).optional();
var url = z.url({ message: "expected a URL such as http://127.0.0.1:3999/api/" });
var ConfigSchema = z.object({
  DATABASE_URL: z.string().trim().default("file:./data/rapport.db").refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "expected file:./data/rapport.db or postgresql://user@host:5432/db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RAPPORT_TIME_ZONE: z.string().trim().refine((v) => IANAZone.isValidZone(v), "expected an IANA time zone such as Europe/London").optional(),
  RAPPORT_GIFT_CATALOG: z.string().trim().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3e3),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  SLACK_BOT_TOKEN: optionalSecret("xoxb-", "xoxb-123-456-abc"),
  SLACK_SIGNING_SECRET: optionalSecret(null, "the app's signing secret"),
  SLACK_APP_TOKEN: optionalSecret("xapp-", "xapp-1-A123-456-abc"),
  SLACK_CLIENT_ID: optionalSecret(null, "1234.5678"),
  SLACK_CLIENT_SECRET: optionalSecret(null, "the app's client secret"),
  SLACK_STATE_SECRET: optionalSecret(null, "a long random string"),
  SLACK_MODE: z.enum(["http", "socket"]).optional(),
  SLACK_API_URL: url.optional(),
  SLACK_UNINSTALL_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  RAPPORT_INSTANCE_ID: z.string().trim().min(1).max(200).optional(),
  DELIVERY_GRACE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(180),
  DISCORD_BOT_TOKEN: optionalSecret(null, "the bot token from the developer portal (Bot \u2192 Reset Token)"),
  DISCORD_API_URL: url.optional(),
  DISCORD_GUILD_ID: z.string().trim().regex(/^\d{15,25}$/, "expected a server id (digits), such as 123456789012345678").optional(),
  DISCORD_SUPPORT_CHANNEL_IDS: z.string().trim().regex(/^\d{15,25}(\s*,\s*\d{15,25})*$/, "expected channel ids (digits) separated by commas, such as 123456789012345678,223456789012345678").transform((v) => v.split(",").map((id) => id.trim())).optional(),
  DISCORD_STAFF_ROLE_ID: z.string().trim().regex(/^\d{15,25}$/, "expected a role id (digits), such as 123456789012345678").optional()
}).superRefine((c, ctx) => {
  const slack = c.SLACK_BOT_TOKEN || c.SLACK_CLIENT_ID || c.SLACK_APP_TOKEN;
  if (!slack) return;
  const mode = c.SLACK_MODE ?? (c.SLACK_APP_TOKEN ? "socket" : "http");
  if (mode === "socket" && !c.SLACK_APP_TOKEN) ctx.addIssue({ code: "custom", path: ["SLACK_APP_TOKEN"], message: "is required in socket mode (an app-level token starting with xapp-)" });
  if (mode === "http" && !c.SLACK_SIGNING_SECRET) ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "is required in HTTP mode (Basic Information \u2192 Signing Secret)" });
  if (!c.SLACK_BOT_TOKEN && !(c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET)) {
    ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "is required for one workspace (xoxb-\u2026); for OAuth distribution set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET instead" });
  }
});
function loadConfig(env) {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== void 0 && v.trim() !== ""));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0] ?? "configuration");
  return { ok: false, message: `Configuration error: ${name} ${issue.message.replace(/^Invalid input: /, "")}` };
}
function chosenPlatform(config3) {
  if (slackConfigured(config3)) return "slack";
  return discordConfigured(config3) ? "discord" : "console";
}
function slackConfigured(config3) {
  return Boolean(config3.SLACK_BOT_TOKEN || config3.SLACK_CLIENT_ID || config3.SLACK_APP_TOKEN);
}
function discordConfigured(config3) {
  return Boolean(config3.DISCORD_BOT_TOKEN);
}

// src/adapters/logging/logger.ts
import pino from "pino";
var REDACTED_KEYS = [
  "token",
  "botToken",
  "appToken",
  "userToken",
  "accessToken",
  "refreshToken",
  "signingSecret",
  "clientSecret",
  "stateSecret",
  "password",
  "authorization",
  "cookie",
  "text",
  "summary",
  "subject",
  "note",
  "notes",
  "name",
  "names",
  "displayName",
  "family",
  "birthday",
  "date",
  "dates",
  "email",
  "emails",
  "phone",
  "value",
  "likes",
  "description",
  "body",
  "payload",
  "content",
  "blocks"
];
var paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
function createLogger(options) {
  return pino(
    {
      level: options.level,
      redact: { paths, censor: "[redacted]" },
      base: { app: "rapport" },
      serializers: {
        // Error messages from drivers can quote the values they failed on: keep the type and code, not the text.
        err: (err) => {
          if (!(err instanceof Error)) return { type: typeof err };
          const code = err.code;
          return { type: err.name, ...typeof code === "string" || typeof code === "number" ? { code } : {}, stack: err.stack?.split("\n").slice(1, 6).join("\n") };
        }
      }
    },
    options.destination
  );
}
function corePortLogger(logger) {
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message)
  };
}

// src/adapters/store/database.ts
import { mkdirSync } from "node:fs";
import { dirname as dirname3, resolve } from "node:path";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// src/adapters/store/generated/sqlite/client.ts
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import "@prisma/client/runtime/client";

// src/adapters/store/generated/sqlite/internal/class.ts
import * as runtime from "@prisma/client/runtime/client";
var config = {
  "previewFeatures": [],
  "clientVersion": "7.10.1",
  "engineVersion": "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8",
  "activeProvider": "sqlite",
  "inlineSchema": `// Generated from prisma/models.prisma by scripts/prisma-generate.mjs. Do not edit.
generator client {
  provider            = "prisma-client"
  output              = "../../src/adapters/store/generated/sqlite"
  moduleFormat        = "esm"
  importFileExtension = "js"
  runtime             = "nodejs"
}

datasource db {
  provider = "sqlite"
}

// Rapport's data model: the one source for both databases.
// scripts/prisma-generate.mjs prepends a datasource and generator block per provider
// (SQLite for the embedded default, PostgreSQL for shared deployments).
// Portable on purpose: no enums, no scalar lists, no provider-only attributes.
// Closed sets (kinds, moods, states) are strings validated by zod at the store boundary.
// Every row but Workspace carries workspaceId, so every query can be scoped to one tenant.

model Workspace {
  id                    String    @id @default(cuid())
  platform              String // slack | discord | console
  externalId            String // Slack team id, Discord guild id, "local" for the console
  name                  String
  timeZone              String    @default("UTC") // IANA zone
  digestChannel         String?
  businessDays          String    @default("1,2,3,4,5") // ISO weekdays, Monday = 1
  businessStart         String    @default("09:00")
  businessEnd           String    @default("17:30")
  settings              String    @default("{}") // JSON rule settings, validated by the core's policy schema
  // Set when delivery cannot go on (channel gone, token revoked) so an owner is told once.
  deliveryBlockedReason String?
  deliveryBlockedAt     DateTime?
  // Set when the platform app was uninstalled; data is erased after a grace period.
  uninstalledAt         DateTime?
  createdAt             DateTime  @default(now())
  updatedAt             DateTime  @updatedAt

  members       Member[]
  clients       Client[]
  aliases       ClientAlias[]
  contacts      Contact[]
  contactEmails ContactEmail[]
  family        FamilyMember[]
  likes         Like[]
  notes         Note[]
  dates         ImportantDate[]
  interactions  Interaction[]
  followUps     FollowUp[]
  gifts         Gift[]
  nudgeAcks     NudgeAck[]
  deliveries    Delivery[]
  mailboxes     Mailbox[]

  @@unique([platform, externalId])
}

model Member {
  id             String   @id @default(cuid())
  workspaceId    String
  platformUserId String
  displayName    String
  createdAt      DateTime @default(now())

  workspace    Workspace     @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  ownedClients Client[]      @relation("ClientOwner")
  interactions Interaction[] @relation("LoggedBy")
  notes        Note[]        @relation("NoteAuthor")

  @@unique([workspaceId, platformUserId])
}

model Client {
  id                String    @id @default(cuid())
  workspaceId       String
  name              String
  normalizedName    String // lower-cased, accents and extra spaces folded: the lookup key
  ownerId           String?
  tier              String    @default("standard") // top | standard | light
  status            String    @default("active") // active | paused | former
  platformUserId    String? // a community member linked to this client (Discord)
  // Kept current on every write so that rules select candidates by index, not by scanning history.
  lastInteractionAt DateTime?
  lastGestureAt     DateTime? // last gift or gesture
  lastAdviceAt      DateTime? // last time asked for feedback or advice
  createdAt         DateTime  @default(now())
  updatedAt         DateTime  @updatedAt

  workspace    Workspace       @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  owner        Member?         @relation("ClientOwner", fields: [ownerId], references: [id], onDelete: SetNull)
  aliases      ClientAlias[]
  contacts     Contact[]
  family       FamilyMember[]
  likes        Like[]
  notes        Note[]
  dates        ImportantDate[]
  interactions Interaction[]
  followUps    FollowUp[]
  gifts        Gift[]

  @@unique([workspaceId, normalizedName])
  // One index per candidate family of the care snapshot, walked in the order of its clock, then of
  // createdAt for clients that never had one: keeping in touch (by tier), surprises, advice.
  @@index([workspaceId, status, tier, lastInteractionAt, createdAt])
  @@index([workspaceId, status, lastGestureAt, createdAt])
  @@index([workspaceId, status, tier, lastAdviceAt, createdAt])
  @@index([workspaceId, platformUserId])
}

model ClientAlias {
  id          String @id @default(cuid())
  workspaceId String
  clientId    String
  alias       String
  normalized  String

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, normalized])
  @@index([clientId])
}

model Contact {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  name        String
  role        String?
  phone       String?
  createdAt   DateTime @default(now())

  workspace Workspace      @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client         @relation(fields: [clientId], references: [id], onDelete: Cascade)
  emails    ContactEmail[]

  @@index([clientId])
}

// One row an address, so the mail watcher finds the client behind a sender by index.
model ContactEmail {
  id          String @id @default(cuid())
  workspaceId String
  contactId   String
  address     String // lower-cased

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  contact   Contact   @relation(fields: [contactId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, address])
  @@index([contactId])
}

model FamilyMember {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  relation    String // spouse, daughter, son, partner, ...
  name        String
  createdAt   DateTime @default(now())

  workspace Workspace       @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client          @relation(fields: [clientId], references: [id], onDelete: Cascade)
  dates     ImportantDate[]

  @@index([clientId])
}

model Like {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  category    String // coffee | wine | team | food | hobby | holiday | other
  value       String
  createdAt   DateTime @default(now())

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)

  @@index([clientId])
}

model Note {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  authorId    String?
  text        String
  createdAt   DateTime

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)
  author    Member?   @relation("NoteAuthor", fields: [authorId], references: [id], onDelete: SetNull)

  @@index([clientId, createdAt])
}

// A recurring date. monthDay = month * 100 + day, indexed, so "the next N days" is a range query.
model ImportantDate {
  id             String  @id @default(cuid())
  workspaceId    String
  clientId       String
  familyMemberId String?
  kind           String // birthday | wedding-anniversary | child-birthday | client-since | custom
  label          String?
  month          Int
  day            Int
  year           Int? // unknown years are allowed
  monthDay       Int

  workspace    Workspace     @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client       Client        @relation(fields: [clientId], references: [id], onDelete: Cascade)
  familyMember FamilyMember? @relation(fields: [familyMemberId], references: [id], onDelete: Cascade)

  @@index([workspaceId, monthDay])
  @@index([clientId])
  // Client-since dates by year: the care snapshot's surprise candidates never given anything.
  @@index([workspaceId, kind, year])
}

model Interaction {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  kind        String // call | email-in | email-out | meeting | message | complaint | status-update | resolution | gift | referral | mistake | apology | feedback | advice-asked | note
  direction   String // in | out | none
  mood        String? // positive | neutral | negative | angry | abusive
  summary     String
  contactName String?
  loggedById  String?
  occurredAt  DateTime
  createdAt   DateTime
  source      String   @default("command") // command | mail | slack-modal | discord | demo
  externalRef String? // e.g. the Message-ID of an email, so the mail watcher never logs one twice

  workspace Workspace  @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client     @relation(fields: [clientId], references: [id], onDelete: Cascade)
  loggedBy  Member?    @relation("LoggedBy", fields: [loggedById], references: [id], onDelete: SetNull)
  followUps FollowUp[]

  @@unique([workspaceId, externalRef])
  @@index([workspaceId, kind, occurredAt])
  // Recent interactions of a workspace (moods since a date for relationship health).
  @@index([workspaceId, occurredAt])
  @@index([clientId, occurredAt])
  // Hostile moods in the review window, and outreach counted by direction (one-sided relationships).
  @@index([workspaceId, mood, occurredAt])
  @@index([workspaceId, direction, occurredAt, clientId])
}

// An open item: an unanswered email or call, an open complaint, a mistake awaiting an apology.
model FollowUp {
  id            String    @id @default(cuid())
  workspaceId   String
  clientId      String
  interactionId String?
  kind          String // reply | complaint | apology | referral-thanks | check-in | custom
  state         String // open | snoozed | done
  summary       String
  openedAt      DateTime
  snoozedUntil  DateTime?
  closedAt      DateTime?
  closedById    String?
  source        String    @default("command") // command | mail
  externalRef   String?
  // Where an awaiting-reply item came in (email | call | chat | forum-post), and the thread ids of
  // its message (JSON array), so that only a later reply in the same thread closes it.
  channel       String?
  threadIds     String    @default("[]")

  workspace   Workspace    @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client      Client       @relation(fields: [clientId], references: [id], onDelete: Cascade)
  interaction Interaction? @relation(fields: [interactionId], references: [id], onDelete: SetNull)

  @@index([workspaceId, state])
  @@index([clientId, state])
}

model Gift {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  description String
  occasion    String?
  givenAt     DateTime
  loggedById  String?

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)

  @@index([clientId, givenAt])
}

// Done / snooze of one nudge occurrence. Nudge ids are stable per trigger, so a new trigger is a new id.
model NudgeAck {
  workspaceId String
  nudgeId     String
  action      String // done | snoozed
  until       DateTime?
  actorId     String?
  at          DateTime

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)

  @@id([workspaceId, nudgeId])
}

// The delivery ledger: one row per (workspace, channel, kind, local date), written before posting
// and marked posted after, so a digest is posted exactly once across restarts and replicas.
model Delivery {
  id          String    @id @default(cuid())
  workspaceId String
  channel     String
  kind        String // morning | sweep
  localDate   String // yyyy-MM-dd in the workspace's zone
  state       String // claimed | posted | skipped | failed
  attempts    Int       @default(0)
  claimedBy   String?
  claimedAt   DateTime?
  postedAt    DateTime?
  messageRef  String?
  late        Boolean   @default(false)
  note        String?
  createdAt   DateTime  @default(now())

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, channel, kind, localDate])
  @@index([state, claimedAt])
}

// A chat platform's installation of the app (its tokens), kept in Rapport's database. Keyed per
// platform by the team it was installed in, or by the enterprise for an org-wide install.
model Installation {
  platform     String // slack | discord | ...
  key          String // "team:<id>" or "enterprise:<id>"
  teamId       String?
  enterpriseId String?
  data         String // the platform's installation record as JSON (tokens included)
  createdAt    DateTime @default(now())
  updatedAt    DateTime @updatedAt

  @@id([platform, key])
  @@index([platform, teamId])
}

// A mailbox the IMAP watcher reads for client emails still unanswered.
model Mailbox {
  id          String    @id @default(cuid())
  workspaceId String
  address     String
  host        String
  lastUid     Int?
  uidValidity String?
  checkedAt   DateTime?

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, address])
}

// Events already processed (Slack Events API retries carry the same event_id).
model ProcessedEvent {
  id          String   @id // platform + ":" + event id
  processedAt DateTime

  @@index([processedAt])
}
`,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "parameterizationSchema": {
    "strings": [],
    "graph": ""
  }
};
config.runtimeDataModel = JSON.parse('{"models":{"Workspace":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"platform","kind":"scalar","type":"String"},{"name":"externalId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"timeZone","kind":"scalar","type":"String"},{"name":"digestChannel","kind":"scalar","type":"String"},{"name":"businessDays","kind":"scalar","type":"String"},{"name":"businessStart","kind":"scalar","type":"String"},{"name":"businessEnd","kind":"scalar","type":"String"},{"name":"settings","kind":"scalar","type":"String"},{"name":"deliveryBlockedReason","kind":"scalar","type":"String"},{"name":"deliveryBlockedAt","kind":"scalar","type":"DateTime"},{"name":"uninstalledAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"members","kind":"object","type":"Member","relationName":"MemberToWorkspace"},{"name":"clients","kind":"object","type":"Client","relationName":"ClientToWorkspace"},{"name":"aliases","kind":"object","type":"ClientAlias","relationName":"ClientAliasToWorkspace"},{"name":"contacts","kind":"object","type":"Contact","relationName":"ContactToWorkspace"},{"name":"contactEmails","kind":"object","type":"ContactEmail","relationName":"ContactEmailToWorkspace"},{"name":"family","kind":"object","type":"FamilyMember","relationName":"FamilyMemberToWorkspace"},{"name":"likes","kind":"object","type":"Like","relationName":"LikeToWorkspace"},{"name":"notes","kind":"object","type":"Note","relationName":"NoteToWorkspace"},{"name":"dates","kind":"object","type":"ImportantDate","relationName":"ImportantDateToWorkspace"},{"name":"interactions","kind":"object","type":"Interaction","relationName":"InteractionToWorkspace"},{"name":"followUps","kind":"object","type":"FollowUp","relationName":"FollowUpToWorkspace"},{"name":"gifts","kind":"object","type":"Gift","relationName":"GiftToWorkspace"},{"name":"nudgeAcks","kind":"object","type":"NudgeAck","relationName":"NudgeAckToWorkspace"},{"name":"deliveries","kind":"object","type":"Delivery","relationName":"DeliveryToWorkspace"},{"name":"mailboxes","kind":"object","type":"Mailbox","relationName":"MailboxToWorkspace"}],"dbName":null,"schema":null},"Member":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"platformUserId","kind":"scalar","type":"String"},{"name":"displayName","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"MemberToWorkspace"},{"name":"ownedClients","kind":"object","type":"Client","relationName":"ClientOwner"},{"name":"interactions","kind":"object","type":"Interaction","relationName":"LoggedBy"},{"name":"notes","kind":"object","type":"Note","relationName":"NoteAuthor"}],"dbName":null,"schema":null},"Client":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"normalizedName","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"tier","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"platformUserId","kind":"scalar","type":"String"},{"name":"lastInteractionAt","kind":"scalar","type":"DateTime"},{"name":"lastGestureAt","kind":"scalar","type":"DateTime"},{"name":"lastAdviceAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ClientToWorkspace"},{"name":"owner","kind":"object","type":"Member","relationName":"ClientOwner"},{"name":"aliases","kind":"object","type":"ClientAlias","relationName":"ClientToClientAlias"},{"name":"contacts","kind":"object","type":"Contact","relationName":"ClientToContact"},{"name":"family","kind":"object","type":"FamilyMember","relationName":"ClientToFamilyMember"},{"name":"likes","kind":"object","type":"Like","relationName":"ClientToLike"},{"name":"notes","kind":"object","type":"Note","relationName":"ClientToNote"},{"name":"dates","kind":"object","type":"ImportantDate","relationName":"ClientToImportantDate"},{"name":"interactions","kind":"object","type":"Interaction","relationName":"ClientToInteraction"},{"name":"followUps","kind":"object","type":"FollowUp","relationName":"ClientToFollowUp"},{"name":"gifts","kind":"object","type":"Gift","relationName":"ClientToGift"}],"dbName":null,"schema":null},"ClientAlias":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"alias","kind":"scalar","type":"String"},{"name":"normalized","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ClientAliasToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToClientAlias"}],"dbName":null,"schema":null},"Contact":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"role","kind":"scalar","type":"String"},{"name":"phone","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ContactToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToContact"},{"name":"emails","kind":"object","type":"ContactEmail","relationName":"ContactToContactEmail"}],"dbName":null,"schema":null},"ContactEmail":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"contactId","kind":"scalar","type":"String"},{"name":"address","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ContactEmailToWorkspace"},{"name":"contact","kind":"object","type":"Contact","relationName":"ContactToContactEmail"}],"dbName":null,"schema":null},"FamilyMember":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"relation","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"FamilyMemberToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToFamilyMember"},{"name":"dates","kind":"object","type":"ImportantDate","relationName":"FamilyMemberToImportantDate"}],"dbName":null,"schema":null},"Like":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"category","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"LikeToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToLike"}],"dbName":null,"schema":null},"Note":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"authorId","kind":"scalar","type":"String"},{"name":"text","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"NoteToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToNote"},{"name":"author","kind":"object","type":"Member","relationName":"NoteAuthor"}],"dbName":null,"schema":null},"ImportantDate":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"familyMemberId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"label","kind":"scalar","type":"String"},{"name":"month","kind":"scalar","type":"Int"},{"name":"day","kind":"scalar","type":"Int"},{"name":"year","kind":"scalar","type":"Int"},{"name":"monthDay","kind":"scalar","type":"Int"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ImportantDateToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToImportantDate"},{"name":"familyMember","kind":"object","type":"FamilyMember","relationName":"FamilyMemberToImportantDate"}],"dbName":null,"schema":null},"Interaction":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"direction","kind":"scalar","type":"String"},{"name":"mood","kind":"scalar","type":"String"},{"name":"summary","kind":"scalar","type":"String"},{"name":"contactName","kind":"scalar","type":"String"},{"name":"loggedById","kind":"scalar","type":"String"},{"name":"occurredAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"source","kind":"scalar","type":"String"},{"name":"externalRef","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"InteractionToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToInteraction"},{"name":"loggedBy","kind":"object","type":"Member","relationName":"LoggedBy"},{"name":"followUps","kind":"object","type":"FollowUp","relationName":"FollowUpToInteraction"}],"dbName":null,"schema":null},"FollowUp":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"interactionId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"state","kind":"scalar","type":"String"},{"name":"summary","kind":"scalar","type":"String"},{"name":"openedAt","kind":"scalar","type":"DateTime"},{"name":"snoozedUntil","kind":"scalar","type":"DateTime"},{"name":"closedAt","kind":"scalar","type":"DateTime"},{"name":"closedById","kind":"scalar","type":"String"},{"name":"source","kind":"scalar","type":"String"},{"name":"externalRef","kind":"scalar","type":"String"},{"name":"channel","kind":"scalar","type":"String"},{"name":"threadIds","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"FollowUpToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToFollowUp"},{"name":"interaction","kind":"object","type":"Interaction","relationName":"FollowUpToInteraction"}],"dbName":null,"schema":null},"Gift":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"occasion","kind":"scalar","type":"String"},{"name":"givenAt","kind":"scalar","type":"DateTime"},{"name":"loggedById","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"GiftToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToGift"}],"dbName":null,"schema":null},"NudgeAck":{"fields":[{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"nudgeId","kind":"scalar","type":"String"},{"name":"action","kind":"scalar","type":"String"},{"name":"until","kind":"scalar","type":"DateTime"},{"name":"actorId","kind":"scalar","type":"String"},{"name":"at","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"NudgeAckToWorkspace"}],"dbName":null,"schema":null},"Delivery":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"channel","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"localDate","kind":"scalar","type":"String"},{"name":"state","kind":"scalar","type":"String"},{"name":"attempts","kind":"scalar","type":"Int"},{"name":"claimedBy","kind":"scalar","type":"String"},{"name":"claimedAt","kind":"scalar","type":"DateTime"},{"name":"postedAt","kind":"scalar","type":"DateTime"},{"name":"messageRef","kind":"scalar","type":"String"},{"name":"late","kind":"scalar","type":"Boolean"},{"name":"note","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"DeliveryToWorkspace"}],"dbName":null,"schema":null},"Installation":{"fields":[{"name":"platform","kind":"scalar","type":"String"},{"name":"key","kind":"scalar","type":"String"},{"name":"teamId","kind":"scalar","type":"String"},{"name":"enterpriseId","kind":"scalar","type":"String"},{"name":"data","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null,"schema":null},"Mailbox":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"address","kind":"scalar","type":"String"},{"name":"host","kind":"scalar","type":"String"},{"name":"lastUid","kind":"scalar","type":"Int"},{"name":"uidValidity","kind":"scalar","type":"String"},{"name":"checkedAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"MailboxToWorkspace"}],"dbName":null,"schema":null},"ProcessedEvent":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"processedAt","kind":"scalar","type":"DateTime"}],"dbName":null,"schema":null}},"enums":{},"types":{}}');
config.parameterizationSchema = {
  strings: JSON.parse('["where","orderBy","cursor","workspace","owner","client","aliases","contact","emails","_count","contacts","familyMember","dates","family","likes","author","notes","loggedBy","interaction","followUps","interactions","gifts","ownedClients","members","clients","contactEmails","nudgeAcks","deliveries","mailboxes","Workspace.findUnique","Workspace.findUniqueOrThrow","Workspace.findFirst","Workspace.findFirstOrThrow","Workspace.findMany","data","Workspace.createOne","Workspace.createMany","Workspace.createManyAndReturn","Workspace.updateOne","Workspace.updateMany","Workspace.updateManyAndReturn","create","update","Workspace.upsertOne","Workspace.deleteOne","Workspace.deleteMany","having","_min","_max","Workspace.groupBy","Workspace.aggregate","Member.findUnique","Member.findUniqueOrThrow","Member.findFirst","Member.findFirstOrThrow","Member.findMany","Member.createOne","Member.createMany","Member.createManyAndReturn","Member.updateOne","Member.updateMany","Member.updateManyAndReturn","Member.upsertOne","Member.deleteOne","Member.deleteMany","Member.groupBy","Member.aggregate","Client.findUnique","Client.findUniqueOrThrow","Client.findFirst","Client.findFirstOrThrow","Client.findMany","Client.createOne","Client.createMany","Client.createManyAndReturn","Client.updateOne","Client.updateMany","Client.updateManyAndReturn","Client.upsertOne","Client.deleteOne","Client.deleteMany","Client.groupBy","Client.aggregate","ClientAlias.findUnique","ClientAlias.findUniqueOrThrow","ClientAlias.findFirst","ClientAlias.findFirstOrThrow","ClientAlias.findMany","ClientAlias.createOne","ClientAlias.createMany","ClientAlias.createManyAndReturn","ClientAlias.updateOne","ClientAlias.updateMany","ClientAlias.updateManyAndReturn","ClientAlias.upsertOne","ClientAlias.deleteOne","ClientAlias.deleteMany","ClientAlias.groupBy","ClientAlias.aggregate","Contact.findUnique","Contact.findUniqueOrThrow","Contact.findFirst","Contact.findFirstOrThrow","Contact.findMany","Contact.createOne","Contact.createMany","Contact.createManyAndReturn","Contact.updateOne","Contact.updateMany","Contact.updateManyAndReturn","Contact.upsertOne","Contact.deleteOne","Contact.deleteMany","Contact.groupBy","Contact.aggregate","ContactEmail.findUnique","ContactEmail.findUniqueOrThrow","ContactEmail.findFirst","ContactEmail.findFirstOrThrow","ContactEmail.findMany","ContactEmail.createOne","ContactEmail.createMany","ContactEmail.createManyAndReturn","ContactEmail.updateOne","ContactEmail.updateMany","ContactEmail.updateManyAndReturn","ContactEmail.upsertOne","ContactEmail.deleteOne","ContactEmail.deleteMany","ContactEmail.groupBy","ContactEmail.aggregate","FamilyMember.findUnique","FamilyMember.findUniqueOrThrow","FamilyMember.findFirst","FamilyMember.findFirstOrThrow","FamilyMember.findMany","FamilyMember.createOne","FamilyMember.createMany","FamilyMember.createManyAndReturn","FamilyMember.updateOne","FamilyMember.updateMany","FamilyMember.updateManyAndReturn","FamilyMember.upsertOne","FamilyMember.deleteOne","FamilyMember.deleteMany","FamilyMember.groupBy","FamilyMember.aggregate","Like.findUnique","Like.findUniqueOrThrow","Like.findFirst","Like.findFirstOrThrow","Like.findMany","Like.createOne","Like.createMany","Like.createManyAndReturn","Like.updateOne","Like.updateMany","Like.updateManyAndReturn","Like.upsertOne","Like.deleteOne","Like.deleteMany","Like.groupBy","Like.aggregate","Note.findUnique","Note.findUniqueOrThrow","Note.findFirst","Note.findFirstOrThrow","Note.findMany","Note.createOne","Note.createMany","Note.createManyAndReturn","Note.updateOne","Note.updateMany","Note.updateManyAndReturn","Note.upsertOne","Note.deleteOne","Note.deleteMany","Note.groupBy","Note.aggregate","ImportantDate.findUnique","ImportantDate.findUniqueOrThrow","ImportantDate.findFirst","ImportantDate.findFirstOrThrow","ImportantDate.findMany","ImportantDate.createOne","ImportantDate.createMany","ImportantDate.createManyAndReturn","ImportantDate.updateOne","ImportantDate.updateMany","ImportantDate.updateManyAndReturn","ImportantDate.upsertOne","ImportantDate.deleteOne","ImportantDate.deleteMany","_avg","_sum","ImportantDate.groupBy","ImportantDate.aggregate","Interaction.findUnique","Interaction.findUniqueOrThrow","Interaction.findFirst","Interaction.findFirstOrThrow","Interaction.findMany","Interaction.createOne","Interaction.createMany","Interaction.createManyAndReturn","Interaction.updateOne","Interaction.updateMany","Interaction.updateManyAndReturn","Interaction.upsertOne","Interaction.deleteOne","Interaction.deleteMany","Interaction.groupBy","Interaction.aggregate","FollowUp.findUnique","FollowUp.findUniqueOrThrow","FollowUp.findFirst","FollowUp.findFirstOrThrow","FollowUp.findMany","FollowUp.createOne","FollowUp.createMany","FollowUp.createManyAndReturn","FollowUp.updateOne","FollowUp.updateMany","FollowUp.updateManyAndReturn","FollowUp.upsertOne","FollowUp.deleteOne","FollowUp.deleteMany","FollowUp.groupBy","FollowUp.aggregate","Gift.findUnique","Gift.findUniqueOrThrow","Gift.findFirst","Gift.findFirstOrThrow","Gift.findMany","Gift.createOne","Gift.createMany","Gift.createManyAndReturn","Gift.updateOne","Gift.updateMany","Gift.updateManyAndReturn","Gift.upsertOne","Gift.deleteOne","Gift.deleteMany","Gift.groupBy","Gift.aggregate","NudgeAck.findUnique","NudgeAck.findUniqueOrThrow","NudgeAck.findFirst","NudgeAck.findFirstOrThrow","NudgeAck.findMany","NudgeAck.createOne","NudgeAck.createMany","NudgeAck.createManyAndReturn","NudgeAck.updateOne","NudgeAck.updateMany","NudgeAck.updateManyAndReturn","NudgeAck.upsertOne","NudgeAck.deleteOne","NudgeAck.deleteMany","NudgeAck.groupBy","NudgeAck.aggregate","Delivery.findUnique","Delivery.findUniqueOrThrow","Delivery.findFirst","Delivery.findFirstOrThrow","Delivery.findMany","Delivery.createOne","Delivery.createMany","Delivery.createManyAndReturn","Delivery.updateOne","Delivery.updateMany","Delivery.updateManyAndReturn","Delivery.upsertOne","Delivery.deleteOne","Delivery.deleteMany","Delivery.groupBy","Delivery.aggregate","Installation.findUnique","Installation.findUniqueOrThrow","Installation.findFirst","Installation.findFirstOrThrow","Installation.findMany","Installation.createOne","Installation.createMany","Installation.createManyAndReturn","Installation.updateOne","Installation.updateMany","Installation.updateManyAndReturn","Installation.upsertOne","Installation.deleteOne","Installation.deleteMany","Installation.groupBy","Installation.aggregate","Mailbox.findUnique","Mailbox.findUniqueOrThrow","Mailbox.findFirst","Mailbox.findFirstOrThrow","Mailbox.findMany","Mailbox.createOne","Mailbox.createMany","Mailbox.createManyAndReturn","Mailbox.updateOne","Mailbox.updateMany","Mailbox.updateManyAndReturn","Mailbox.upsertOne","Mailbox.deleteOne","Mailbox.deleteMany","Mailbox.groupBy","Mailbox.aggregate","ProcessedEvent.findUnique","ProcessedEvent.findUniqueOrThrow","ProcessedEvent.findFirst","ProcessedEvent.findFirstOrThrow","ProcessedEvent.findMany","ProcessedEvent.createOne","ProcessedEvent.createMany","ProcessedEvent.createManyAndReturn","ProcessedEvent.updateOne","ProcessedEvent.updateMany","ProcessedEvent.updateManyAndReturn","ProcessedEvent.upsertOne","ProcessedEvent.deleteOne","ProcessedEvent.deleteMany","ProcessedEvent.groupBy","ProcessedEvent.aggregate","AND","OR","NOT","id","processedAt","equals","in","notIn","lt","lte","gt","gte","not","contains","startsWith","endsWith","workspaceId","address","host","lastUid","uidValidity","checkedAt","platform","key","teamId","enterpriseId","createdAt","updatedAt","platform_key","channel","kind","localDate","state","attempts","claimedBy","claimedAt","postedAt","messageRef","late","note","nudgeId","action","until","actorId","at","clientId","description","occasion","givenAt","loggedById","interactionId","summary","openedAt","snoozedUntil","closedAt","closedById","source","externalRef","threadIds","direction","mood","contactName","occurredAt","familyMemberId","label","month","day","year","monthDay","authorId","text","category","value","relation","name","contactId","role","phone","alias","normalized","normalizedName","ownerId","tier","status","platformUserId","lastInteractionAt","lastGestureAt","lastAdviceAt","displayName","externalId","timeZone","digestChannel","businessDays","businessStart","businessEnd","settings","deliveryBlockedReason","deliveryBlockedAt","uninstalledAt","every","some","none","workspaceId_address","workspaceId_channel_kind_localDate","workspaceId_nudgeId","workspaceId_externalRef","workspaceId_normalized","workspaceId_normalizedName","workspaceId_platformUserId","platform_externalId","is","isNot","connectOrCreate","upsert","createMany","set","disconnect","delete","connect","updateMany","deleteMany","increment","decrement","multiply","divide"]'),
  graph: "rgqdAaACIgYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIBcAAL8EACAYAADABAAgGQAAwwQAIBoAAMsEACAbAADMBAAgHAAAzQQAIMUCAAC9BAAwxgIAAHIAEMcCAAC9BAAwyAIBAAAAAdsCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhngMBAJcEACGfAwEAlwQAIaADAQCmBAAhoQMBAJcEACGiAwEAlwQAIaMDAQCXBAAhpAMBAJcEACGlAwEApgQAIaYDQAC-BAAhpwNAAL4EACGyAwAA7gQAIAEAAAABACAMAwAA0QQAIBAAAMYEACAUAADIBAAgFgAAwAQAIMUCAADtBAAwxgIAAAMAEMcCAADtBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAhmQMBAJcEACGdAwEAlwQAIQQDAAD1CAAgEAAA7QgAIBQAAO8IACAWAADnCAAgDQMAANEEACAQAADGBAAgFAAAyAQAIBYAAMAEACDFAgAA7QQAMMYCAAADABDHAgAA7QQAMMgCAQAAAAHVAgEAlwQAId8CQACYBAAhmQMBAJcEACGdAwEAlwQAIbEDAADsBAAgAwAAAAMAIAEAAAQAMAIAAAUAIBsDAADRBAAgBAAA3gQAIAYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIMUCAADrBAAwxgIAAAcAEMcCAADrBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4AJAAJgEACGPAwEAlwQAIZUDAQCXBAAhlgMBAKYEACGXAwEAlwQAIZgDAQCXBAAhmQMBAKYEACGaA0AAvgQAIZsDQAC-BAAhnANAAL4EACEQAwAA9QgAIAQAAPgIACAGAADoCAAgCgAA6QgAIAwAAO4IACANAADrCAAgDgAA7AgAIBAAAO0IACATAADwCAAgFAAA7wgAIBUAAPEIACCWAwAA9AQAIJkDAAD0BAAgmgMAAPQEACCbAwAA9AQAIJwDAAD0BAAgHAMAANEEACAEAADeBAAgBgAAwQQAIAoAAMIEACAMAADHBAAgDQAAxAQAIA4AAMUEACAQAADGBAAgEwAAyQQAIBQAAMgEACAVAADKBAAgxQIAAOsEADDGAgAABwAQxwIAAOsEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGVAwEAlwQAIZYDAQCmBAAhlwMBAJcEACGYAwEAlwQAIZkDAQCmBAAhmgNAAL4EACGbA0AAvgQAIZwDQAC-BAAhsAMAAOoEACADAAAABwAgAQAACAAwAgAACQAgAQAAAAMAIAoDAADRBAAgBQAA2QQAIMUCAADpBAAwxgIAAAwAEMcCAADpBAAwyAIBAJcEACHVAgEAlwQAIfICAQCXBAAhkwMBAJcEACGUAwEAlwQAIQIDAAD1CAAgBQAA9ggAIAsDAADRBAAgBQAA2QQAIMUCAADpBAAwxgIAAAwAEMcCAADpBAAwyAIBAAAAAdUCAQCXBAAh8gIBAJcEACGTAwEAlwQAIZQDAQCXBAAhrwMAAOgEACADAAAADAAgAQAADQAwAgAADgAgDQMAANEEACAFAADZBAAgCAAAwwQAIMUCAADnBAAwxgIAABAAEMcCAADnBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGPAwEAlwQAIZEDAQCmBAAhkgMBAKYEACEFAwAA9QgAIAUAAPYIACAIAADqCAAgkQMAAPQEACCSAwAA9AQAIA0DAADRBAAgBQAA2QQAIAgAAMMEACDFAgAA5wQAMMYCAAAQABDHAgAA5wQAMMgCAQAAAAHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGPAwEAlwQAIZEDAQCmBAAhkgMBAKYEACEDAAAAEAAgAQAAEQAwAgAAEgAgCQMAANEEACAHAADmBAAgxQIAAOUEADDGAgAAFAAQxwIAAOUEADDIAgEAlwQAIdUCAQCXBAAh1gIBAJcEACGQAwEAlwQAIQIDAAD1CAAgBwAA-ggAIAoDAADRBAAgBwAA5gQAIMUCAADlBAAwxgIAABQAEMcCAADlBAAwyAIBAAAAAdUCAQCXBAAh1gIBAJcEACGQAwEAlwQAIasDAADkBAAgAwAAABQAIAEAABUAMAIAABYAIAEAAAAUACAMAwAA0QQAIAUAANkEACAMAADHBAAgxQIAAOMEADDGAgAAGQAQxwIAAOMEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACEDAwAA9QgAIAUAAPYIACAMAADuCAAgDAMAANEEACAFAADZBAAgDAAAxwQAIMUCAADjBAAwxgIAABkAEMcCAADjBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACEDAAAAGQAgAQAAGgAwAgAAGwAgEAMAANEEACAFAADZBAAgCwAA4gQAIMUCAADhBAAwxgIAAB0AEMcCAADhBAAwyAIBAJcEACHVAgEAlwQAIeMCAQCXBAAh8gIBAJcEACGEAwEApgQAIYUDAQCmBAAhhgMCANQEACGHAwIA1AQAIYgDAgDQBAAhiQMCANQEACEGAwAA9QgAIAUAAPYIACALAAD5CAAghAMAAPQEACCFAwAA9AQAIIgDAAD0BAAgEAMAANEEACAFAADZBAAgCwAA4gQAIMUCAADhBAAwxgIAAB0AEMcCAADhBAAwyAIBAAAAAdUCAQCXBAAh4wIBAJcEACHyAgEAlwQAIYQDAQCmBAAhhQMBAKYEACGGAwIA1AQAIYcDAgDUBAAhiAMCANAEACGJAwIA1AQAIQMAAAAdACABAAAeADACAAAfACABAAAAGQAgAQAAAB0AIAsDAADRBAAgBQAA2QQAIMUCAADgBAAwxgIAACMAEMcCAADgBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGMAwEAlwQAIY0DAQCXBAAhAgMAAPUIACAFAAD2CAAgCwMAANEEACAFAADZBAAgxQIAAOAEADDGAgAAIwAQxwIAAOAEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjAMBAJcEACGNAwEAlwQAIQMAAAAjACABAAAkADACAAAlACAMAwAA0QQAIAUAANkEACAPAADeBAAgxQIAAN8EADDGAgAAJwAQxwIAAN8EADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYoDAQCmBAAhiwMBAJcEACEEAwAA9QgAIAUAAPYIACAPAAD4CAAgigMAAPQEACAMAwAA0QQAIAUAANkEACAPAADeBAAgxQIAAN8EADDGAgAAJwAQxwIAAN8EADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhigMBAKYEACGLAwEAlwQAIQMAAAAnACABAAAoADACAAApACABAAAAAwAgAwAAAB0AIAEAAB4AMAIAAB8AIBQDAADRBAAgBQAA2QQAIBEAAN4EACATAADJBAAgxQIAAN0EADDGAgAALQAQxwIAAN0EADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIQgDAAD1CAAgBQAA9ggAIBEAAPgIACATAADwCAAg9gIAAPQEACD-AgAA9AQAIIEDAAD0BAAgggMAAPQEACAVAwAA0QQAIAUAANkEACARAADeBAAgEwAAyQQAIMUCAADdBAAwxgIAAC0AEMcCAADdBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIa4DAADcBAAgAwAAAC0AIAEAAC4AMAIAAC8AIAEAAAADACAVAwAA0QQAIAUAANkEACASAADbBAAgxQIAANoEADDGAgAAMgAQxwIAANoEADDIAgEAlwQAIdUCAQCXBAAh4gIBAKYEACHjAgEAlwQAIeUCAQCXBAAh8gIBAJcEACH3AgEApgQAIfgCAQCXBAAh-QJAAJgEACH6AkAAvgQAIfsCQAC-BAAh_AIBAKYEACH9AgEAlwQAIf4CAQCmBAAh_wIBAJcEACEJAwAA9QgAIAUAAPYIACASAAD3CAAg4gIAAPQEACD3AgAA9AQAIPoCAAD0BAAg-wIAAPQEACD8AgAA9AQAIP4CAAD0BAAgFQMAANEEACAFAADZBAAgEgAA2wQAIMUCAADaBAAwxgIAADIAEMcCAADaBAAwyAIBAAAAAdUCAQCXBAAh4gIBAKYEACHjAgEAlwQAIeUCAQCXBAAh8gIBAJcEACH3AgEApgQAIfgCAQCXBAAh-QJAAJgEACH6AkAAvgQAIfsCQAC-BAAh_AIBAKYEACH9AgEAlwQAIf4CAQCmBAAh_wIBAJcEACEDAAAAMgAgAQAAMwAwAgAANAAgAQAAAC0AIAEAAAAyACADAAAAMgAgAQAAMwAwAgAANAAgDAMAANEEACAFAADZBAAgxQIAANgEADDGAgAAOQAQxwIAANgEADDIAgEAlwQAIdUCAQCXBAAh8gIBAJcEACHzAgEAlwQAIfQCAQCmBAAh9QJAAJgEACH2AgEApgQAIQQDAAD1CAAgBQAA9ggAIPQCAAD0BAAg9gIAAPQEACAMAwAA0QQAIAUAANkEACDFAgAA2AQAMMYCAAA5ABDHAgAA2AQAMMgCAQAAAAHVAgEAlwQAIfICAQCXBAAh8wIBAJcEACH0AgEApgQAIfUCQACYBAAh9gIBAKYEACEDAAAAOQAgAQAAOgAwAgAAOwAgAQAAAAwAIAEAAAAQACABAAAAGQAgAQAAACMAIAEAAAAnACABAAAAHQAgAQAAAC0AIAEAAAAyACABAAAAOQAgAwAAAC0AIAEAAC4AMAIAAC8AIAMAAAAnACABAAAoADACAAApACABAAAABwAgAQAAAC0AIAEAAAAnACADAAAABwAgAQAACAAwAgAACQAgAwAAAAwAIAEAAA0AMAIAAA4AIAMAAAAQACABAAARADACAAASACADAAAAFAAgAQAAFQAwAgAAFgAgAwAAABkAIAEAABoAMAIAABsAIAMAAAAjACABAAAkADACAAAlACADAAAAJwAgAQAAKAAwAgAAKQAgAwAAAB0AIAEAAB4AMAIAAB8AIAMAAAAtACABAAAuADACAAAvACADAAAAMgAgAQAAMwAwAgAANAAgAwAAADkAIAEAADoAMAIAADsAIAoDAADRBAAgxQIAANcEADDGAgAAVgAQxwIAANcEADDVAgEAlwQAIe0CAQCXBAAh7gIBAJcEACHvAkAAvgQAIfACAQCmBAAh8QJAAJgEACEDAwAA9QgAIO8CAAD0BAAg8AIAAPQEACALAwAA0QQAIMUCAADXBAAwxgIAAFYAEMcCAADXBAAw1QIBAJcEACHtAgEAlwQAIe4CAQCXBAAh7wJAAL4EACHwAgEApgQAIfECQACYBAAhrQMAANYEACADAAAAVgAgAQAAVwAwAgAAWAAgEgMAANEEACDFAgAA0wQAMMYCAABaABDHAgAA0wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeICAQCXBAAh4wIBAJcEACHkAgEAlwQAIeUCAQCXBAAh5gICANQEACHnAgEApgQAIegCQAC-BAAh6QJAAL4EACHqAgEApgQAIesCIADVBAAh7AIBAKYEACEGAwAA9QgAIOcCAAD0BAAg6AIAAPQEACDpAgAA9AQAIOoCAAD0BAAg7AIAAPQEACATAwAA0QQAIMUCAADTBAAwxgIAAFoAEMcCAADTBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHiAgEAlwQAIeMCAQCXBAAh5AIBAJcEACHlAgEAlwQAIeYCAgDUBAAh5wIBAKYEACHoAkAAvgQAIekCQAC-BAAh6gIBAKYEACHrAiAA1QQAIewCAQCmBAAhrAMAANIEACADAAAAWgAgAQAAWwAwAgAAXAAgCwMAANEEACDFAgAAzwQAMMYCAABeABDHAgAAzwQAMMgCAQCXBAAh1QIBAJcEACHWAgEAlwQAIdcCAQCXBAAh2AICANAEACHZAgEApgQAIdoCQAC-BAAhBAMAAPUIACDYAgAA9AQAINkCAAD0BAAg2gIAAPQEACAMAwAA0QQAIMUCAADPBAAwxgIAAF4AEMcCAADPBAAwyAIBAAAAAdUCAQCXBAAh1gIBAJcEACHXAgEAlwQAIdgCAgDQBAAh2QIBAKYEACHaAkAAvgQAIasDAADOBAAgAwAAAF4AIAEAAF8AMAIAAGAAIAEAAAADACABAAAABwAgAQAAAAwAIAEAAAAQACABAAAAFAAgAQAAABkAIAEAAAAjACABAAAAJwAgAQAAAB0AIAEAAAAtACABAAAAMgAgAQAAADkAIAEAAABWACABAAAAWgAgAQAAAF4AIAEAAAABACAhBgAAwQQAIAoAAMIEACAMAADHBAAgDQAAxAQAIA4AAMUEACAQAADGBAAgEwAAyQQAIBQAAMgEACAVAADKBAAgFwAAvwQAIBgAAMAEACAZAADDBAAgGgAAywQAIBsAAMwEACAcAADNBAAgxQIAAL0EADDGAgAAcgAQxwIAAL0EADDIAgEAlwQAIdsCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhngMBAJcEACGfAwEAlwQAIaADAQCmBAAhoQMBAJcEACGiAwEAlwQAIaMDAQCXBAAhpAMBAJcEACGlAwEApgQAIaYDQAC-BAAhpwNAAL4EACETBgAA6AgAIAoAAOkIACAMAADuCAAgDQAA6wgAIA4AAOwIACAQAADtCAAgEwAA8AgAIBQAAO8IACAVAADxCAAgFwAA5ggAIBgAAOcIACAZAADqCAAgGgAA8ggAIBsAAPMIACAcAAD0CAAgoAMAAPQEACClAwAA9AQAIKYDAAD0BAAgpwMAAPQEACADAAAAcgAgAQAAcwAwAgAAAQAgAwAAAHIAIAEAAHMAMAIAAAEAIAMAAAByACABAABzADACAAABACAeBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABASIAAHcAIA_IAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAEBIgAAeQAwASIAAHkAMB4GAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACECAAAAAQAgIgAAfAAgD8gCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIQIAAAByACAiAAB-ACACAAAAcgAgIgAAfgAgAwAAAAEAICkAAHcAICoAAHwAIAEAAAABACABAAAAcgAgBwkAALIHACAvAAC0BwAgMAAAswcAIKADAAD0BAAgpQMAAPQEACCmAwAA9AQAIKcDAAD0BAAgEsUCAAC8BAAwxgIAAIUBABDHAgAAvAQAMMgCAQCPBAAh2wIBAI8EACHfAkAAkAQAIeACQACQBAAhjwMBAI8EACGeAwEAjwQAIZ8DAQCPBAAhoAMBAJsEACGhAwEAjwQAIaIDAQCPBAAhowMBAI8EACGkAwEAjwQAIaUDAQCbBAAhpgNAAJwEACGnA0AAnAQAIQMAAAByACABAACEAQAwLgAAhQEAIAMAAAByACABAABzADACAAABACABAAAABQAgAQAAAAUAIAMAAAADACABAAAEADACAAAFACADAAAAAwAgAQAABAAwAgAABQAgAwAAAAMAIAEAAAQAMAIAAAUAIAkDAACuBwAgEAAAsQcAIBQAALAHACAWAACvBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAABmQMBAAAAAZ0DAQAAAAEBIgAAjQEAIAXIAgEAAAAB1QIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQEiAACPAQAwASIAAI8BADAJAwAAjAcAIBAAAI8HACAUAACOBwAgFgAAjQcAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACECAAAABQAgIgAAkgEAIAXIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGZAwEA8gQAIZ0DAQDyBAAhAgAAAAMAICIAAJQBACACAAAAAwAgIgAAlAEAIAMAAAAFACApAACNAQAgKgAAkgEAIAEAAAAFACABAAAAAwAgAwkAAIkHACAvAACLBwAgMAAAigcAIAjFAgAAuwQAMMYCAACbAQAQxwIAALsEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACGZAwEAjwQAIZ0DAQCPBAAhAwAAAAMAIAEAAJoBADAuAACbAQAgAwAAAAMAIAEAAAQAMAIAAAUAIAEAAAAJACABAAAACQAgAwAAAAcAIAEAAAgAMAIAAAkAIAMAAAAHACABAAAIADACAAAJACADAAAABwAgAQAACAAwAgAACQAgGAMAAP4GACAEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQEiAACjAQAgDcgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAEBIgAApQEAMAEiAAClAQAwAQAAAAMAIBgDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhAgAAAAkAICIAAKkBACANyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACECAAAABwAgIgAAqwEAIAIAAAAHACAiAACrAQAgAQAAAAMAIAMAAAAJACApAACjAQAgKgAAqQEAIAEAAAAJACABAAAABwAgCAkAAIoGACAvAACMBgAgMAAAiwYAIJYDAAD0BAAgmQMAAPQEACCaAwAA9AQAIJsDAAD0BAAgnAMAAPQEACAQxQIAALoEADDGAgAAswEAEMcCAAC6BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4AJAAJAEACGPAwEAjwQAIZUDAQCPBAAhlgMBAJsEACGXAwEAjwQAIZgDAQCPBAAhmQMBAJsEACGaA0AAnAQAIZsDQACcBAAhnANAAJwEACEDAAAABwAgAQAAsgEAMC4AALMBACADAAAABwAgAQAACAAwAgAACQAgAQAAAA4AIAEAAAAOACADAAAADAAgAQAADQAwAgAADgAgAwAAAAwAIAEAAA0AMAIAAA4AIAMAAAAMACABAAANADACAAAOACAHAwAAiAYAIAUAAIkGACDIAgEAAAAB1QIBAAAAAfICAQAAAAGTAwEAAAABlAMBAAAAAQEiAAC7AQAgBcgCAQAAAAHVAgEAAAAB8gIBAAAAAZMDAQAAAAGUAwEAAAABASIAAL0BADABIgAAvQEAMAcDAACGBgAgBQAAhwYAIMgCAQDyBAAh1QIBAPIEACHyAgEA8gQAIZMDAQDyBAAhlAMBAPIEACECAAAADgAgIgAAwAEAIAXIAgEA8gQAIdUCAQDyBAAh8gIBAPIEACGTAwEA8gQAIZQDAQDyBAAhAgAAAAwAICIAAMIBACACAAAADAAgIgAAwgEAIAMAAAAOACApAAC7AQAgKgAAwAEAIAEAAAAOACABAAAADAAgAwkAAIMGACAvAACFBgAgMAAAhAYAIAjFAgAAuQQAMMYCAADJAQAQxwIAALkEADDIAgEAjwQAIdUCAQCPBAAh8gIBAI8EACGTAwEAjwQAIZQDAQCPBAAhAwAAAAwAIAEAAMgBADAuAADJAQAgAwAAAAwAIAEAAA0AMAIAAA4AIAEAAAASACABAAAAEgAgAwAAABAAIAEAABEAMAIAABIAIAMAAAAQACABAAARADACAAASACADAAAAEAAgAQAAEQAwAgAAEgAgCgMAAIAGACAFAACBBgAgCAAAggYAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAEBIgAA0QEAIAfIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABASIAANMBADABIgAA0wEAMAoDAADxBQAgBQAA8gUAIAgAAPMFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHyAgEA8gQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQIAAAASACAiAADWAQAgB8gCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhAgAAABAAICIAANgBACACAAAAEAAgIgAA2AEAIAMAAAASACApAADRAQAgKgAA1gEAIAEAAAASACABAAAAEAAgBQkAAO4FACAvAADwBQAgMAAA7wUAIJEDAAD0BAAgkgMAAPQEACAKxQIAALgEADDGAgAA3wEAEMcCAAC4BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGPAwEAjwQAIZEDAQCbBAAhkgMBAJsEACEDAAAAEAAgAQAA3gEAMC4AAN8BACADAAAAEAAgAQAAEQAwAgAAEgAgAQAAABYAIAEAAAAWACADAAAAFAAgAQAAFQAwAgAAFgAgAwAAABQAIAEAABUAMAIAABYAIAMAAAAUACABAAAVADACAAAWACAGAwAA7AUAIAcAAO0FACDIAgEAAAAB1QIBAAAAAdYCAQAAAAGQAwEAAAABASIAAOcBACAEyAIBAAAAAdUCAQAAAAHWAgEAAAABkAMBAAAAAQEiAADpAQAwASIAAOkBADAGAwAA6gUAIAcAAOsFACDIAgEA8gQAIdUCAQDyBAAh1gIBAPIEACGQAwEA8gQAIQIAAAAWACAiAADsAQAgBMgCAQDyBAAh1QIBAPIEACHWAgEA8gQAIZADAQDyBAAhAgAAABQAICIAAO4BACACAAAAFAAgIgAA7gEAIAMAAAAWACApAADnAQAgKgAA7AEAIAEAAAAWACABAAAAFAAgAwkAAOcFACAvAADpBQAgMAAA6AUAIAfFAgAAtwQAMMYCAAD1AQAQxwIAALcEADDIAgEAjwQAIdUCAQCPBAAh1gIBAI8EACGQAwEAjwQAIQMAAAAUACABAAD0AQAwLgAA9QEAIAMAAAAUACABAAAVADACAAAWACABAAAAGwAgAQAAABsAIAMAAAAZACABAAAaADACAAAbACADAAAAGQAgAQAAGgAwAgAAGwAgAwAAABkAIAEAABoAMAIAABsAIAkDAADkBQAgBQAA5QUAIAwAAOYFACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjgMBAAAAAY8DAQAAAAEBIgAA_QEAIAbIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjgMBAAAAAY8DAQAAAAEBIgAA_wEAMAEiAAD_AQAwCQMAANUFACAFAADWBQAgDAAA1wUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQIAAAAbACAiAACCAgAgBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQIAAAAZACAiAACEAgAgAgAAABkAICIAAIQCACADAAAAGwAgKQAA_QEAICoAAIICACABAAAAGwAgAQAAABkAIAMJAADSBQAgLwAA1AUAIDAAANMFACAJxQIAALYEADDGAgAAiwIAEMcCAAC2BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGOAwEAjwQAIY8DAQCPBAAhAwAAABkAIAEAAIoCADAuAACLAgAgAwAAABkAIAEAABoAMAIAABsAIAEAAAAlACABAAAAJQAgAwAAACMAIAEAACQAMAIAACUAIAMAAAAjACABAAAkADACAAAlACADAAAAIwAgAQAAJAAwAgAAJQAgCAMAANAFACAFAADRBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABASIAAJMCACAGyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABASIAAJUCADABIgAAlQIAMAgDAADOBQAgBQAAzwUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjAMBAPIEACGNAwEA8gQAIQIAAAAlACAiAACYAgAgBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjAMBAPIEACGNAwEA8gQAIQIAAAAjACAiAACaAgAgAgAAACMAICIAAJoCACADAAAAJQAgKQAAkwIAICoAAJgCACABAAAAJQAgAQAAACMAIAMJAADLBQAgLwAAzQUAIDAAAMwFACAJxQIAALUEADDGAgAAoQIAEMcCAAC1BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGMAwEAjwQAIY0DAQCPBAAhAwAAACMAIAEAAKACADAuAAChAgAgAwAAACMAIAEAACQAMAIAACUAIAEAAAApACABAAAAKQAgAwAAACcAIAEAACgAMAIAACkAIAMAAAAnACABAAAoADACAAApACADAAAAJwAgAQAAKAAwAgAAKQAgCQMAAMgFACAFAADJBQAgDwAAygUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGKAwEAAAABiwMBAAAAAQEiAACpAgAgBsgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGKAwEAAAABiwMBAAAAAQEiAACrAgAwASIAAKsCADABAAAAAwAgCQMAAMUFACAFAADGBQAgDwAAxwUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhigMBAPsEACGLAwEA8gQAIQIAAAApACAiAACvAgAgBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhigMBAPsEACGLAwEA8gQAIQIAAAAnACAiAACxAgAgAgAAACcAICIAALECACABAAAAAwAgAwAAACkAICkAAKkCACAqAACvAgAgAQAAACkAIAEAAAAnACAECQAAwgUAIC8AAMQFACAwAADDBQAgigMAAPQEACAJxQIAALQEADDGAgAAuQIAEMcCAAC0BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGKAwEAmwQAIYsDAQCPBAAhAwAAACcAIAEAALgCADAuAAC5AgAgAwAAACcAIAEAACgAMAIAACkAIAEAAAAfACABAAAAHwAgAwAAAB0AIAEAAB4AMAIAAB8AIAMAAAAdACABAAAeADACAAAfACADAAAAHQAgAQAAHgAwAgAAHwAgDQMAAL8FACAFAADABQAgCwAAwQUAIMgCAQAAAAHVAgEAAAAB4wIBAAAAAfICAQAAAAGEAwEAAAABhQMBAAAAAYYDAgAAAAGHAwIAAAABiAMCAAAAAYkDAgAAAAEBIgAAwQIAIArIAgEAAAAB1QIBAAAAAeMCAQAAAAHyAgEAAAABhAMBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABASIAAMMCADABIgAAwwIAMAEAAAAZACANAwAAvAUAIAUAAL0FACALAAC-BQAgyAIBAPIEACHVAgEA8gQAIeMCAQDyBAAh8gIBAPIEACGEAwEA-wQAIYUDAQD7BAAhhgMCAIcFACGHAwIAhwUAIYgDAgD6BAAhiQMCAIcFACECAAAAHwAgIgAAxwIAIArIAgEA8gQAIdUCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYQDAQD7BAAhhQMBAPsEACGGAwIAhwUAIYcDAgCHBQAhiAMCAPoEACGJAwIAhwUAIQIAAAAdACAiAADJAgAgAgAAAB0AICIAAMkCACABAAAAGQAgAwAAAB8AICkAAMECACAqAADHAgAgAQAAAB8AIAEAAAAdACAICQAAtwUAIC8AALoFACAwAAC5BQAgwQEAALgFACDCAQAAuwUAIIQDAAD0BAAghQMAAPQEACCIAwAA9AQAIA3FAgAAswQAMMYCAADRAgAQxwIAALMEADDIAgEAjwQAIdUCAQCPBAAh4wIBAI8EACHyAgEAjwQAIYQDAQCbBAAhhQMBAJsEACGGAwIAqQQAIYcDAgCpBAAhiAMCAJoEACGJAwIAqQQAIQMAAAAdACABAADQAgAwLgAA0QIAIAMAAAAdACABAAAeADACAAAfACABAAAALwAgAQAAAC8AIAMAAAAtACABAAAuADACAAAvACADAAAALQAgAQAALgAwAgAALwAgAwAAAC0AIAEAAC4AMAIAAC8AIBEDAACzBQAgBQAAtAUAIBEAALUFACATAAC2BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH2AgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQEiAADZAgAgDcgCAQAAAAHVAgEAAAAB3wJAAAAAAeMCAQAAAAHyAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAEBIgAA2wIAMAEiAADbAgAwAQAAAAMAIBEDAACjBQAgBQAApAUAIBEAAKUFACATAACmBQAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACECAAAALwAgIgAA3wIAIA3IAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHjAgEA8gQAIfICAQDyBAAh9gIBAPsEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQIAAAAtACAiAADhAgAgAgAAAC0AICIAAOECACABAAAAAwAgAwAAAC8AICkAANkCACAqAADfAgAgAQAAAC8AIAEAAAAtACAHCQAAoAUAIC8AAKIFACAwAAChBQAg9gIAAPQEACD-AgAA9AQAIIEDAAD0BAAgggMAAPQEACAQxQIAALIEADDGAgAA6QIAEMcCAACyBAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4wIBAI8EACHyAgEAjwQAIfYCAQCbBAAh-AIBAI8EACH9AgEAjwQAIf4CAQCbBAAhgAMBAI8EACGBAwEAmwQAIYIDAQCbBAAhgwNAAJAEACEDAAAALQAgAQAA6AIAMC4AAOkCACADAAAALQAgAQAALgAwAgAALwAgAQAAADQAIAEAAAA0ACADAAAAMgAgAQAAMwAwAgAANAAgAwAAADIAIAEAADMAMAIAADQAIAMAAAAyACABAAAzADACAAA0ACASAwAAnQUAIAUAAJ4FACASAACfBQAgyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABASIAAPECACAPyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABASIAAPMCADABIgAA8wIAMAEAAAAtACASAwAAmgUAIAUAAJsFACASAACcBQAgyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhAgAAADQAICIAAPcCACAPyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhAgAAADIAICIAAPkCACACAAAAMgAgIgAA-QIAIAEAAAAtACADAAAANAAgKQAA8QIAICoAAPcCACABAAAANAAgAQAAADIAIAkJAACXBQAgLwAAmQUAIDAAAJgFACDiAgAA9AQAIPcCAAD0BAAg-gIAAPQEACD7AgAA9AQAIPwCAAD0BAAg_gIAAPQEACASxQIAALEEADDGAgAAgQMAEMcCAACxBAAwyAIBAI8EACHVAgEAjwQAIeICAQCbBAAh4wIBAI8EACHlAgEAjwQAIfICAQCPBAAh9wIBAJsEACH4AgEAjwQAIfkCQACQBAAh-gJAAJwEACH7AkAAnAQAIfwCAQCbBAAh_QIBAI8EACH-AgEAmwQAIf8CAQCPBAAhAwAAADIAIAEAAIADADAuAACBAwAgAwAAADIAIAEAADMAMAIAADQAIAEAAAA7ACABAAAAOwAgAwAAADkAIAEAADoAMAIAADsAIAMAAAA5ACABAAA6ADACAAA7ACADAAAAOQAgAQAAOgAwAgAAOwAgCQMAAJUFACAFAACWBQAgyAIBAAAAAdUCAQAAAAHyAgEAAAAB8wIBAAAAAfQCAQAAAAH1AkAAAAAB9gIBAAAAAQEiAACJAwAgB8gCAQAAAAHVAgEAAAAB8gIBAAAAAfMCAQAAAAH0AgEAAAAB9QJAAAAAAfYCAQAAAAEBIgAAiwMAMAEiAACLAwAwCQMAAJMFACAFAACUBQAgyAIBAPIEACHVAgEA8gQAIfICAQDyBAAh8wIBAPIEACH0AgEA-wQAIfUCQADzBAAh9gIBAPsEACECAAAAOwAgIgAAjgMAIAfIAgEA8gQAIdUCAQDyBAAh8gIBAPIEACHzAgEA8gQAIfQCAQD7BAAh9QJAAPMEACH2AgEA-wQAIQIAAAA5ACAiAACQAwAgAgAAADkAICIAAJADACADAAAAOwAgKQAAiQMAICoAAI4DACABAAAAOwAgAQAAADkAIAUJAACQBQAgLwAAkgUAIDAAAJEFACD0AgAA9AQAIPYCAAD0BAAgCsUCAACwBAAwxgIAAJcDABDHAgAAsAQAMMgCAQCPBAAh1QIBAI8EACHyAgEAjwQAIfMCAQCPBAAh9AIBAJsEACH1AkAAkAQAIfYCAQCbBAAhAwAAADkAIAEAAJYDADAuAACXAwAgAwAAADkAIAEAADoAMAIAADsAIAEAAABYACABAAAAWAAgAwAAAFYAIAEAAFcAMAIAAFgAIAMAAABWACABAABXADACAABYACADAAAAVgAgAQAAVwAwAgAAWAAgBwMAAI8FACDVAgEAAAAB7QIBAAAAAe4CAQAAAAHvAkAAAAAB8AIBAAAAAfECQAAAAAEBIgAAnwMAIAbVAgEAAAAB7QIBAAAAAe4CAQAAAAHvAkAAAAAB8AIBAAAAAfECQAAAAAEBIgAAoQMAMAEiAAChAwAwBwMAAI4FACDVAgEA8gQAIe0CAQDyBAAh7gIBAPIEACHvAkAA_AQAIfACAQD7BAAh8QJAAPMEACECAAAAWAAgIgAApAMAIAbVAgEA8gQAIe0CAQDyBAAh7gIBAPIEACHvAkAA_AQAIfACAQD7BAAh8QJAAPMEACECAAAAVgAgIgAApgMAIAIAAABWACAiAACmAwAgAwAAAFgAICkAAJ8DACAqAACkAwAgAQAAAFgAIAEAAABWACAFCQAAiwUAIC8AAI0FACAwAACMBQAg7wIAAPQEACDwAgAA9AQAIAnFAgAArwQAMMYCAACtAwAQxwIAAK8EADDVAgEAjwQAIe0CAQCPBAAh7gIBAI8EACHvAkAAnAQAIfACAQCbBAAh8QJAAJAEACEDAAAAVgAgAQAArAMAMC4AAK0DACADAAAAVgAgAQAAVwAwAgAAWAAgAQAAAFwAIAEAAABcACADAAAAWgAgAQAAWwAwAgAAXAAgAwAAAFoAIAEAAFsAMAIAAFwAIAMAAABaACABAABbADACAABcACAPAwAAigUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAAeUCAQAAAAHmAgIAAAAB5wIBAAAAAegCQAAAAAHpAkAAAAAB6gIBAAAAAesCIAAAAAHsAgEAAAABASIAALUDACAOyAIBAAAAAdUCAQAAAAHfAkAAAAAB4gIBAAAAAeMCAQAAAAHkAgEAAAAB5QIBAAAAAeYCAgAAAAHnAgEAAAAB6AJAAAAAAekCQAAAAAHqAgEAAAAB6wIgAAAAAewCAQAAAAEBIgAAtwMAMAEiAAC3AwAwDwMAAIkFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHiAgEA8gQAIeMCAQDyBAAh5AIBAPIEACHlAgEA8gQAIeYCAgCHBQAh5wIBAPsEACHoAkAA_AQAIekCQAD8BAAh6gIBAPsEACHrAiAAiAUAIewCAQD7BAAhAgAAAFwAICIAALoDACAOyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4gIBAPIEACHjAgEA8gQAIeQCAQDyBAAh5QIBAPIEACHmAgIAhwUAIecCAQD7BAAh6AJAAPwEACHpAkAA_AQAIeoCAQD7BAAh6wIgAIgFACHsAgEA-wQAIQIAAABaACAiAAC8AwAgAgAAAFoAICIAALwDACADAAAAXAAgKQAAtQMAICoAALoDACABAAAAXAAgAQAAAFoAIAoJAACCBQAgLwAAhQUAIDAAAIQFACDBAQAAgwUAIMIBAACGBQAg5wIAAPQEACDoAgAA9AQAIOkCAAD0BAAg6gIAAPQEACDsAgAA9AQAIBHFAgAAqAQAMMYCAADDAwAQxwIAAKgEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACHiAgEAjwQAIeMCAQCPBAAh5AIBAI8EACHlAgEAjwQAIeYCAgCpBAAh5wIBAJsEACHoAkAAnAQAIekCQACcBAAh6gIBAJsEACHrAiAAqgQAIewCAQCbBAAhAwAAAFoAIAEAAMIDADAuAADDAwAgAwAAAFoAIAEAAFsAMAIAAFwAIAsiAQCXBAAhxQIAAKUEADDGAgAAyQMAEMcCAAClBAAw2wIBAJcEACHcAgEAlwQAId0CAQCmBAAh3gIBAKYEACHfAkAAmAQAIeACQACYBAAh4QIAAKcEACABAAAAxgMAIAEAAADGAwAgCiIBAJcEACHFAgAApQQAMMYCAADJAwAQxwIAAKUEADDbAgEAlwQAIdwCAQCXBAAh3QIBAKYEACHeAgEApgQAId8CQACYBAAh4AJAAJgEACEC3QIAAPQEACDeAgAA9AQAIAMAAADJAwAgAQAAygMAMAIAAMYDACADAAAAyQMAIAEAAMoDADACAADGAwAgAwAAAMkDACABAADKAwAwAgAAxgMAIAciAQAAAAHbAgEAAAAB3AIBAAAAAd0CAQAAAAHeAgEAAAAB3wJAAAAAAeACQAAAAAEBIgAAzgMAIAciAQAAAAHbAgEAAAAB3AIBAAAAAd0CAQAAAAHeAgEAAAAB3wJAAAAAAeACQAAAAAEBIgAA0AMAMAEiAADQAwAwByIBAPIEACHbAgEA8gQAIdwCAQDyBAAh3QIBAPsEACHeAgEA-wQAId8CQADzBAAh4AJAAPMEACECAAAAxgMAICIAANMDACAHIgEA8gQAIdsCAQDyBAAh3AIBAPIEACHdAgEA-wQAId4CAQD7BAAh3wJAAPMEACHgAkAA8wQAIQIAAADJAwAgIgAA1QMAIAIAAADJAwAgIgAA1QMAIAMAAADGAwAgKQAAzgMAICoAANMDACABAAAAxgMAIAEAAADJAwAgBQkAAP8EACAvAACBBQAgMAAAgAUAIN0CAAD0BAAg3gIAAPQEACAKIgEAjwQAIcUCAACkBAAwxgIAANwDABDHAgAApAQAMNsCAQCPBAAh3AIBAI8EACHdAgEAmwQAId4CAQCbBAAh3wJAAJAEACHgAkAAkAQAIQMAAADJAwAgAQAA2wMAMC4AANwDACADAAAAyQMAIAEAAMoDADACAADGAwAgAQAAAGAAIAEAAABgACADAAAAXgAgAQAAXwAwAgAAYAAgAwAAAF4AIAEAAF8AMAIAAGAAIAMAAABeACABAABfADACAABgACAIAwAA_gQAIMgCAQAAAAHVAgEAAAAB1gIBAAAAAdcCAQAAAAHYAgIAAAAB2QIBAAAAAdoCQAAAAAEBIgAA5AMAIAfIAgEAAAAB1QIBAAAAAdYCAQAAAAHXAgEAAAAB2AICAAAAAdkCAQAAAAHaAkAAAAABASIAAOYDADABIgAA5gMAMAgDAAD9BAAgyAIBAPIEACHVAgEA8gQAIdYCAQDyBAAh1wIBAPIEACHYAgIA-gQAIdkCAQD7BAAh2gJAAPwEACECAAAAYAAgIgAA6QMAIAfIAgEA8gQAIdUCAQDyBAAh1gIBAPIEACHXAgEA8gQAIdgCAgD6BAAh2QIBAPsEACHaAkAA_AQAIQIAAABeACAiAADrAwAgAgAAAF4AICIAAOsDACADAAAAYAAgKQAA5AMAICoAAOkDACABAAAAYAAgAQAAAF4AIAgJAAD1BAAgLwAA-AQAIDAAAPcEACDBAQAA9gQAIMIBAAD5BAAg2AIAAPQEACDZAgAA9AQAINoCAAD0BAAgCsUCAACZBAAwxgIAAPIDABDHAgAAmQQAMMgCAQCPBAAh1QIBAI8EACHWAgEAjwQAIdcCAQCPBAAh2AICAJoEACHZAgEAmwQAIdoCQACcBAAhAwAAAF4AIAEAAPEDADAuAADyAwAgAwAAAF4AIAEAAF8AMAIAAGAAIAXFAgAAlgQAMMYCAAD4AwAQxwIAAJYEADDIAgEAAAAByQJAAJgEACEBAAAA9QMAIAEAAAD1AwAgBcUCAACWBAAwxgIAAPgDABDHAgAAlgQAMMgCAQCXBAAhyQJAAJgEACEAAwAAAPgDACABAAD5AwAwAgAA9QMAIAMAAAD4AwAgAQAA-QMAMAIAAPUDACADAAAA-AMAIAEAAPkDADACAAD1AwAgAsgCAQAAAAHJAkAAAAABASIAAP0DACACyAIBAAAAAckCQAAAAAEBIgAA_wMAMAEiAAD_AwAwAsgCAQDyBAAhyQJAAPMEACECAAAA9QMAICIAAIIEACACyAIBAPIEACHJAkAA8wQAIQIAAAD4AwAgIgAAhAQAIAIAAAD4AwAgIgAAhAQAIAMAAAD1AwAgKQAA_QMAICoAAIIEACABAAAA9QMAIAEAAAD4AwAgAwkAAO8EACAvAADxBAAgMAAA8AQAIAXFAgAAjgQAMMYCAACLBAAQxwIAAI4EADDIAgEAjwQAIckCQACQBAAhAwAAAPgDACABAACKBAAwLgAAiwQAIAMAAAD4AwAgAQAA-QMAMAIAAPUDACAFxQIAAI4EADDGAgAAiwQAEMcCAACOBAAwyAIBAI8EACHJAkAAkAQAIQ4JAACSBAAgLwAAlQQAIDAAAJUEACDKAgEAAAABywIBAAAABMwCAQAAAATNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAJQEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAELCQAAkgQAIC8AAJMEACAwAACTBAAgygJAAAAAAcsCQAAAAATMAkAAAAAEzQJAAAAAAc4CQAAAAAHPAkAAAAAB0AJAAAAAAdECQACRBAAhCwkAAJIEACAvAACTBAAgMAAAkwQAIMoCQAAAAAHLAkAAAAAEzAJAAAAABM0CQAAAAAHOAkAAAAABzwJAAAAAAdACQAAAAAHRAkAAkQQAIQjKAgIAAAABywICAAAABMwCAgAAAATNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAJIEACEIygJAAAAAAcsCQAAAAATMAkAAAAAEzQJAAAAAAc4CQAAAAAHPAkAAAAAB0AJAAAAAAdECQACTBAAhDgkAAJIEACAvAACVBAAgMAAAlQQAIMoCAQAAAAHLAgEAAAAEzAIBAAAABM0CAQAAAAHOAgEAAAABzwIBAAAAAdACAQAAAAHRAgEAlAQAIdICAQAAAAHTAgEAAAAB1AIBAAAAAQvKAgEAAAABywIBAAAABMwCAQAAAATNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAJUEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAEFxQIAAJYEADDGAgAA-AMAEMcCAACWBAAwyAIBAJcEACHJAkAAmAQAIQvKAgEAAAABywIBAAAABMwCAQAAAATNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAJUEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAEIygJAAAAAAcsCQAAAAATMAkAAAAAEzQJAAAAAAc4CQAAAAAHPAkAAAAAB0AJAAAAAAdECQACTBAAhCsUCAACZBAAwxgIAAPIDABDHAgAAmQQAMMgCAQCPBAAh1QIBAI8EACHWAgEAjwQAIdcCAQCPBAAh2AICAJoEACHZAgEAmwQAIdoCQACcBAAhDQkAAJ4EACAvAACeBAAgMAAAngQAIMEBAACjBAAgwgEAAJ4EACDKAgIAAAABywICAAAABcwCAgAAAAXNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAKIEACEOCQAAngQAIC8AAKEEACAwAAChBAAgygIBAAAAAcsCAQAAAAXMAgEAAAAFzQIBAAAAAc4CAQAAAAHPAgEAAAAB0AIBAAAAAdECAQCgBAAh0gIBAAAAAdMCAQAAAAHUAgEAAAABCwkAAJ4EACAvAACfBAAgMAAAnwQAIMoCQAAAAAHLAkAAAAAFzAJAAAAABc0CQAAAAAHOAkAAAAABzwJAAAAAAdACQAAAAAHRAkAAnQQAIQsJAACeBAAgLwAAnwQAIDAAAJ8EACDKAkAAAAABywJAAAAABcwCQAAAAAXNAkAAAAABzgJAAAAAAc8CQAAAAAHQAkAAAAAB0QJAAJ0EACEIygICAAAAAcsCAgAAAAXMAgIAAAAFzQICAAAAAc4CAgAAAAHPAgIAAAAB0AICAAAAAdECAgCeBAAhCMoCQAAAAAHLAkAAAAAFzAJAAAAABc0CQAAAAAHOAkAAAAABzwJAAAAAAdACQAAAAAHRAkAAnwQAIQ4JAACeBAAgLwAAoQQAIDAAAKEEACDKAgEAAAABywIBAAAABcwCAQAAAAXNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAKAEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAELygIBAAAAAcsCAQAAAAXMAgEAAAAFzQIBAAAAAc4CAQAAAAHPAgEAAAAB0AIBAAAAAdECAQChBAAh0gIBAAAAAdMCAQAAAAHUAgEAAAABDQkAAJ4EACAvAACeBAAgMAAAngQAIMEBAACjBAAgwgEAAJ4EACDKAgIAAAABywICAAAABcwCAgAAAAXNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAKIEACEIygIIAAAAAcsCCAAAAAXMAggAAAAFzQIIAAAAAc4CCAAAAAHPAggAAAAB0AIIAAAAAdECCACjBAAhCiIBAI8EACHFAgAApAQAMMYCAADcAwAQxwIAAKQEADDbAgEAjwQAIdwCAQCPBAAh3QIBAJsEACHeAgEAmwQAId8CQACQBAAh4AJAAJAEACEKIgEAlwQAIcUCAAClBAAwxgIAAMkDABDHAgAApQQAMNsCAQCXBAAh3AIBAJcEACHdAgEApgQAId4CAQCmBAAh3wJAAJgEACHgAkAAmAQAIQvKAgEAAAABywIBAAAABcwCAQAAAAXNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAKEEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAEC2wIBAAAAAdwCAQAAAAERxQIAAKgEADDGAgAAwwMAEMcCAACoBAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4gIBAI8EACHjAgEAjwQAIeQCAQCPBAAh5QIBAI8EACHmAgIAqQQAIecCAQCbBAAh6AJAAJwEACHpAkAAnAQAIeoCAQCbBAAh6wIgAKoEACHsAgEAmwQAIQ0JAACSBAAgLwAAkgQAIDAAAJIEACDBAQAArgQAIMIBAACSBAAgygICAAAAAcsCAgAAAATMAgIAAAAEzQICAAAAAc4CAgAAAAHPAgIAAAAB0AICAAAAAdECAgCtBAAhBQkAAJIEACAvAACsBAAgMAAArAQAIMoCIAAAAAHRAiAAqwQAIQUJAACSBAAgLwAArAQAIDAAAKwEACDKAiAAAAAB0QIgAKsEACECygIgAAAAAdECIACsBAAhDQkAAJIEACAvAACSBAAgMAAAkgQAIMEBAACuBAAgwgEAAJIEACDKAgIAAAABywICAAAABMwCAgAAAATNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAK0EACEIygIIAAAAAcsCCAAAAATMAggAAAAEzQIIAAAAAc4CCAAAAAHPAggAAAAB0AIIAAAAAdECCACuBAAhCcUCAACvBAAwxgIAAK0DABDHAgAArwQAMNUCAQCPBAAh7QIBAI8EACHuAgEAjwQAIe8CQACcBAAh8AIBAJsEACHxAkAAkAQAIQrFAgAAsAQAMMYCAACXAwAQxwIAALAEADDIAgEAjwQAIdUCAQCPBAAh8gIBAI8EACHzAgEAjwQAIfQCAQCbBAAh9QJAAJAEACH2AgEAmwQAIRLFAgAAsQQAMMYCAACBAwAQxwIAALEEADDIAgEAjwQAIdUCAQCPBAAh4gIBAJsEACHjAgEAjwQAIeUCAQCPBAAh8gIBAI8EACH3AgEAmwQAIfgCAQCPBAAh-QJAAJAEACH6AkAAnAQAIfsCQACcBAAh_AIBAJsEACH9AgEAjwQAIf4CAQCbBAAh_wIBAI8EACEQxQIAALIEADDGAgAA6QIAEMcCAACyBAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4wIBAI8EACHyAgEAjwQAIfYCAQCbBAAh-AIBAI8EACH9AgEAjwQAIf4CAQCbBAAhgAMBAI8EACGBAwEAmwQAIYIDAQCbBAAhgwNAAJAEACENxQIAALMEADDGAgAA0QIAEMcCAACzBAAwyAIBAI8EACHVAgEAjwQAIeMCAQCPBAAh8gIBAI8EACGEAwEAmwQAIYUDAQCbBAAhhgMCAKkEACGHAwIAqQQAIYgDAgCaBAAhiQMCAKkEACEJxQIAALQEADDGAgAAuQIAEMcCAAC0BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGKAwEAmwQAIYsDAQCPBAAhCcUCAAC1BAAwxgIAAKECABDHAgAAtQQAMMgCAQCPBAAh1QIBAI8EACHfAkAAkAQAIfICAQCPBAAhjAMBAI8EACGNAwEAjwQAIQnFAgAAtgQAMMYCAACLAgAQxwIAALYEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACHyAgEAjwQAIY4DAQCPBAAhjwMBAI8EACEHxQIAALcEADDGAgAA9QEAEMcCAAC3BAAwyAIBAI8EACHVAgEAjwQAIdYCAQCPBAAhkAMBAI8EACEKxQIAALgEADDGAgAA3wEAEMcCAAC4BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGPAwEAjwQAIZEDAQCbBAAhkgMBAJsEACEIxQIAALkEADDGAgAAyQEAEMcCAAC5BAAwyAIBAI8EACHVAgEAjwQAIfICAQCPBAAhkwMBAI8EACGUAwEAjwQAIRDFAgAAugQAMMYCAACzAQAQxwIAALoEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACHgAkAAkAQAIY8DAQCPBAAhlQMBAI8EACGWAwEAmwQAIZcDAQCPBAAhmAMBAI8EACGZAwEAmwQAIZoDQACcBAAhmwNAAJwEACGcA0AAnAQAIQjFAgAAuwQAMMYCAACbAQAQxwIAALsEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACGZAwEAjwQAIZ0DAQCPBAAhEsUCAAC8BAAwxgIAAIUBABDHAgAAvAQAMMgCAQCPBAAh2wIBAI8EACHfAkAAkAQAIeACQACQBAAhjwMBAI8EACGeAwEAjwQAIZ8DAQCPBAAhoAMBAJsEACGhAwEAjwQAIaIDAQCPBAAhowMBAI8EACGkAwEAjwQAIaUDAQCbBAAhpgNAAJwEACGnA0AAnAQAISEGAADBBAAgCgAAwgQAIAwAAMcEACANAADEBAAgDgAAxQQAIBAAAMYEACATAADJBAAgFAAAyAQAIBUAAMoEACAXAAC_BAAgGAAAwAQAIBkAAMMEACAaAADLBAAgGwAAzAQAIBwAAM0EACDFAgAAvQQAMMYCAAByABDHAgAAvQQAMMgCAQCXBAAh2wIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGeAwEAlwQAIZ8DAQCXBAAhoAMBAKYEACGhAwEAlwQAIaIDAQCXBAAhowMBAJcEACGkAwEAlwQAIaUDAQCmBAAhpgNAAL4EACGnA0AAvgQAIQjKAkAAAAABywJAAAAABcwCQAAAAAXNAkAAAAABzgJAAAAAAc8CQAAAAAHQAkAAAAAB0QJAAJ8EACEDqAMAAAMAIKkDAAADACCqAwAAAwAgA6gDAAAHACCpAwAABwAgqgMAAAcAIAOoAwAADAAgqQMAAAwAIKoDAAAMACADqAMAABAAIKkDAAAQACCqAwAAEAAgA6gDAAAUACCpAwAAFAAgqgMAABQAIAOoAwAAGQAgqQMAABkAIKoDAAAZACADqAMAACMAIKkDAAAjACCqAwAAIwAgA6gDAAAnACCpAwAAJwAgqgMAACcAIAOoAwAAHQAgqQMAAB0AIKoDAAAdACADqAMAAC0AIKkDAAAtACCqAwAALQAgA6gDAAAyACCpAwAAMgAgqgMAADIAIAOoAwAAOQAgqQMAADkAIKoDAAA5ACADqAMAAFYAIKkDAABWACCqAwAAVgAgA6gDAABaACCpAwAAWgAgqgMAAFoAIAOoAwAAXgAgqQMAAF4AIKoDAABeACAC1QIBAAAAAdYCAQAAAAELAwAA0QQAIMUCAADPBAAwxgIAAF4AEMcCAADPBAAwyAIBAJcEACHVAgEAlwQAIdYCAQCXBAAh1wIBAJcEACHYAgIA0AQAIdkCAQCmBAAh2gJAAL4EACEIygICAAAAAcsCAgAAAAXMAgIAAAAFzQICAAAAAc4CAgAAAAHPAgIAAAAB0AICAAAAAdECAgCeBAAhIwYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIBcAAL8EACAYAADABAAgGQAAwwQAIBoAAMsEACAbAADMBAAgHAAAzQQAIMUCAAC9BAAwxgIAAHIAEMcCAAC9BAAwyAIBAJcEACHbAgEAlwQAId8CQACYBAAh4AJAAJgEACGPAwEAlwQAIZ4DAQCXBAAhnwMBAJcEACGgAwEApgQAIaEDAQCXBAAhogMBAJcEACGjAwEAlwQAIaQDAQCXBAAhpQMBAKYEACGmA0AAvgQAIacDQAC-BAAhswMAAHIAILQDAAByACAE1QIBAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAARIDAADRBAAgxQIAANMEADDGAgAAWgAQxwIAANMEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHiAgEAlwQAIeMCAQCXBAAh5AIBAJcEACHlAgEAlwQAIeYCAgDUBAAh5wIBAKYEACHoAkAAvgQAIekCQAC-BAAh6gIBAKYEACHrAiAA1QQAIewCAQCmBAAhCMoCAgAAAAHLAgIAAAAEzAICAAAABM0CAgAAAAHOAgIAAAABzwICAAAAAdACAgAAAAHRAgIAkgQAIQLKAiAAAAAB0QIgAKwEACEC1QIBAAAAAe0CAQAAAAEKAwAA0QQAIMUCAADXBAAwxgIAAFYAEMcCAADXBAAw1QIBAJcEACHtAgEAlwQAIe4CAQCXBAAh7wJAAL4EACHwAgEApgQAIfECQACYBAAhDAMAANEEACAFAADZBAAgxQIAANgEADDGAgAAOQAQxwIAANgEADDIAgEAlwQAIdUCAQCXBAAh8gIBAJcEACHzAgEAlwQAIfQCAQCmBAAh9QJAAJgEACH2AgEApgQAIR0DAADRBAAgBAAA3gQAIAYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIMUCAADrBAAwxgIAAAcAEMcCAADrBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4AJAAJgEACGPAwEAlwQAIZUDAQCXBAAhlgMBAKYEACGXAwEAlwQAIZgDAQCXBAAhmQMBAKYEACGaA0AAvgQAIZsDQAC-BAAhnANAAL4EACGzAwAABwAgtAMAAAcAIBUDAADRBAAgBQAA2QQAIBIAANsEACDFAgAA2gQAMMYCAAAyABDHAgAA2gQAMMgCAQCXBAAh1QIBAJcEACHiAgEApgQAIeMCAQCXBAAh5QIBAJcEACHyAgEAlwQAIfcCAQCmBAAh-AIBAJcEACH5AkAAmAQAIfoCQAC-BAAh-wJAAL4EACH8AgEApgQAIf0CAQCXBAAh_gIBAKYEACH_AgEAlwQAIRYDAADRBAAgBQAA2QQAIBEAAN4EACATAADJBAAgxQIAAN0EADDGAgAALQAQxwIAAN0EADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIbMDAAAtACC0AwAALQAgAtUCAQAAAAH-AgEAAAABFAMAANEEACAFAADZBAAgEQAA3gQAIBMAAMkEACDFAgAA3QQAMMYCAAAtABDHAgAA3QQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeMCAQCXBAAh8gIBAJcEACH2AgEApgQAIfgCAQCXBAAh_QIBAJcEACH-AgEApgQAIYADAQCXBAAhgQMBAKYEACGCAwEApgQAIYMDQACYBAAhDgMAANEEACAQAADGBAAgFAAAyAQAIBYAAMAEACDFAgAA7QQAMMYCAAADABDHAgAA7QQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIZkDAQCXBAAhnQMBAJcEACGzAwAAAwAgtAMAAAMAIAwDAADRBAAgBQAA2QQAIA8AAN4EACDFAgAA3wQAMMYCAAAnABDHAgAA3wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhigMBAKYEACGLAwEAlwQAIQsDAADRBAAgBQAA2QQAIMUCAADgBAAwxgIAACMAEMcCAADgBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGMAwEAlwQAIY0DAQCXBAAhEAMAANEEACAFAADZBAAgCwAA4gQAIMUCAADhBAAwxgIAAB0AEMcCAADhBAAwyAIBAJcEACHVAgEAlwQAIeMCAQCXBAAh8gIBAJcEACGEAwEApgQAIYUDAQCmBAAhhgMCANQEACGHAwIA1AQAIYgDAgDQBAAhiQMCANQEACEOAwAA0QQAIAUAANkEACAMAADHBAAgxQIAAOMEADDGAgAAGQAQxwIAAOMEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACGzAwAAGQAgtAMAABkAIAwDAADRBAAgBQAA2QQAIAwAAMcEACDFAgAA4wQAMMYCAAAZABDHAgAA4wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjgMBAJcEACGPAwEAlwQAIQLVAgEAAAAB1gIBAAAAAQkDAADRBAAgBwAA5gQAIMUCAADlBAAwxgIAABQAEMcCAADlBAAwyAIBAJcEACHVAgEAlwQAIdYCAQCXBAAhkAMBAJcEACEPAwAA0QQAIAUAANkEACAIAADDBAAgxQIAAOcEADDGAgAAEAAQxwIAAOcEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY8DAQCXBAAhkQMBAKYEACGSAwEApgQAIbMDAAAQACC0AwAAEAAgDQMAANEEACAFAADZBAAgCAAAwwQAIMUCAADnBAAwxgIAABAAEMcCAADnBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGPAwEAlwQAIZEDAQCmBAAhkgMBAKYEACEC1QIBAAAAAZQDAQAAAAEKAwAA0QQAIAUAANkEACDFAgAA6QQAMMYCAAAMABDHAgAA6QQAMMgCAQCXBAAh1QIBAJcEACHyAgEAlwQAIZMDAQCXBAAhlAMBAJcEACEC1QIBAAAAAZUDAQAAAAEbAwAA0QQAIAQAAN4EACAGAADBBAAgCgAAwgQAIAwAAMcEACANAADEBAAgDgAAxQQAIBAAAMYEACATAADJBAAgFAAAyAQAIBUAAMoEACDFAgAA6wQAMMYCAAAHABDHAgAA6wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGVAwEAlwQAIZYDAQCmBAAhlwMBAJcEACGYAwEAlwQAIZkDAQCmBAAhmgNAAL4EACGbA0AAvgQAIZwDQAC-BAAhAtUCAQAAAAGZAwEAAAABDAMAANEEACAQAADGBAAgFAAAyAQAIBYAAMAEACDFAgAA7QQAMMYCAAADABDHAgAA7QQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIZkDAQCXBAAhnQMBAJcEACEC2wIBAAAAAZ4DAQAAAAEAAAABuAMBAAAAAQG4A0AAAAABAAAAAAAABbgDAgAAAAG-AwIAAAABvwMCAAAAAcADAgAAAAHBAwIAAAABAbgDAQAAAAEBuANAAAAAAQUpAACqCgAgKgAArQoAILUDAACrCgAgtgMAAKwKACC7AwAAAQAgAykAAKoKACC1AwAAqwoAILsDAAABACAAAAAAAAAAAAW4AwIAAAABvgMCAAAAAb8DAgAAAAHAAwIAAAABwQMCAAAAAQG4AyAAAAABBSkAAKUKACAqAACoCgAgtQMAAKYKACC2AwAApwoAILsDAAABACADKQAApQoAILUDAACmCgAguwMAAAEAIAAAAAUpAACgCgAgKgAAowoAILUDAAChCgAgtgMAAKIKACC7AwAAAQAgAykAAKAKACC1AwAAoQoAILsDAAABACAAAAAFKQAAmAoAICoAAJ4KACC1AwAAmQoAILYDAACdCgAguwMAAAEAIAUpAACWCgAgKgAAmwoAILUDAACXCgAgtgMAAJoKACC7AwAACQAgAykAAJgKACC1AwAAmQoAILsDAAABACADKQAAlgoAILUDAACXCgAguwMAAAkAIAAAAAUpAACLCgAgKgAAlAoAILUDAACMCgAgtgMAAJMKACC7AwAAAQAgBSkAAIkKACAqAACRCgAgtQMAAIoKACC2AwAAkAoAILsDAAAJACAHKQAAhwoAICoAAI4KACC1AwAAiAoAILYDAACNCgAguQMAAC0AILoDAAAtACC7AwAALwAgAykAAIsKACC1AwAAjAoAILsDAAABACADKQAAiQoAILUDAACKCgAguwMAAAkAIAMpAACHCgAgtQMAAIgKACC7AwAALwAgAAAABSkAAPsJACAqAACFCgAgtQMAAPwJACC2AwAAhAoAILsDAAABACAFKQAA-QkAICoAAIIKACC1AwAA-gkAILYDAACBCgAguwMAAAkAIAcpAAD3CQAgKgAA_wkAILUDAAD4CQAgtgMAAP4JACC5AwAAAwAgugMAAAMAILsDAAAFACALKQAApwUAMCoAAKwFADC1AwAAqAUAMLYDAACpBQAwtwMAAKoFACC4AwAAqwUAMLkDAACrBQAwugMAAKsFADC7AwAAqwUAMLwDAACtBQAwvQMAAK4FADAQAwAAnQUAIAUAAJ4FACDIAgEAAAAB1QIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH4AgEAAAAB-QJAAAAAAfoCQAAAAAH7AkAAAAAB_AIBAAAAAf0CAQAAAAH-AgEAAAAB_wIBAAAAAQIAAAA0ACApAACyBQAgAwAAADQAICkAALIFACAqAACxBQAgASIAAP0JADAVAwAA0QQAIAUAANkEACASAADbBAAgxQIAANoEADDGAgAAMgAQxwIAANoEADDIAgEAAAAB1QIBAJcEACHiAgEApgQAIeMCAQCXBAAh5QIBAJcEACHyAgEAlwQAIfcCAQCmBAAh-AIBAJcEACH5AkAAmAQAIfoCQAC-BAAh-wJAAL4EACH8AgEApgQAIf0CAQCXBAAh_gIBAKYEACH_AgEAlwQAIQIAAAA0ACAiAACxBQAgAgAAAK8FACAiAACwBQAgEsUCAACuBQAwxgIAAK8FABDHAgAArgUAMMgCAQCXBAAh1QIBAJcEACHiAgEApgQAIeMCAQCXBAAh5QIBAJcEACHyAgEAlwQAIfcCAQCmBAAh-AIBAJcEACH5AkAAmAQAIfoCQAC-BAAh-wJAAL4EACH8AgEApgQAIf0CAQCXBAAh_gIBAKYEACH_AgEAlwQAIRLFAgAArgUAMMYCAACvBQAQxwIAAK4FADDIAgEAlwQAIdUCAQCXBAAh4gIBAKYEACHjAgEAlwQAIeUCAQCXBAAh8gIBAJcEACH3AgEApgQAIfgCAQCXBAAh-QJAAJgEACH6AkAAvgQAIfsCQAC-BAAh_AIBAKYEACH9AgEAlwQAIf4CAQCmBAAh_wIBAJcEACEOyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh-AIBAPIEACH5AkAA8wQAIfoCQAD8BAAh-wJAAPwEACH8AgEA-wQAIf0CAQDyBAAh_gIBAPsEACH_AgEA8gQAIRADAACaBQAgBQAAmwUAIMgCAQDyBAAh1QIBAPIEACHiAgEA-wQAIeMCAQDyBAAh5QIBAPIEACHyAgEA8gQAIfgCAQDyBAAh-QJAAPMEACH6AkAA_AQAIfsCQAD8BAAh_AIBAPsEACH9AgEA8gQAIf4CAQD7BAAh_wIBAPIEACEQAwAAnQUAIAUAAJ4FACDIAgEAAAAB1QIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH4AgEAAAAB-QJAAAAAAfoCQAAAAAH7AkAAAAAB_AIBAAAAAf0CAQAAAAH-AgEAAAAB_wIBAAAAAQMpAAD7CQAgtQMAAPwJACC7AwAAAQAgAykAAPkJACC1AwAA-gkAILsDAAAJACADKQAA9wkAILUDAAD4CQAguwMAAAUAIAQpAACnBQAwtQMAAKgFADC3AwAAqgUAILsDAACrBQAwAAAAAAAFKQAA7AkAICoAAPUJACC1AwAA7QkAILYDAAD0CQAguwMAAAEAIAUpAADqCQAgKgAA8gkAILUDAADrCQAgtgMAAPEJACC7AwAACQAgBykAAOgJACAqAADvCQAgtQMAAOkJACC2AwAA7gkAILkDAAAZACC6AwAAGQAguwMAABsAIAMpAADsCQAgtQMAAO0JACC7AwAAAQAgAykAAOoJACC1AwAA6wkAILsDAAAJACADKQAA6AkAILUDAADpCQAguwMAABsAIAAAAAUpAADdCQAgKgAA5gkAILUDAADeCQAgtgMAAOUJACC7AwAAAQAgBSkAANsJACAqAADjCQAgtQMAANwJACC2AwAA4gkAILsDAAAJACAHKQAA2QkAICoAAOAJACC1AwAA2gkAILYDAADfCQAguQMAAAMAILoDAAADACC7AwAABQAgAykAAN0JACC1AwAA3gkAILsDAAABACADKQAA2wkAILUDAADcCQAguwMAAAkAIAMpAADZCQAgtQMAANoJACC7AwAABQAgAAAABSkAANEJACAqAADXCQAgtQMAANIJACC2AwAA1gkAILsDAAABACAFKQAAzwkAICoAANQJACC1AwAA0AkAILYDAADTCQAguwMAAAkAIAMpAADRCQAgtQMAANIJACC7AwAAAQAgAykAAM8JACC1AwAA0AkAILsDAAAJACAAAAAFKQAAxgkAICoAAM0JACC1AwAAxwkAILYDAADMCQAguwMAAAEAIAUpAADECQAgKgAAygkAILUDAADFCQAgtgMAAMkJACC7AwAACQAgCykAANgFADAqAADdBQAwtQMAANkFADC2AwAA2gUAMLcDAADbBQAguAMAANwFADC5AwAA3AUAMLoDAADcBQAwuwMAANwFADC8AwAA3gUAML0DAADfBQAwCwMAAL8FACAFAADABQAgyAIBAAAAAdUCAQAAAAHjAgEAAAAB8gIBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABAgAAAB8AICkAAOMFACADAAAAHwAgKQAA4wUAICoAAOIFACABIgAAyAkAMBADAADRBAAgBQAA2QQAIAsAAOIEACDFAgAA4QQAMMYCAAAdABDHAgAA4QQAMMgCAQAAAAHVAgEAlwQAIeMCAQCXBAAh8gIBAJcEACGEAwEApgQAIYUDAQCmBAAhhgMCANQEACGHAwIA1AQAIYgDAgDQBAAhiQMCANQEACECAAAAHwAgIgAA4gUAIAIAAADgBQAgIgAA4QUAIA3FAgAA3wUAMMYCAADgBQAQxwIAAN8FADDIAgEAlwQAIdUCAQCXBAAh4wIBAJcEACHyAgEAlwQAIYQDAQCmBAAhhQMBAKYEACGGAwIA1AQAIYcDAgDUBAAhiAMCANAEACGJAwIA1AQAIQ3FAgAA3wUAMMYCAADgBQAQxwIAAN8FADDIAgEAlwQAIdUCAQCXBAAh4wIBAJcEACHyAgEAlwQAIYQDAQCmBAAhhQMBAKYEACGGAwIA1AQAIYcDAgDUBAAhiAMCANAEACGJAwIA1AQAIQnIAgEA8gQAIdUCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYUDAQD7BAAhhgMCAIcFACGHAwIAhwUAIYgDAgD6BAAhiQMCAIcFACELAwAAvAUAIAUAAL0FACDIAgEA8gQAIdUCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYUDAQD7BAAhhgMCAIcFACGHAwIAhwUAIYgDAgD6BAAhiQMCAIcFACELAwAAvwUAIAUAAMAFACDIAgEAAAAB1QIBAAAAAeMCAQAAAAHyAgEAAAABhQMBAAAAAYYDAgAAAAGHAwIAAAABiAMCAAAAAYkDAgAAAAEDKQAAxgkAILUDAADHCQAguwMAAAEAIAMpAADECQAgtQMAAMUJACC7AwAACQAgBCkAANgFADC1AwAA2QUAMLcDAADbBQAguwMAANwFADAAAAAFKQAAvAkAICoAAMIJACC1AwAAvQkAILYDAADBCQAguwMAAAEAIAUpAAC6CQAgKgAAvwkAILUDAAC7CQAgtgMAAL4JACC7AwAAEgAgAykAALwJACC1AwAAvQkAILsDAAABACADKQAAugkAILUDAAC7CQAguwMAABIAIAAAAAUpAACxCQAgKgAAuAkAILUDAACyCQAgtgMAALcJACC7AwAAAQAgBSkAAK8JACAqAAC1CQAgtQMAALAJACC2AwAAtAkAILsDAAAJACALKQAA9AUAMCoAAPkFADC1AwAA9QUAMLYDAAD2BQAwtwMAAPcFACC4AwAA-AUAMLkDAAD4BQAwugMAAPgFADC7AwAA-AUAMLwDAAD6BQAwvQMAAPsFADAEAwAA7AUAIMgCAQAAAAHVAgEAAAAB1gIBAAAAAQIAAAAWACApAAD_BQAgAwAAABYAICkAAP8FACAqAAD-BQAgASIAALMJADAKAwAA0QQAIAcAAOYEACDFAgAA5QQAMMYCAAAUABDHAgAA5QQAMMgCAQAAAAHVAgEAlwQAIdYCAQCXBAAhkAMBAJcEACGrAwAA5AQAIAIAAAAWACAiAAD-BQAgAgAAAPwFACAiAAD9BQAgB8UCAAD7BQAwxgIAAPwFABDHAgAA-wUAMMgCAQCXBAAh1QIBAJcEACHWAgEAlwQAIZADAQCXBAAhB8UCAAD7BQAwxgIAAPwFABDHAgAA-wUAMMgCAQCXBAAh1QIBAJcEACHWAgEAlwQAIZADAQCXBAAhA8gCAQDyBAAh1QIBAPIEACHWAgEA8gQAIQQDAADqBQAgyAIBAPIEACHVAgEA8gQAIdYCAQDyBAAhBAMAAOwFACDIAgEAAAAB1QIBAAAAAdYCAQAAAAEDKQAAsQkAILUDAACyCQAguwMAAAEAIAMpAACvCQAgtQMAALAJACC7AwAACQAgBCkAAPQFADC1AwAA9QUAMLcDAAD3BQAguwMAAPgFADAAAAAFKQAApwkAICoAAK0JACC1AwAAqAkAILYDAACsCQAguwMAAAEAIAUpAAClCQAgKgAAqgkAILUDAACmCQAgtgMAAKkJACC7AwAACQAgAykAAKcJACC1AwAAqAkAILsDAAABACADKQAApQkAILUDAACmCQAguwMAAAkAIAAAAAUpAACUCQAgKgAAowkAILUDAACVCQAgtgMAAKIJACC7AwAAAQAgBykAAJIJACAqAACgCQAgtQMAAJMJACC2AwAAnwkAILkDAAADACC6AwAAAwAguwMAAAUAIAspAADyBgAwKgAA9wYAMLUDAADzBgAwtgMAAPQGADC3AwAA9QYAILgDAAD2BgAwuQMAAPYGADC6AwAA9gYAMLsDAAD2BgAwvAMAAPgGADC9AwAA-QYAMAspAADmBgAwKgAA6wYAMLUDAADnBgAwtgMAAOgGADC3AwAA6QYAILgDAADqBgAwuQMAAOoGADC6AwAA6gYAMLsDAADqBgAwvAMAAOwGADC9AwAA7QYAMAspAADaBgAwKgAA3wYAMLUDAADbBgAwtgMAANwGADC3AwAA3QYAILgDAADeBgAwuQMAAN4GADC6AwAA3gYAMLsDAADeBgAwvAMAAOAGADC9AwAA4QYAMAspAADOBgAwKgAA0wYAMLUDAADPBgAwtgMAANAGADC3AwAA0QYAILgDAADSBgAwuQMAANIGADC6AwAA0gYAMLsDAADSBgAwvAMAANQGADC9AwAA1QYAMAspAADCBgAwKgAAxwYAMLUDAADDBgAwtgMAAMQGADC3AwAAxQYAILgDAADGBgAwuQMAAMYGADC6AwAAxgYAMLsDAADGBgAwvAMAAMgGADC9AwAAyQYAMAspAAC5BgAwKgAAvQYAMLUDAAC6BgAwtgMAALsGADC3AwAAvAYAILgDAADcBQAwuQMAANwFADC6AwAA3AUAMLsDAADcBQAwvAMAAL4GADC9AwAA3wUAMAspAACtBgAwKgAAsgYAMLUDAACuBgAwtgMAAK8GADC3AwAAsAYAILgDAACxBgAwuQMAALEGADC6AwAAsQYAMLsDAACxBgAwvAMAALMGADC9AwAAtAYAMAspAACkBgAwKgAAqAYAMLUDAAClBgAwtgMAAKYGADC3AwAApwYAILgDAACrBQAwuQMAAKsFADC6AwAAqwUAMLsDAACrBQAwvAMAAKkGADC9AwAArgUAMAspAACYBgAwKgAAnQYAMLUDAACZBgAwtgMAAJoGADC3AwAAmwYAILgDAACcBgAwuQMAAJwGADC6AwAAnAYAMLsDAACcBgAwvAMAAJ4GADC9AwAAnwYAMAcDAACVBQAgyAIBAAAAAdUCAQAAAAHzAgEAAAAB9AIBAAAAAfUCQAAAAAH2AgEAAAABAgAAADsAICkAAKMGACADAAAAOwAgKQAAowYAICoAAKIGACABIgAAngkAMAwDAADRBAAgBQAA2QQAIMUCAADYBAAwxgIAADkAEMcCAADYBAAwyAIBAAAAAdUCAQCXBAAh8gIBAJcEACHzAgEAlwQAIfQCAQCmBAAh9QJAAJgEACH2AgEApgQAIQIAAAA7ACAiAACiBgAgAgAAAKAGACAiAAChBgAgCsUCAACfBgAwxgIAAKAGABDHAgAAnwYAMMgCAQCXBAAh1QIBAJcEACHyAgEAlwQAIfMCAQCXBAAh9AIBAKYEACH1AkAAmAQAIfYCAQCmBAAhCsUCAACfBgAwxgIAAKAGABDHAgAAnwYAMMgCAQCXBAAh1QIBAJcEACHyAgEAlwQAIfMCAQCXBAAh9AIBAKYEACH1AkAAmAQAIfYCAQCmBAAhBsgCAQDyBAAh1QIBAPIEACHzAgEA8gQAIfQCAQD7BAAh9QJAAPMEACH2AgEA-wQAIQcDAACTBQAgyAIBAPIEACHVAgEA8gQAIfMCAQDyBAAh9AIBAPsEACH1AkAA8wQAIfYCAQD7BAAhBwMAAJUFACDIAgEAAAAB1QIBAAAAAfMCAQAAAAH0AgEAAAAB9QJAAAAAAfYCAQAAAAEQAwAAnQUAIBIAAJ8FACDIAgEAAAAB1QIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfcCAQAAAAH4AgEAAAAB-QJAAAAAAfoCQAAAAAH7AkAAAAAB_AIBAAAAAf0CAQAAAAH-AgEAAAAB_wIBAAAAAQIAAAA0ACApAACsBgAgAwAAADQAICkAAKwGACAqAACrBgAgASIAAJ0JADACAAAANAAgIgAAqwYAIAIAAACvBQAgIgAAqgYAIA7IAgEA8gQAIdUCAQDyBAAh4gIBAPsEACHjAgEA8gQAIeUCAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhEAMAAJoFACASAACcBQAgyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfcCAQD7BAAh-AIBAPIEACH5AkAA8wQAIfoCQAD8BAAh-wJAAPwEACH8AgEA-wQAIf0CAQDyBAAh_gIBAPsEACH_AgEA8gQAIRADAACdBQAgEgAAnwUAIMgCAQAAAAHVAgEAAAAB4gIBAAAAAeMCAQAAAAHlAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABDwMAALMFACARAAC1BQAgEwAAtgUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeMCAQAAAAH2AgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQIAAAAvACApAAC4BgAgAwAAAC8AICkAALgGACAqAAC3BgAgASIAAJwJADAVAwAA0QQAIAUAANkEACARAADeBAAgEwAAyQQAIMUCAADdBAAwxgIAAC0AEMcCAADdBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIa4DAADcBAAgAgAAAC8AICIAALcGACACAAAAtQYAICIAALYGACAQxQIAALQGADDGAgAAtQYAEMcCAAC0BgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4wIBAJcEACHyAgEAlwQAIfYCAQCmBAAh-AIBAJcEACH9AgEAlwQAIf4CAQCmBAAhgAMBAJcEACGBAwEApgQAIYIDAQCmBAAhgwNAAJgEACEQxQIAALQGADDGAgAAtQYAEMcCAAC0BgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4wIBAJcEACHyAgEAlwQAIfYCAQCmBAAh-AIBAJcEACH9AgEAlwQAIf4CAQCmBAAhgAMBAJcEACGBAwEApgQAIYIDAQCmBAAhgwNAAJgEACEMyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACH2AgEA-wQAIfgCAQDyBAAh_QIBAPIEACH-AgEA-wQAIYADAQDyBAAhgQMBAPsEACGCAwEA-wQAIYMDQADzBAAhDwMAAKMFACARAAClBQAgEwAApgUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeMCAQDyBAAh9gIBAPsEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQ8DAACzBQAgEQAAtQUAIBMAALYFACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHjAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAELAwAAvwUAIAsAAMEFACDIAgEAAAAB1QIBAAAAAeMCAQAAAAGEAwEAAAABhQMBAAAAAYYDAgAAAAGHAwIAAAABiAMCAAAAAYkDAgAAAAECAAAAHwAgKQAAwQYAIAMAAAAfACApAADBBgAgKgAAwAYAIAEiAACbCQAwAgAAAB8AICIAAMAGACACAAAA4AUAICIAAL8GACAJyAIBAPIEACHVAgEA8gQAIeMCAQDyBAAhhAMBAPsEACGFAwEA-wQAIYYDAgCHBQAhhwMCAIcFACGIAwIA-gQAIYkDAgCHBQAhCwMAALwFACALAAC-BQAgyAIBAPIEACHVAgEA8gQAIeMCAQDyBAAhhAMBAPsEACGFAwEA-wQAIYYDAgCHBQAhhwMCAIcFACGIAwIA-gQAIYkDAgCHBQAhCwMAAL8FACALAADBBQAgyAIBAAAAAdUCAQAAAAHjAgEAAAABhAMBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABBwMAAMgFACAPAADKBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABigMBAAAAAYsDAQAAAAECAAAAKQAgKQAAzQYAIAMAAAApACApAADNBgAgKgAAzAYAIAEiAACaCQAwDAMAANEEACAFAADZBAAgDwAA3gQAIMUCAADfBAAwxgIAACcAEMcCAADfBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYoDAQCmBAAhiwMBAJcEACECAAAAKQAgIgAAzAYAIAIAAADKBgAgIgAAywYAIAnFAgAAyQYAMMYCAADKBgAQxwIAAMkGADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYoDAQCmBAAhiwMBAJcEACEJxQIAAMkGADDGAgAAygYAEMcCAADJBgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGKAwEApgQAIYsDAQCXBAAhBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIYoDAQD7BAAhiwMBAPIEACEHAwAAxQUAIA8AAMcFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGKAwEA-wQAIYsDAQDyBAAhBwMAAMgFACAPAADKBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABigMBAAAAAYsDAQAAAAEGAwAA0AUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAYwDAQAAAAGNAwEAAAABAgAAACUAICkAANkGACADAAAAJQAgKQAA2QYAICoAANgGACABIgAAmQkAMAsDAADRBAAgBQAA2QQAIMUCAADgBAAwxgIAACMAEMcCAADgBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYwDAQCXBAAhjQMBAJcEACECAAAAJQAgIgAA2AYAIAIAAADWBgAgIgAA1wYAIAnFAgAA1QYAMMYCAADWBgAQxwIAANUGADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYwDAQCXBAAhjQMBAJcEACEJxQIAANUGADDGAgAA1gYAEMcCAADVBgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGMAwEAlwQAIY0DAQCXBAAhBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIYwDAQDyBAAhjQMBAPIEACEGAwAAzgUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIYwDAQDyBAAhjQMBAPIEACEGAwAA0AUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAYwDAQAAAAGNAwEAAAABBwMAAOQFACAMAADmBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABjgMBAAAAAY8DAQAAAAECAAAAGwAgKQAA5QYAIAMAAAAbACApAADlBgAgKgAA5AYAIAEiAACYCQAwDAMAANEEACAFAADZBAAgDAAAxwQAIMUCAADjBAAwxgIAABkAEMcCAADjBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACECAAAAGwAgIgAA5AYAIAIAAADiBgAgIgAA4wYAIAnFAgAA4QYAMMYCAADiBgAQxwIAAOEGADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACEJxQIAAOEGADDGAgAA4gYAEMcCAADhBgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGOAwEAlwQAIY8DAQCXBAAhBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIY4DAQDyBAAhjwMBAPIEACEHAwAA1QUAIAwAANcFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGOAwEA8gQAIY8DAQDyBAAhBwMAAOQFACAMAADmBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABjgMBAAAAAY8DAQAAAAEIAwAAgAYAIAgAAIIGACDIAgEAAAAB1QIBAAAAAd8CQAAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAECAAAAEgAgKQAA8QYAIAMAAAASACApAADxBgAgKgAA8AYAIAEiAACXCQAwDQMAANEEACAFAADZBAAgCAAAwwQAIMUCAADnBAAwxgIAABAAEMcCAADnBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY8DAQCXBAAhkQMBAKYEACGSAwEApgQAIQIAAAASACAiAADwBgAgAgAAAO4GACAiAADvBgAgCsUCAADtBgAwxgIAAO4GABDHAgAA7QYAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjwMBAJcEACGRAwEApgQAIZIDAQCmBAAhCsUCAADtBgAwxgIAAO4GABDHAgAA7QYAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjwMBAJcEACGRAwEApgQAIZIDAQCmBAAhBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQgDAADxBQAgCAAA8wUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQgDAACABgAgCAAAggYAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAY8DAQAAAAGRAwEAAAABkgMBAAAAAQUDAACIBgAgyAIBAAAAAdUCAQAAAAGTAwEAAAABlAMBAAAAAQIAAAAOACApAAD9BgAgAwAAAA4AICkAAP0GACAqAAD8BgAgASIAAJYJADALAwAA0QQAIAUAANkEACDFAgAA6QQAMMYCAAAMABDHAgAA6QQAMMgCAQAAAAHVAgEAlwQAIfICAQCXBAAhkwMBAJcEACGUAwEAlwQAIa8DAADoBAAgAgAAAA4AICIAAPwGACACAAAA-gYAICIAAPsGACAIxQIAAPkGADDGAgAA-gYAEMcCAAD5BgAwyAIBAJcEACHVAgEAlwQAIfICAQCXBAAhkwMBAJcEACGUAwEAlwQAIQjFAgAA-QYAMMYCAAD6BgAQxwIAAPkGADDIAgEAlwQAIdUCAQCXBAAh8gIBAJcEACGTAwEAlwQAIZQDAQCXBAAhBMgCAQDyBAAh1QIBAPIEACGTAwEA8gQAIZQDAQDyBAAhBQMAAIYGACDIAgEA8gQAIdUCAQDyBAAhkwMBAPIEACGUAwEA8gQAIQUDAACIBgAgyAIBAAAAAdUCAQAAAAGTAwEAAAABlAMBAAAAAQMpAACUCQAgtQMAAJUJACC7AwAAAQAgAykAAJIJACC1AwAAkwkAILsDAAAFACAEKQAA8gYAMLUDAADzBgAwtwMAAPUGACC7AwAA9gYAMAQpAADmBgAwtQMAAOcGADC3AwAA6QYAILsDAADqBgAwBCkAANoGADC1AwAA2wYAMLcDAADdBgAguwMAAN4GADAEKQAAzgYAMLUDAADPBgAwtwMAANEGACC7AwAA0gYAMAQpAADCBgAwtQMAAMMGADC3AwAAxQYAILsDAADGBgAwBCkAALkGADC1AwAAugYAMLcDAAC8BgAguwMAANwFADAEKQAArQYAMLUDAACuBgAwtwMAALAGACC7AwAAsQYAMAQpAACkBgAwtQMAAKUGADC3AwAApwYAILsDAACrBQAwBCkAAJgGADC1AwAAmQYAMLcDAACbBgAguwMAAJwGADAAAAAFKQAAigkAICoAAJAJACC1AwAAiwkAILYDAACPCQAguwMAAAEAIAspAACiBwAwKgAApwcAMLUDAACjBwAwtgMAAKQHADC3AwAApQcAILgDAACmBwAwuQMAAKYHADC6AwAApgcAMLsDAACmBwAwvAMAAKgHADC9AwAAqQcAMAspAACZBwAwKgAAnQcAMLUDAACaBwAwtgMAAJsHADC3AwAAnAcAILgDAACxBgAwuQMAALEGADC6AwAAsQYAMLsDAACxBgAwvAMAAJ4HADC9AwAAtAYAMAspAACQBwAwKgAAlAcAMLUDAACRBwAwtgMAAJIHADC3AwAAkwcAILgDAADGBgAwuQMAAMYGADC6AwAAxgYAMLsDAADGBgAwvAMAAJUHADC9AwAAyQYAMAcDAADIBQAgBQAAyQUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGLAwEAAAABAgAAACkAICkAAJgHACADAAAAKQAgKQAAmAcAICoAAJcHACABIgAAjgkAMAIAAAApACAiAACXBwAgAgAAAMoGACAiAACWBwAgBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhiwMBAPIEACEHAwAAxQUAIAUAAMYFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYsDAQDyBAAhBwMAAMgFACAFAADJBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAYsDAQAAAAEPAwAAswUAIAUAALQFACATAAC2BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABAgAAAC8AICkAAKEHACADAAAALwAgKQAAoQcAICoAAKAHACABIgAAjQkAMAIAAAAvACAiAACgBwAgAgAAALUGACAiAACfBwAgDMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeMCAQDyBAAh8gIBAPIEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQ8DAACjBQAgBQAApAUAIBMAAKYFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHjAgEA8gQAIfICAQDyBAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEPAwAAswUAIAUAALQFACATAAC2BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABFgMAAP4GACAGAACABwAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBAAAIQHACATAACHBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAArQcAIAMAAAAJACApAACtBwAgKgAArAcAIAEiAACMCQAwHAMAANEEACAEAADeBAAgBgAAwQQAIAoAAMIEACAMAADHBAAgDQAAxAQAIA4AAMUEACAQAADGBAAgEwAAyQQAIBQAAMgEACAVAADKBAAgxQIAAOsEADDGAgAABwAQxwIAAOsEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGVAwEAlwQAIZYDAQCmBAAhlwMBAJcEACGYAwEAlwQAIZkDAQCmBAAhmgNAAL4EACGbA0AAvgQAIZwDQAC-BAAhsAMAAOoEACACAAAACQAgIgAArAcAIAIAAACqBwAgIgAAqwcAIBDFAgAAqQcAMMYCAACqBwAQxwIAAKkHADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhlQMBAJcEACGWAwEApgQAIZcDAQCXBAAhmAMBAJcEACGZAwEApgQAIZoDQAC-BAAhmwNAAL4EACGcA0AAvgQAIRDFAgAAqQcAMMYCAACqBwAQxwIAAKkHADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhlQMBAJcEACGWAwEApgQAIZcDAQCXBAAhmAMBAJcEACGZAwEApgQAIZoDQAC-BAAhmwNAAL4EACGcA0AAvgQAIQzIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEWAwAAjQYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRYDAAD-BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAykAAIoJACC1AwAAiwkAILsDAAABACAEKQAAogcAMLUDAACjBwAwtwMAAKUHACC7AwAApgcAMAQpAACZBwAwtQMAAJoHADC3AwAAnAcAILsDAACxBgAwBCkAAJAHADC1AwAAkQcAMLcDAACTBwAguwMAAMYGADAAAAALKQAAywgAMCoAANAIADC1AwAAzAgAMLYDAADNCAAwtwMAAM4IACC4AwAAzwgAMLkDAADPCAAwugMAAM8IADC7AwAAzwgAMLwDAADRCAAwvQMAANIIADALKQAAwggAMCoAAMYIADC1AwAAwwgAMLYDAADECAAwtwMAAMUIACC4AwAApgcAMLkDAACmBwAwugMAAKYHADC7AwAApgcAMLwDAADHCAAwvQMAAKkHADALKQAAuQgAMCoAAL0IADC1AwAAuggAMLYDAAC7CAAwtwMAALwIACC4AwAA9gYAMLkDAAD2BgAwugMAAPYGADC7AwAA9gYAMLwDAAC-CAAwvQMAAPkGADALKQAAsAgAMCoAALQIADC1AwAAsQgAMLYDAACyCAAwtwMAALMIACC4AwAA6gYAMLkDAADqBgAwugMAAOoGADC7AwAA6gYAMLwDAAC1CAAwvQMAAO0GADALKQAApwgAMCoAAKsIADC1AwAAqAgAMLYDAACpCAAwtwMAAKoIACC4AwAA-AUAMLkDAAD4BQAwugMAAPgFADC7AwAA-AUAMLwDAACsCAAwvQMAAPsFADALKQAAnggAMCoAAKIIADC1AwAAnwgAMLYDAACgCAAwtwMAAKEIACC4AwAA3gYAMLkDAADeBgAwugMAAN4GADC7AwAA3gYAMLwDAACjCAAwvQMAAOEGADALKQAAlQgAMCoAAJkIADC1AwAAlggAMLYDAACXCAAwtwMAAJgIACC4AwAA0gYAMLkDAADSBgAwugMAANIGADC7AwAA0gYAMLwDAACaCAAwvQMAANUGADALKQAAjAgAMCoAAJAIADC1AwAAjQgAMLYDAACOCAAwtwMAAI8IACC4AwAAxgYAMLkDAADGBgAwugMAAMYGADC7AwAAxgYAMLwDAACRCAAwvQMAAMkGADALKQAAgwgAMCoAAIcIADC1AwAAhAgAMLYDAACFCAAwtwMAAIYIACC4AwAA3AUAMLkDAADcBQAwugMAANwFADC7AwAA3AUAMLwDAACICAAwvQMAAN8FADALKQAA-gcAMCoAAP4HADC1AwAA-wcAMLYDAAD8BwAwtwMAAP0HACC4AwAAsQYAMLkDAACxBgAwugMAALEGADC7AwAAsQYAMLwDAAD_BwAwvQMAALQGADALKQAA8QcAMCoAAPUHADC1AwAA8gcAMLYDAADzBwAwtwMAAPQHACC4AwAAqwUAMLkDAACrBQAwugMAAKsFADC7AwAAqwUAMLwDAAD2BwAwvQMAAK4FADALKQAA6AcAMCoAAOwHADC1AwAA6QcAMLYDAADqBwAwtwMAAOsHACC4AwAAnAYAMLkDAACcBgAwugMAAJwGADC7AwAAnAYAMLwDAADtBwAwvQMAAJ8GADALKQAA3AcAMCoAAOEHADC1AwAA3QcAMLYDAADeBwAwtwMAAN8HACC4AwAA4AcAMLkDAADgBwAwugMAAOAHADC7AwAA4AcAMLwDAADiBwAwvQMAAOMHADALKQAA0AcAMCoAANUHADC1AwAA0QcAMLYDAADSBwAwtwMAANMHACC4AwAA1AcAMLkDAADUBwAwugMAANQHADC7AwAA1AcAMLwDAADWBwAwvQMAANcHADALKQAAxAcAMCoAAMkHADC1AwAAxQcAMLYDAADGBwAwtwMAAMcHACC4AwAAyAcAMLkDAADIBwAwugMAAMgHADC7AwAAyAcAMLwDAADKBwAwvQMAAMsHADAGyAIBAAAAAdYCAQAAAAHXAgEAAAAB2AICAAAAAdkCAQAAAAHaAkAAAAABAgAAAGAAICkAAM8HACADAAAAYAAgKQAAzwcAICoAAM4HACABIgAAiQkAMAwDAADRBAAgxQIAAM8EADDGAgAAXgAQxwIAAM8EADDIAgEAAAAB1QIBAJcEACHWAgEAlwQAIdcCAQCXBAAh2AICANAEACHZAgEApgQAIdoCQAC-BAAhqwMAAM4EACACAAAAYAAgIgAAzgcAIAIAAADMBwAgIgAAzQcAIArFAgAAywcAMMYCAADMBwAQxwIAAMsHADDIAgEAlwQAIdUCAQCXBAAh1gIBAJcEACHXAgEAlwQAIdgCAgDQBAAh2QIBAKYEACHaAkAAvgQAIQrFAgAAywcAMMYCAADMBwAQxwIAAMsHADDIAgEAlwQAIdUCAQCXBAAh1gIBAJcEACHXAgEAlwQAIdgCAgDQBAAh2QIBAKYEACHaAkAAvgQAIQbIAgEA8gQAIdYCAQDyBAAh1wIBAPIEACHYAgIA-gQAIdkCAQD7BAAh2gJAAPwEACEGyAIBAPIEACHWAgEA8gQAIdcCAQDyBAAh2AICAPoEACHZAgEA-wQAIdoCQAD8BAAhBsgCAQAAAAHWAgEAAAAB1wIBAAAAAdgCAgAAAAHZAgEAAAAB2gJAAAAAAQ3IAgEAAAAB3wJAAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAAeUCAQAAAAHmAgIAAAAB5wIBAAAAAegCQAAAAAHpAkAAAAAB6gIBAAAAAesCIAAAAAHsAgEAAAABAgAAAFwAICkAANsHACADAAAAXAAgKQAA2wcAICoAANoHACABIgAAiAkAMBMDAADRBAAgxQIAANMEADDGAgAAWgAQxwIAANMEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIeICAQCXBAAh4wIBAJcEACHkAgEAlwQAIeUCAQCXBAAh5gICANQEACHnAgEApgQAIegCQAC-BAAh6QJAAL4EACHqAgEApgQAIesCIADVBAAh7AIBAKYEACGsAwAA0gQAIAIAAABcACAiAADaBwAgAgAAANgHACAiAADZBwAgEcUCAADXBwAwxgIAANgHABDHAgAA1wcAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeICAQCXBAAh4wIBAJcEACHkAgEAlwQAIeUCAQCXBAAh5gICANQEACHnAgEApgQAIegCQAC-BAAh6QJAAL4EACHqAgEApgQAIesCIADVBAAh7AIBAKYEACERxQIAANcHADDGAgAA2AcAEMcCAADXBwAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4gIBAJcEACHjAgEAlwQAIeQCAQCXBAAh5QIBAJcEACHmAgIA1AQAIecCAQCmBAAh6AJAAL4EACHpAkAAvgQAIeoCAQCmBAAh6wIgANUEACHsAgEApgQAIQ3IAgEA8gQAId8CQADzBAAh4gIBAPIEACHjAgEA8gQAIeQCAQDyBAAh5QIBAPIEACHmAgIAhwUAIecCAQD7BAAh6AJAAPwEACHpAkAA_AQAIeoCAQD7BAAh6wIgAIgFACHsAgEA-wQAIQ3IAgEA8gQAId8CQADzBAAh4gIBAPIEACHjAgEA8gQAIeQCAQDyBAAh5QIBAPIEACHmAgIAhwUAIecCAQD7BAAh6AJAAPwEACHpAkAA_AQAIeoCAQD7BAAh6wIgAIgFACHsAgEA-wQAIQ3IAgEAAAAB3wJAAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAAeUCAQAAAAHmAgIAAAAB5wIBAAAAAegCQAAAAAHpAkAAAAAB6gIBAAAAAesCIAAAAAHsAgEAAAABBe0CAQAAAAHuAgEAAAAB7wJAAAAAAfACAQAAAAHxAkAAAAABAgAAAFgAICkAAOcHACADAAAAWAAgKQAA5wcAICoAAOYHACABIgAAhwkAMAsDAADRBAAgxQIAANcEADDGAgAAVgAQxwIAANcEADDVAgEAlwQAIe0CAQCXBAAh7gIBAJcEACHvAkAAvgQAIfACAQCmBAAh8QJAAJgEACGtAwAA1gQAIAIAAABYACAiAADmBwAgAgAAAOQHACAiAADlBwAgCcUCAADjBwAwxgIAAOQHABDHAgAA4wcAMNUCAQCXBAAh7QIBAJcEACHuAgEAlwQAIe8CQAC-BAAh8AIBAKYEACHxAkAAmAQAIQnFAgAA4wcAMMYCAADkBwAQxwIAAOMHADDVAgEAlwQAIe0CAQCXBAAh7gIBAJcEACHvAkAAvgQAIfACAQCmBAAh8QJAAJgEACEF7QIBAPIEACHuAgEA8gQAIe8CQAD8BAAh8AIBAPsEACHxAkAA8wQAIQXtAgEA8gQAIe4CAQDyBAAh7wJAAPwEACHwAgEA-wQAIfECQADzBAAhBe0CAQAAAAHuAgEAAAAB7wJAAAAAAfACAQAAAAHxAkAAAAABBwUAAJYFACDIAgEAAAAB8gIBAAAAAfMCAQAAAAH0AgEAAAAB9QJAAAAAAfYCAQAAAAECAAAAOwAgKQAA8AcAIAMAAAA7ACApAADwBwAgKgAA7wcAIAEiAACGCQAwAgAAADsAICIAAO8HACACAAAAoAYAICIAAO4HACAGyAIBAPIEACHyAgEA8gQAIfMCAQDyBAAh9AIBAPsEACH1AkAA8wQAIfYCAQD7BAAhBwUAAJQFACDIAgEA8gQAIfICAQDyBAAh8wIBAPIEACH0AgEA-wQAIfUCQADzBAAh9gIBAPsEACEHBQAAlgUAIMgCAQAAAAHyAgEAAAAB8wIBAAAAAfQCAQAAAAH1AkAAAAAB9gIBAAAAARAFAACeBQAgEgAAnwUAIMgCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABAgAAADQAICkAAPkHACADAAAANAAgKQAA-QcAICoAAPgHACABIgAAhQkAMAIAAAA0ACAiAAD4BwAgAgAAAK8FACAiAAD3BwAgDsgCAQDyBAAh4gIBAPsEACHjAgEA8gQAIeUCAQDyBAAh8gIBAPIEACH3AgEA-wQAIfgCAQDyBAAh-QJAAPMEACH6AkAA_AQAIfsCQAD8BAAh_AIBAPsEACH9AgEA8gQAIf4CAQD7BAAh_wIBAPIEACEQBQAAmwUAIBIAAJwFACDIAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhEAUAAJ4FACASAACfBQAgyAIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH3AgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEPBQAAtAUAIBEAALUFACATAAC2BQAgyAIBAAAAAd8CQAAAAAHjAgEAAAAB8gIBAAAAAfYCAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABAgAAAC8AICkAAIIIACADAAAALwAgKQAAgggAICoAAIEIACABIgAAhAkAMAIAAAAvACAiAACBCAAgAgAAALUGACAiAACACAAgDMgCAQDyBAAh3wJAAPMEACHjAgEA8gQAIfICAQDyBAAh9gIBAPsEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQ8FAACkBQAgEQAApQUAIBMAAKYFACDIAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEPBQAAtAUAIBEAALUFACATAAC2BQAgyAIBAAAAAd8CQAAAAAHjAgEAAAAB8gIBAAAAAfYCAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABCwUAAMAFACALAADBBQAgyAIBAAAAAeMCAQAAAAHyAgEAAAABhAMBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABAgAAAB8AICkAAIsIACADAAAAHwAgKQAAiwgAICoAAIoIACABIgAAgwkAMAIAAAAfACAiAACKCAAgAgAAAOAFACAiAACJCAAgCcgCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYQDAQD7BAAhhQMBAPsEACGGAwIAhwUAIYcDAgCHBQAhiAMCAPoEACGJAwIAhwUAIQsFAAC9BQAgCwAAvgUAIMgCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYQDAQD7BAAhhQMBAPsEACGGAwIAhwUAIYcDAgCHBQAhiAMCAPoEACGJAwIAhwUAIQsFAADABQAgCwAAwQUAIMgCAQAAAAHjAgEAAAAB8gIBAAAAAYQDAQAAAAGFAwEAAAABhgMCAAAAAYcDAgAAAAGIAwIAAAABiQMCAAAAAQcFAADJBQAgDwAAygUAIMgCAQAAAAHfAkAAAAAB8gIBAAAAAYoDAQAAAAGLAwEAAAABAgAAACkAICkAAJQIACADAAAAKQAgKQAAlAgAICoAAJMIACABIgAAggkAMAIAAAApACAiAACTCAAgAgAAAMoGACAiAACSCAAgBcgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYoDAQD7BAAhiwMBAPIEACEHBQAAxgUAIA8AAMcFACDIAgEA8gQAId8CQADzBAAh8gIBAPIEACGKAwEA-wQAIYsDAQDyBAAhBwUAAMkFACAPAADKBQAgyAIBAAAAAd8CQAAAAAHyAgEAAAABigMBAAAAAYsDAQAAAAEGBQAA0QUAIMgCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABAgAAACUAICkAAJ0IACADAAAAJQAgKQAAnQgAICoAAJwIACABIgAAgQkAMAIAAAAlACAiAACcCAAgAgAAANYGACAiAACbCAAgBcgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYwDAQDyBAAhjQMBAPIEACEGBQAAzwUAIMgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYwDAQDyBAAhjQMBAPIEACEGBQAA0QUAIMgCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABBwUAAOUFACAMAADmBQAgyAIBAAAAAd8CQAAAAAHyAgEAAAABjgMBAAAAAY8DAQAAAAECAAAAGwAgKQAApggAIAMAAAAbACApAACmCAAgKgAApQgAIAEiAACACQAwAgAAABsAICIAAKUIACACAAAA4gYAICIAAKQIACAFyAIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQcFAADWBQAgDAAA1wUAIMgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIY4DAQDyBAAhjwMBAPIEACEHBQAA5QUAIAwAAOYFACDIAgEAAAAB3wJAAAAAAfICAQAAAAGOAwEAAAABjwMBAAAAAQQHAADtBQAgyAIBAAAAAdYCAQAAAAGQAwEAAAABAgAAABYAICkAAK8IACADAAAAFgAgKQAArwgAICoAAK4IACABIgAA_wgAMAIAAAAWACAiAACuCAAgAgAAAPwFACAiAACtCAAgA8gCAQDyBAAh1gIBAPIEACGQAwEA8gQAIQQHAADrBQAgyAIBAPIEACHWAgEA8gQAIZADAQDyBAAhBAcAAO0FACDIAgEAAAAB1gIBAAAAAZADAQAAAAEIBQAAgQYAIAgAAIIGACDIAgEAAAAB3wJAAAAAAfICAQAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAECAAAAEgAgKQAAuAgAIAMAAAASACApAAC4CAAgKgAAtwgAIAEiAAD-CAAwAgAAABIAICIAALcIACACAAAA7gYAICIAALYIACAGyAIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhCAUAAPIFACAIAADzBQAgyAIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhCAUAAIEGACAIAACCBgAgyAIBAAAAAd8CQAAAAAHyAgEAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABBQUAAIkGACDIAgEAAAAB8gIBAAAAAZMDAQAAAAGUAwEAAAABAgAAAA4AICkAAMEIACADAAAADgAgKQAAwQgAICoAAMAIACABIgAA_QgAMAIAAAAOACAiAADACAAgAgAAAPoGACAiAAC_CAAgBMgCAQDyBAAh8gIBAPIEACGTAwEA8gQAIZQDAQDyBAAhBQUAAIcGACDIAgEA8gQAIfICAQDyBAAhkwMBAPIEACGUAwEA8gQAIQUFAACJBgAgyAIBAAAAAfICAQAAAAGTAwEAAAABlAMBAAAAARYEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAMoIACADAAAACQAgKQAAyggAICoAAMkIACABIgAA_AgAMAIAAAAJACAiAADJCAAgAgAAAKoHACAiAADICAAgDMgCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRYEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFgQAAP8GACAGAACABwAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBAAAIQHACATAACHBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAEHEAAAsQcAIBQAALAHACAWAACvBwAgyAIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQIAAAAFACApAADWCAAgAwAAAAUAICkAANYIACAqAADVCAAgASIAAPsIADANAwAA0QQAIBAAAMYEACAUAADIBAAgFgAAwAQAIMUCAADtBAAwxgIAAAMAEMcCAADtBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACGZAwEAlwQAIZ0DAQCXBAAhsQMAAOwEACACAAAABQAgIgAA1QgAIAIAAADTCAAgIgAA1AgAIAjFAgAA0ggAMMYCAADTCAAQxwIAANIIADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACGZAwEAlwQAIZ0DAQCXBAAhCMUCAADSCAAwxgIAANMIABDHAgAA0ggAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIZkDAQCXBAAhnQMBAJcEACEEyAIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEHEAAAjwcAIBQAAI4HACAWAACNBwAgyAIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEHEAAAsQcAIBQAALAHACAWAACvBwAgyAIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQQpAADLCAAwtQMAAMwIADC3AwAAzggAILsDAADPCAAwBCkAAMIIADC1AwAAwwgAMLcDAADFCAAguwMAAKYHADAEKQAAuQgAMLUDAAC6CAAwtwMAALwIACC7AwAA9gYAMAQpAACwCAAwtQMAALEIADC3AwAAswgAILsDAADqBgAwBCkAAKcIADC1AwAAqAgAMLcDAACqCAAguwMAAPgFADAEKQAAnggAMLUDAACfCAAwtwMAAKEIACC7AwAA3gYAMAQpAACVCAAwtQMAAJYIADC3AwAAmAgAILsDAADSBgAwBCkAAIwIADC1AwAAjQgAMLcDAACPCAAguwMAAMYGADAEKQAAgwgAMLUDAACECAAwtwMAAIYIACC7AwAA3AUAMAQpAAD6BwAwtQMAAPsHADC3AwAA_QcAILsDAACxBgAwBCkAAPEHADC1AwAA8gcAMLcDAAD0BwAguwMAAKsFADAEKQAA6AcAMLUDAADpBwAwtwMAAOsHACC7AwAAnAYAMAQpAADcBwAwtQMAAN0HADC3AwAA3wcAILsDAADgBwAwBCkAANAHADC1AwAA0QcAMLcDAADTBwAguwMAANQHADAEKQAAxAcAMLUDAADFBwAwtwMAAMcHACC7AwAAyAcAMAAAAAAAAAAAAAAAAAAAABMGAADoCAAgCgAA6QgAIAwAAO4IACANAADrCAAgDgAA7AgAIBAAAO0IACATAADwCAAgFAAA7wgAIBUAAPEIACAXAADmCAAgGAAA5wgAIBkAAOoIACAaAADyCAAgGwAA8wgAIBwAAPQIACCgAwAA9AQAIKUDAAD0BAAgpgMAAPQEACCnAwAA9AQAIBADAAD1CAAgBAAA-AgAIAYAAOgIACAKAADpCAAgDAAA7ggAIA0AAOsIACAOAADsCAAgEAAA7QgAIBMAAPAIACAUAADvCAAgFQAA8QgAIJYDAAD0BAAgmQMAAPQEACCaAwAA9AQAIJsDAAD0BAAgnAMAAPQEACAIAwAA9QgAIAUAAPYIACARAAD4CAAgEwAA8AgAIPYCAAD0BAAg_gIAAPQEACCBAwAA9AQAIIIDAAD0BAAgBAMAAPUIACAQAADtCAAgFAAA7wgAIBYAAOcIACADAwAA9QgAIAUAAPYIACAMAADuCAAgBQMAAPUIACAFAAD2CAAgCAAA6ggAIJEDAAD0BAAgkgMAAPQEACAEyAIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQzIAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAEEyAIBAAAAAfICAQAAAAGTAwEAAAABlAMBAAAAAQbIAgEAAAAB3wJAAAAAAfICAQAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAEDyAIBAAAAAdYCAQAAAAGQAwEAAAABBcgCAQAAAAHfAkAAAAAB8gIBAAAAAY4DAQAAAAGPAwEAAAABBcgCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABBcgCAQAAAAHfAkAAAAAB8gIBAAAAAYoDAQAAAAGLAwEAAAABCcgCAQAAAAHjAgEAAAAB8gIBAAAAAYQDAQAAAAGFAwEAAAABhgMCAAAAAYcDAgAAAAGIAwIAAAABiQMCAAAAAQzIAgEAAAAB3wJAAAAAAeMCAQAAAAHyAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAEOyAIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH3AgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEGyAIBAAAAAfICAQAAAAHzAgEAAAAB9AIBAAAAAfUCQAAAAAH2AgEAAAABBe0CAQAAAAHuAgEAAAAB7wJAAAAAAfACAQAAAAHxAkAAAAABDcgCAQAAAAHfAkAAAAAB4gIBAAAAAeMCAQAAAAHkAgEAAAAB5QIBAAAAAeYCAgAAAAHnAgEAAAAB6AJAAAAAAekCQAAAAAHqAgEAAAAB6wIgAAAAAewCAQAAAAEGyAIBAAAAAdYCAQAAAAHXAgEAAAAB2AICAAAAAdkCAQAAAAHaAkAAAAABHQYAANkIACAKAADaCAAgDAAA3wgAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAUAADgCAAgFQAA4ggAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAAIoJACAMyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABDMgCAQAAAAHVAgEAAAAB3wJAAAAAAeMCAQAAAAHyAgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQXIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABiwMBAAAAAQMAAAByACApAACKCQAgKgAAkQkAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAJEJACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEIAwAArgcAIBAAALEHACAUAACwBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAABmQMBAAAAAZ0DAQAAAAECAAAABQAgKQAAkgkAIB0GAADZCAAgCgAA2ggAIAwAAN8IACANAADcCAAgDgAA3QgAIBAAAN4IACATAADhCAAgFAAA4AgAIBUAAOIIACAXAADXCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAACUCQAgBMgCAQAAAAHVAgEAAAABkwMBAAAAAZQDAQAAAAEGyAIBAAAAAdUCAQAAAAHfAkAAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABBcgCAQAAAAHVAgEAAAAB3wJAAAAAAY4DAQAAAAGPAwEAAAABBcgCAQAAAAHVAgEAAAAB3wJAAAAAAYwDAQAAAAGNAwEAAAABBcgCAQAAAAHVAgEAAAAB3wJAAAAAAYoDAQAAAAGLAwEAAAABCcgCAQAAAAHVAgEAAAAB4wIBAAAAAYQDAQAAAAGFAwEAAAABhgMCAAAAAYcDAgAAAAGIAwIAAAABiQMCAAAAAQzIAgEAAAAB1QIBAAAAAd8CQAAAAAHjAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAEOyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAH3AgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEGyAIBAAAAAdUCAQAAAAHzAgEAAAAB9AIBAAAAAfUCQAAAAAH2AgEAAAABAwAAAAMAICkAAJIJACAqAAChCQAgCgAAAAMAIAMAAIwHACAQAACPBwAgFAAAjgcAICIAAKEJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGZAwEA8gQAIZ0DAQDyBAAhCAMAAIwHACAQAACPBwAgFAAAjgcAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEDAAAAcgAgKQAAlAkAICoAAKQJACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAACkCQAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhFwMAAP4GACAEAAD_BgAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBAAAIQHACATAACHBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAKUJACAdCgAA2ggAIAwAAN8IACANAADcCAAgDgAA3QgAIBAAAN4IACATAADhCAAgFAAA4AgAIBUAAOIIACAXAADXCAAgGAAA2AgAIBkAANsIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAApwkAIAMAAAAHACApAAClCQAgKgAAqwkAIBkAAAAHACADAACNBgAgBAAAjgYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgIgAAqwkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgCgAAkAYAIAwAAJQGACANAACRBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAACnCQAgKgAArgkAIB8AAAByACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAK4JACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEXAwAA_gYAIAQAAP8GACAGAACABwAgDAAAhQcAIA0AAIIHACAOAACDBwAgEAAAhAcAIBMAAIcHACAUAACGBwAgFQAAiAcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAArwkAIB0GAADZCAAgDAAA3wgAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAUAADgCAAgFQAA4ggAIBcAANcIACAYAADYCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAACxCQAgA8gCAQAAAAHVAgEAAAAB1gIBAAAAAQMAAAAHACApAACvCQAgKgAAtgkAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgIgAAtgkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAwAAJQGACANAACRBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAACxCQAgKgAAuQkAIB8AAAByACAGAAC3BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAALkJACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEJAwAAgAYAIAUAAIEGACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABAgAAABIAICkAALoJACAdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAvAkAIAMAAAAQACApAAC6CQAgKgAAwAkAIAsAAAAQACADAADxBQAgBQAA8gUAICIAAMAJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHyAgEA8gQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQkDAADxBQAgBQAA8gUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhAwAAAHIAICkAALwJACAqAADDCQAgHwAAAHIAIAYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgIgAAwwkAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIR0GAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBoAAMEHACAbAADCBwAgHAAAwwcAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIRcDAAD-BgAgBAAA_wYAIAYAAIAHACAKAACBBwAgDAAAhQcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQIAAAAJACApAADECQAgHQYAANkIACAKAADaCAAgDAAA3wgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAAMYJACAJyAIBAAAAAdUCAQAAAAHjAgEAAAAB8gIBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABAwAAAAcAICkAAMQJACAqAADLCQAgGQAAAAcAIAMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACAiAADLCQAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEXAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhAwAAAHIAICkAAMYJACAqAADOCQAgHwAAAHIAIAYAALcHACAKAAC4BwAgDAAAvQcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgIgAAzgkAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIR0GAAC3BwAgCgAAuAcAIAwAAL0HACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIRcDAAD-BgAgBAAA_wYAIAYAAIAHACAKAACBBwAgDAAAhQcAIA0AAIIHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQIAAAAJACApAADPCQAgHQYAANkIACAKAADaCAAgDAAA3wgAIA0AANwIACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAANEJACADAAAABwAgKQAAzwkAICoAANUJACAZAAAABwAgAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACANAACRBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAICIAANUJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRcDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEDAAAAcgAgKQAA0QkAICoAANgJACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAADYCQAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhCAMAAK4HACAUAACwBwAgFgAArwcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAZkDAQAAAAGdAwEAAAABAgAAAAUAICkAANkJACAXAwAA_gYAIAQAAP8GACAGAACABwAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBMAAIcHACAUAACGBwAgFQAAiAcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAA2wkAIB0GAADZCAAgCgAA2ggAIAwAAN8IACANAADcCAAgDgAA3QgAIBMAAOEIACAUAADgCAAgFQAA4ggAIBcAANcIACAYAADYCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAADdCQAgAwAAAAMAICkAANkJACAqAADhCQAgCgAAAAMAIAMAAIwHACAUAACOBwAgFgAAjQcAICIAAOEJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGZAwEA8gQAIZ0DAQDyBAAhCAMAAIwHACAUAACOBwAgFgAAjQcAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEDAAAABwAgKQAA2wkAICoAAOQJACAZAAAABwAgAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACANAACRBgAgDgAAkgYAIBMAAJYGACAUAACVBgAgFQAAlwYAICIAAOQJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRcDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEDAAAAcgAgKQAA3QkAICoAAOcJACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAADnCQAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhCAMAAOQFACAFAADlBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAY4DAQAAAAGPAwEAAAABAgAAABsAICkAAOgJACAXAwAA_gYAIAQAAP8GACAGAACABwAgCgAAgQcAIA0AAIIHACAOAACDBwAgEAAAhAcAIBMAAIcHACAUAACGBwAgFQAAiAcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAA6gkAIB0GAADZCAAgCgAA2ggAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAUAADgCAAgFQAA4ggAIBcAANcIACAYAADYCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAADsCQAgAwAAABkAICkAAOgJACAqAADwCQAgCgAAABkAIAMAANUFACAFAADWBQAgIgAA8AkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQgDAADVBQAgBQAA1gUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQMAAAAHACApAADqCQAgKgAA8wkAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgIgAA8wkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACANAACRBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAADsCQAgKgAA9gkAIB8AAAByACAGAAC3BwAgCgAAuAcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAPYJACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEIAwAArgcAIBAAALEHACAWAACvBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAABmQMBAAAAAZ0DAQAAAAECAAAABQAgKQAA9wkAIBcDAAD-BgAgBAAA_wYAIAYAAIAHACAKAACBBwAgDAAAhQcAIA0AAIIHACAOAACDBwAgEAAAhAcAIBMAAIcHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQIAAAAJACApAAD5CQAgHQYAANkIACAKAADaCAAgDAAA3wgAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAAPsJACAOyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEDAAAAAwAgKQAA9wkAICoAAIAKACAKAAAAAwAgAwAAjAcAIBAAAI8HACAWAACNBwAgIgAAgAoAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEIAwAAjAcAIBAAAI8HACAWAACNBwAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAhmQMBAPIEACGdAwEA8gQAIQMAAAAHACApAAD5CQAgKgAAgwoAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAVAACXBgAgIgAAgwoAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAAD7CQAgKgAAhgoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAIYKACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEQAwAAswUAIAUAALQFACARAAC1BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH2AgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQIAAAAvACApAACHCgAgFwMAAP4GACAEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAIkKACAdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgFAAA4AgAIBUAAOIIACAXAADXCAAgGAAA2AgAIBkAANsIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAiwoAIAMAAAAtACApAACHCgAgKgAAjwoAIBIAAAAtACADAACjBQAgBQAApAUAIBEAAKUFACAiAACPCgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEQAwAAowUAIAUAAKQFACARAAClBQAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEDAAAABwAgKQAAiQoAICoAAJIKACAZAAAABwAgAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACANAACRBgAgDgAAkgYAIBAAAJMGACAUAACVBgAgFQAAlwYAICIAAJIKACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRcDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEDAAAAcgAgKQAAiwoAICoAAJUKACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAACVCgAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhFwMAAP4GACAEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAJYKACAdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAXAADXCAAgGAAA2AgAIBkAANsIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAmAoAIAMAAAAHACApAACWCgAgKgAAnAoAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgIgAAnAoAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAACYCgAgKgAAnwoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAJ8KACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAoAoAIAMAAAByACApAACgCgAgKgAApAoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAbAADCBwAgHAAAwwcAICIAAKQKACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAApQoAIAMAAAByACApAAClCgAgKgAAqQoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgHAAAwwcAICIAAKkKACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAqgoAIAMAAAByACApAACqCgAgKgAArgoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAICIAAK4KACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEQBkwECQAWCk0FDFIJDU8IDlALEFEME1QOFFMNFVUQFwYCGEsDGU4GGlkTG10UHGEVBQMAAQkAEhBHDBRGDRYKAwwDAAEECwIGDwQJABEKEwUMLAkNHAgOJgsQKgwTOA4UMA0VPBACAwABBQADBAMAAQUAAwgXBgkABwIDAAEHAAUBCBgABAMAAQUAAwkACgwgCQMDAAEFAAMLIQgBDCIAAgMAAQUAAwMDAAEFAAMPKwIFAwABBQADCQAPETECEzUOAwMAAQUAAxI2DQETNwACAwABBQADCQY9AAo-AAxCAA0_AA5AABBBABNEABRDABVFAAMQSgAUSQAWSAABAwABAQMAAQEDAAEPBmQACmUADGoADWcADmgAEGkAE2wAFGsAFW0AF2IAGGMAGWYAGm4AG28AHHAAAAAAAwkAGy8AHDAAHQAAAAMJABsvABwwAB0BAwABAQMAAQMJACIvACMwACQAAAADCQAiLwAjMAAkAgMAAQSoAQICAwABBK4BAgMJACkvACowACsAAAADCQApLwAqMAArAgMAAQUAAwIDAAEFAAMDCQAwLwAxMAAyAAAAAwkAMC8AMTAAMgIDAAEFAAMCAwABBQADAwkANy8AODAAOQAAAAMJADcvADgwADkCAwABBwAFAgMAAQcABQMJAD4vAD8wAEAAAAADCQA-LwA_MABAAgMAAQUAAwIDAAEFAAMDCQBFLwBGMABHAAAAAwkARS8ARjAARwIDAAEFAAMCAwABBQADAwkATC8ATTAATgAAAAMJAEwvAE0wAE4DAwABBQADD64CAgMDAAEFAAMPtAICAwkAUy8AVDAAVQAAAAMJAFMvAFQwAFUDAwABBQADC8YCCAMDAAEFAAMLzAIIBQkAWi8AXTAAXsEBAFvCAQBcAAAAAAAFCQBaLwBdMABewQEAW8IBAFwDAwABBQADEd4CAgMDAAEFAAMR5AICAwkAYy8AZDAAZQAAAAMJAGMvAGQwAGUDAwABBQADEvYCDQMDAAEFAAMS_AINAwkAai8AazAAbAAAAAMJAGovAGswAGwCAwABBQADAgMAAQUAAwMJAHEvAHIwAHMAAAADCQBxLwByMABzAQMAAQEDAAEDCQB4LwB5MAB6AAAAAwkAeC8AeTAAegEDAAEBAwABBQkAfy8AggEwAIMBwQEAgAHCAQCBAQAAAAAABQkAfy8AggEwAIMBwQEAgAHCAQCBAQAAAAMJAIkBLwCKATAAiwEAAAADCQCJAS8AigEwAIsBAQMAAQEDAAEFCQCQAS8AkwEwAJQBwQEAkQHCAQCSAQAAAAAABQkAkAEvAJMBMACUAcEBAJEBwgEAkgEAAAADCQCaAS8AmwEwAJwBAAAAAwkAmgEvAJsBMACcAR0CAR5xAR90ASB1ASF2ASN4ASR6FyV7GCZ9ASd_FyiAARkrgQEBLIIBAS2DARcxhgEaMocBHjOIAQI0iQECNYoBAjaLAQI3jAECOI4BAjmQARc6kQEfO5MBAjyVARc9lgEgPpcBAj-YAQJAmQEXQZwBIUKdASVDngEDRJ8BA0WgAQNGoQEDR6IBA0ikAQNJpgEXSqcBJkuqAQNMrAEXTa0BJ06vAQNPsAEDULEBF1G0AShStQEsU7YBBFS3AQRVuAEEVrkBBFe6AQRYvAEEWb4BF1q_AS1bwQEEXMMBF13EAS5exQEEX8YBBGDHARdhygEvYssBM2PMAQVkzQEFZc4BBWbPAQVn0AEFaNIBBWnUARdq1QE0a9cBBWzZARdt2gE1btsBBW_cAQVw3QEXceABNnLhATpz4gEGdOMBBnXkAQZ25QEGd-YBBnjoAQZ56gEXeusBO3vtAQZ87wEXffABPH7xAQZ_8gEGgAHzAReBAfYBPYIB9wFBgwH4AQiEAfkBCIUB-gEIhgH7AQiHAfwBCIgB_gEIiQGAAheKAYECQosBgwIIjAGFAheNAYYCQ44BhwIIjwGIAgiQAYkCF5EBjAJEkgGNAkiTAY4CC5QBjwILlQGQAguWAZECC5cBkgILmAGUAguZAZYCF5oBlwJJmwGZAgucAZsCF50BnAJKngGdAgufAZ4CC6ABnwIXoQGiAkuiAaMCT6MBpAIMpAGlAgylAaYCDKYBpwIMpwGoAgyoAaoCDKkBrAIXqgGtAlCrAbACDKwBsgIXrQGzAlGuAbUCDK8BtgIMsAG3AhexAboCUrIBuwJWswG8Agm0Ab0CCbUBvgIJtgG_Agm3AcACCbgBwgIJuQHEAhe6AcUCV7sByAIJvAHKAhe9AcsCWL4BzQIJvwHOAgnAAc8CF8MB0gJZxAHTAl_FAdQCDcYB1QINxwHWAg3IAdcCDckB2AINygHaAg3LAdwCF8wB3QJgzQHgAg3OAeICF88B4wJh0AHlAg3RAeYCDdIB5wIX0wHqAmLUAesCZtUB7AIO1gHtAg7XAe4CDtgB7wIO2QHwAg7aAfICDtsB9AIX3AH1AmfdAfgCDt4B-gIX3wH7AmjgAf0CDuEB_gIO4gH_AhfjAYIDaeQBgwNt5QGEAxDmAYUDEOcBhgMQ6AGHAxDpAYgDEOoBigMQ6wGMAxfsAY0Dbu0BjwMQ7gGRAxfvAZIDb_ABkwMQ8QGUAxDyAZUDF_MBmANw9AGZA3T1AZoDE_YBmwMT9wGcAxP4AZ0DE_kBngMT-gGgAxP7AaIDF_wBowN1_QGlAxP-AacDF_8BqAN2gAKpAxOBAqoDE4ICqwMXgwKuA3eEAq8De4UCsAMUhgKxAxSHArIDFIgCswMUiQK0AxSKArYDFIsCuAMXjAK5A3yNArsDFI4CvQMXjwK-A32QAr8DFJECwAMUkgLBAxeTAsQDfpQCxQOEAZUCxwOFAZYCyAOFAZcCywOFAZgCzAOFAZkCzQOFAZoCzwOFAZsC0QMXnALSA4YBnQLUA4UBngLWAxefAtcDhwGgAtgDhQGhAtkDhQGiAtoDF6MC3QOIAaQC3gOMAaUC3wMVpgLgAxWnAuEDFagC4gMVqQLjAxWqAuUDFasC5wMXrALoA40BrQLqAxWuAuwDF68C7QOOAbAC7gMVsQLvAxWyAvADF7MC8wOPAbQC9AOVAbUC9gOWAbYC9wOWAbcC-gOWAbgC-wOWAbkC_AOWAboC_gOWAbsCgAQXvAKBBJcBvQKDBJYBvgKFBBe_AoYEmAHAAocElgHBAogElgHCAokEF8MCjASZAcQCjQSdAQ"
};
async function decodeBase64AsWasm(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_fast_bg.sqlite.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.sqlite.wasm-base64.mjs");
    return await decodeBase64AsWasm(wasm);
  },
  importName: "./query_compiler_fast_bg.js"
};
function getPrismaClientClass() {
  return runtime.getPrismaClient(config);
}

// src/adapters/store/generated/sqlite/internal/prismaNamespace.ts
var prismaNamespace_exports = {};
__export(prismaNamespace_exports, {
  AnyNull: () => AnyNull2,
  ClientAliasScalarFieldEnum: () => ClientAliasScalarFieldEnum,
  ClientScalarFieldEnum: () => ClientScalarFieldEnum,
  ContactEmailScalarFieldEnum: () => ContactEmailScalarFieldEnum,
  ContactScalarFieldEnum: () => ContactScalarFieldEnum,
  DbNull: () => DbNull2,
  Decimal: () => Decimal2,
  DeliveryScalarFieldEnum: () => DeliveryScalarFieldEnum,
  FamilyMemberScalarFieldEnum: () => FamilyMemberScalarFieldEnum,
  FollowUpScalarFieldEnum: () => FollowUpScalarFieldEnum,
  GiftScalarFieldEnum: () => GiftScalarFieldEnum,
  ImportantDateScalarFieldEnum: () => ImportantDateScalarFieldEnum,
  InstallationScalarFieldEnum: () => InstallationScalarFieldEnum,
  InteractionScalarFieldEnum: () => InteractionScalarFieldEnum,
  JsonNull: () => JsonNull2,
  LikeScalarFieldEnum: () => LikeScalarFieldEnum,
  MailboxScalarFieldEnum: () => MailboxScalarFieldEnum,
  MemberScalarFieldEnum: () => MemberScalarFieldEnum,
  ModelName: () => ModelName,
  NoteScalarFieldEnum: () => NoteScalarFieldEnum,
  NudgeAckScalarFieldEnum: () => NudgeAckScalarFieldEnum,
  NullTypes: () => NullTypes2,
  NullsOrder: () => NullsOrder,
  PrismaClientInitializationError: () => PrismaClientInitializationError2,
  PrismaClientKnownRequestError: () => PrismaClientKnownRequestError2,
  PrismaClientRustPanicError: () => PrismaClientRustPanicError2,
  PrismaClientUnknownRequestError: () => PrismaClientUnknownRequestError2,
  PrismaClientValidationError: () => PrismaClientValidationError2,
  ProcessedEventScalarFieldEnum: () => ProcessedEventScalarFieldEnum,
  SortOrder: () => SortOrder,
  Sql: () => Sql2,
  TransactionIsolationLevel: () => TransactionIsolationLevel,
  WorkspaceScalarFieldEnum: () => WorkspaceScalarFieldEnum,
  defineExtension: () => defineExtension,
  empty: () => empty2,
  getExtensionContext: () => getExtensionContext,
  join: () => join2,
  prismaVersion: () => prismaVersion,
  raw: () => raw2,
  sql: () => sql
});
import * as runtime2 from "@prisma/client/runtime/client";
var PrismaClientKnownRequestError2 = runtime2.PrismaClientKnownRequestError;
var PrismaClientUnknownRequestError2 = runtime2.PrismaClientUnknownRequestError;
var PrismaClientRustPanicError2 = runtime2.PrismaClientRustPanicError;
var PrismaClientInitializationError2 = runtime2.PrismaClientInitializationError;
var PrismaClientValidationError2 = runtime2.PrismaClientValidationError;
var sql = runtime2.sqltag;
var empty2 = runtime2.empty;
var join2 = runtime2.join;
var raw2 = runtime2.raw;
var Sql2 = runtime2.Sql;
var Decimal2 = runtime2.Decimal;
var getExtensionContext = runtime2.Extensions.getExtensionContext;
var prismaVersion = {
  client: "7.10.1",
  engine: "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8"
};
var NullTypes2 = {
  DbNull: runtime2.NullTypes.DbNull,
  JsonNull: runtime2.NullTypes.JsonNull,
  AnyNull: runtime2.NullTypes.AnyNull
};
var DbNull2 = runtime2.DbNull;
var JsonNull2 = runtime2.JsonNull;
var AnyNull2 = runtime2.AnyNull;
var ModelName = {
  Workspace: "Workspace",
  Member: "Member",
  Client: "Client",
  ClientAlias: "ClientAlias",
  Contact: "Contact",
  ContactEmail: "ContactEmail",
  FamilyMember: "FamilyMember",
  Like: "Like",
  Note: "Note",
  ImportantDate: "ImportantDate",
  Interaction: "Interaction",
  FollowUp: "FollowUp",
  Gift: "Gift",
  NudgeAck: "NudgeAck",
  Delivery: "Delivery",
  Installation: "Installation",
  Mailbox: "Mailbox",
  ProcessedEvent: "ProcessedEvent"
};
var TransactionIsolationLevel = runtime2.makeStrictEnum({
  Serializable: "Serializable"
});
var WorkspaceScalarFieldEnum = {
  id: "id",
  platform: "platform",
  externalId: "externalId",
  name: "name",
  timeZone: "timeZone",
  digestChannel: "digestChannel",
  businessDays: "businessDays",
  businessStart: "businessStart",
  businessEnd: "businessEnd",
  settings: "settings",
  deliveryBlockedReason: "deliveryBlockedReason",
  deliveryBlockedAt: "deliveryBlockedAt",
  uninstalledAt: "uninstalledAt",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var MemberScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  platformUserId: "platformUserId",
  displayName: "displayName",
  createdAt: "createdAt"
};
var ClientScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  name: "name",
  normalizedName: "normalizedName",
  ownerId: "ownerId",
  tier: "tier",
  status: "status",
  platformUserId: "platformUserId",
  lastInteractionAt: "lastInteractionAt",
  lastGestureAt: "lastGestureAt",
  lastAdviceAt: "lastAdviceAt",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var ClientAliasScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  alias: "alias",
  normalized: "normalized"
};
var ContactScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  name: "name",
  role: "role",
  phone: "phone",
  createdAt: "createdAt"
};
var ContactEmailScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  contactId: "contactId",
  address: "address"
};
var FamilyMemberScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  relation: "relation",
  name: "name",
  createdAt: "createdAt"
};
var LikeScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  category: "category",
  value: "value",
  createdAt: "createdAt"
};
var NoteScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  authorId: "authorId",
  text: "text",
  createdAt: "createdAt"
};
var ImportantDateScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  familyMemberId: "familyMemberId",
  kind: "kind",
  label: "label",
  month: "month",
  day: "day",
  year: "year",
  monthDay: "monthDay"
};
var InteractionScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  kind: "kind",
  direction: "direction",
  mood: "mood",
  summary: "summary",
  contactName: "contactName",
  loggedById: "loggedById",
  occurredAt: "occurredAt",
  createdAt: "createdAt",
  source: "source",
  externalRef: "externalRef"
};
var FollowUpScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  interactionId: "interactionId",
  kind: "kind",
  state: "state",
  summary: "summary",
  openedAt: "openedAt",
  snoozedUntil: "snoozedUntil",
  closedAt: "closedAt",
  closedById: "closedById",
  source: "source",
  externalRef: "externalRef",
  channel: "channel",
  threadIds: "threadIds"
};
var GiftScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  clientId: "clientId",
  description: "description",
  occasion: "occasion",
  givenAt: "givenAt",
  loggedById: "loggedById"
};
var NudgeAckScalarFieldEnum = {
  workspaceId: "workspaceId",
  nudgeId: "nudgeId",
  action: "action",
  until: "until",
  actorId: "actorId",
  at: "at"
};
var DeliveryScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  channel: "channel",
  kind: "kind",
  localDate: "localDate",
  state: "state",
  attempts: "attempts",
  claimedBy: "claimedBy",
  claimedAt: "claimedAt",
  postedAt: "postedAt",
  messageRef: "messageRef",
  late: "late",
  note: "note",
  createdAt: "createdAt"
};
var InstallationScalarFieldEnum = {
  platform: "platform",
  key: "key",
  teamId: "teamId",
  enterpriseId: "enterpriseId",
  data: "data",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var MailboxScalarFieldEnum = {
  id: "id",
  workspaceId: "workspaceId",
  address: "address",
  host: "host",
  lastUid: "lastUid",
  uidValidity: "uidValidity",
  checkedAt: "checkedAt"
};
var ProcessedEventScalarFieldEnum = {
  id: "id",
  processedAt: "processedAt"
};
var SortOrder = {
  asc: "asc",
  desc: "desc"
};
var NullsOrder = {
  first: "first",
  last: "last"
};
var defineExtension = runtime2.Extensions.defineExtension;

// src/adapters/store/generated/sqlite/client.ts
globalThis["__dirname"] = path.dirname(fileURLToPath(import.meta.url));
var PrismaClient = getPrismaClientClass();

// src/adapters/store/generated/postgresql/client.ts
import * as path2 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import "@prisma/client/runtime/client";

// src/adapters/store/generated/postgresql/internal/class.ts
import * as runtime4 from "@prisma/client/runtime/client";
var config2 = {
  "previewFeatures": [],
  "clientVersion": "7.10.1",
  "engineVersion": "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8",
  "activeProvider": "postgresql",
  "inlineSchema": `// Generated from prisma/models.prisma by scripts/prisma-generate.mjs. Do not edit.
generator client {
  provider            = "prisma-client"
  output              = "../../src/adapters/store/generated/postgresql"
  moduleFormat        = "esm"
  importFileExtension = "js"
  runtime             = "nodejs"
}

datasource db {
  provider = "postgresql"
}

// Rapport's data model: the one source for both databases.
// scripts/prisma-generate.mjs prepends a datasource and generator block per provider
// (SQLite for the embedded default, PostgreSQL for shared deployments).
// Portable on purpose: no enums, no scalar lists, no provider-only attributes.
// Closed sets (kinds, moods, states) are strings validated by zod at the store boundary.
// Every row but Workspace carries workspaceId, so every query can be scoped to one tenant.

model Workspace {
  id                    String    @id @default(cuid())
  platform              String // slack | discord | console
  externalId            String // Slack team id, Discord guild id, "local" for the console
  name                  String
  timeZone              String    @default("UTC") // IANA zone
  digestChannel         String?
  businessDays          String    @default("1,2,3,4,5") // ISO weekdays, Monday = 1
  businessStart         String    @default("09:00")
  businessEnd           String    @default("17:30")
  settings              String    @default("{}") // JSON rule settings, validated by the core's policy schema
  // Set when delivery cannot go on (channel gone, token revoked) so an owner is told once.
  deliveryBlockedReason String?
  deliveryBlockedAt     DateTime?
  // Set when the platform app was uninstalled; data is erased after a grace period.
  uninstalledAt         DateTime?
  createdAt             DateTime  @default(now())
  updatedAt             DateTime  @updatedAt

  members       Member[]
  clients       Client[]
  aliases       ClientAlias[]
  contacts      Contact[]
  contactEmails ContactEmail[]
  family        FamilyMember[]
  likes         Like[]
  notes         Note[]
  dates         ImportantDate[]
  interactions  Interaction[]
  followUps     FollowUp[]
  gifts         Gift[]
  nudgeAcks     NudgeAck[]
  deliveries    Delivery[]
  mailboxes     Mailbox[]

  @@unique([platform, externalId])
}

model Member {
  id             String   @id @default(cuid())
  workspaceId    String
  platformUserId String
  displayName    String
  createdAt      DateTime @default(now())

  workspace    Workspace     @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  ownedClients Client[]      @relation("ClientOwner")
  interactions Interaction[] @relation("LoggedBy")
  notes        Note[]        @relation("NoteAuthor")

  @@unique([workspaceId, platformUserId])
}

model Client {
  id                String    @id @default(cuid())
  workspaceId       String
  name              String
  normalizedName    String // lower-cased, accents and extra spaces folded: the lookup key
  ownerId           String?
  tier              String    @default("standard") // top | standard | light
  status            String    @default("active") // active | paused | former
  platformUserId    String? // a community member linked to this client (Discord)
  // Kept current on every write so that rules select candidates by index, not by scanning history.
  lastInteractionAt DateTime?
  lastGestureAt     DateTime? // last gift or gesture
  lastAdviceAt      DateTime? // last time asked for feedback or advice
  createdAt         DateTime  @default(now())
  updatedAt         DateTime  @updatedAt

  workspace    Workspace       @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  owner        Member?         @relation("ClientOwner", fields: [ownerId], references: [id], onDelete: SetNull)
  aliases      ClientAlias[]
  contacts     Contact[]
  family       FamilyMember[]
  likes        Like[]
  notes        Note[]
  dates        ImportantDate[]
  interactions Interaction[]
  followUps    FollowUp[]
  gifts        Gift[]

  @@unique([workspaceId, normalizedName])
  // One index per candidate family of the care snapshot, walked in the order of its clock, then of
  // createdAt for clients that never had one: keeping in touch (by tier), surprises, advice.
  @@index([workspaceId, status, tier, lastInteractionAt, createdAt])
  @@index([workspaceId, status, lastGestureAt, createdAt])
  @@index([workspaceId, status, tier, lastAdviceAt, createdAt])
  @@index([workspaceId, platformUserId])
}

model ClientAlias {
  id          String @id @default(cuid())
  workspaceId String
  clientId    String
  alias       String
  normalized  String

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, normalized])
  @@index([clientId])
}

model Contact {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  name        String
  role        String?
  phone       String?
  createdAt   DateTime @default(now())

  workspace Workspace      @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client         @relation(fields: [clientId], references: [id], onDelete: Cascade)
  emails    ContactEmail[]

  @@index([clientId])
}

// One row an address, so the mail watcher finds the client behind a sender by index.
model ContactEmail {
  id          String @id @default(cuid())
  workspaceId String
  contactId   String
  address     String // lower-cased

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  contact   Contact   @relation(fields: [contactId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, address])
  @@index([contactId])
}

model FamilyMember {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  relation    String // spouse, daughter, son, partner, ...
  name        String
  createdAt   DateTime @default(now())

  workspace Workspace       @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client          @relation(fields: [clientId], references: [id], onDelete: Cascade)
  dates     ImportantDate[]

  @@index([clientId])
}

model Like {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  category    String // coffee | wine | team | food | hobby | holiday | other
  value       String
  createdAt   DateTime @default(now())

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)

  @@index([clientId])
}

model Note {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  authorId    String?
  text        String
  createdAt   DateTime

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)
  author    Member?   @relation("NoteAuthor", fields: [authorId], references: [id], onDelete: SetNull)

  @@index([clientId, createdAt])
}

// A recurring date. monthDay = month * 100 + day, indexed, so "the next N days" is a range query.
model ImportantDate {
  id             String  @id @default(cuid())
  workspaceId    String
  clientId       String
  familyMemberId String?
  kind           String // birthday | wedding-anniversary | child-birthday | client-since | custom
  label          String?
  month          Int
  day            Int
  year           Int? // unknown years are allowed
  monthDay       Int

  workspace    Workspace     @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client       Client        @relation(fields: [clientId], references: [id], onDelete: Cascade)
  familyMember FamilyMember? @relation(fields: [familyMemberId], references: [id], onDelete: Cascade)

  @@index([workspaceId, monthDay])
  @@index([clientId])
  // Client-since dates by year: the care snapshot's surprise candidates never given anything.
  @@index([workspaceId, kind, year])
}

model Interaction {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  kind        String // call | email-in | email-out | meeting | message | complaint | status-update | resolution | gift | referral | mistake | apology | feedback | advice-asked | note
  direction   String // in | out | none
  mood        String? // positive | neutral | negative | angry | abusive
  summary     String
  contactName String?
  loggedById  String?
  occurredAt  DateTime
  createdAt   DateTime
  source      String   @default("command") // command | mail | slack-modal | discord | demo
  externalRef String? // e.g. the Message-ID of an email, so the mail watcher never logs one twice

  workspace Workspace  @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client     @relation(fields: [clientId], references: [id], onDelete: Cascade)
  loggedBy  Member?    @relation("LoggedBy", fields: [loggedById], references: [id], onDelete: SetNull)
  followUps FollowUp[]

  @@unique([workspaceId, externalRef])
  @@index([workspaceId, kind, occurredAt])
  // Recent interactions of a workspace (moods since a date for relationship health).
  @@index([workspaceId, occurredAt])
  @@index([clientId, occurredAt])
  // Hostile moods in the review window, and outreach counted by direction (one-sided relationships).
  @@index([workspaceId, mood, occurredAt])
  @@index([workspaceId, direction, occurredAt, clientId])
}

// An open item: an unanswered email or call, an open complaint, a mistake awaiting an apology.
model FollowUp {
  id            String    @id @default(cuid())
  workspaceId   String
  clientId      String
  interactionId String?
  kind          String // reply | complaint | apology | referral-thanks | check-in | custom
  state         String // open | snoozed | done
  summary       String
  openedAt      DateTime
  snoozedUntil  DateTime?
  closedAt      DateTime?
  closedById    String?
  source        String    @default("command") // command | mail
  externalRef   String?
  // Where an awaiting-reply item came in (email | call | chat | forum-post), and the thread ids of
  // its message (JSON array), so that only a later reply in the same thread closes it.
  channel       String?
  threadIds     String    @default("[]")

  workspace   Workspace    @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client      Client       @relation(fields: [clientId], references: [id], onDelete: Cascade)
  interaction Interaction? @relation(fields: [interactionId], references: [id], onDelete: SetNull)

  @@index([workspaceId, state])
  @@index([clientId, state])
}

model Gift {
  id          String   @id @default(cuid())
  workspaceId String
  clientId    String
  description String
  occasion    String?
  givenAt     DateTime
  loggedById  String?

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)
  client    Client    @relation(fields: [clientId], references: [id], onDelete: Cascade)

  @@index([clientId, givenAt])
}

// Done / snooze of one nudge occurrence. Nudge ids are stable per trigger, so a new trigger is a new id.
model NudgeAck {
  workspaceId String
  nudgeId     String
  action      String // done | snoozed
  until       DateTime?
  actorId     String?
  at          DateTime

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)

  @@id([workspaceId, nudgeId])
}

// The delivery ledger: one row per (workspace, channel, kind, local date), written before posting
// and marked posted after, so a digest is posted exactly once across restarts and replicas.
model Delivery {
  id          String    @id @default(cuid())
  workspaceId String
  channel     String
  kind        String // morning | sweep
  localDate   String // yyyy-MM-dd in the workspace's zone
  state       String // claimed | posted | skipped | failed
  attempts    Int       @default(0)
  claimedBy   String?
  claimedAt   DateTime?
  postedAt    DateTime?
  messageRef  String?
  late        Boolean   @default(false)
  note        String?
  createdAt   DateTime  @default(now())

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, channel, kind, localDate])
  @@index([state, claimedAt])
}

// A chat platform's installation of the app (its tokens), kept in Rapport's database. Keyed per
// platform by the team it was installed in, or by the enterprise for an org-wide install.
model Installation {
  platform     String // slack | discord | ...
  key          String // "team:<id>" or "enterprise:<id>"
  teamId       String?
  enterpriseId String?
  data         String // the platform's installation record as JSON (tokens included)
  createdAt    DateTime @default(now())
  updatedAt    DateTime @updatedAt

  @@id([platform, key])
  @@index([platform, teamId])
}

// A mailbox the IMAP watcher reads for client emails still unanswered.
model Mailbox {
  id          String    @id @default(cuid())
  workspaceId String
  address     String
  host        String
  lastUid     Int?
  uidValidity String?
  checkedAt   DateTime?

  workspace Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)

  @@unique([workspaceId, address])
}

// Events already processed (Slack Events API retries carry the same event_id).
model ProcessedEvent {
  id          String   @id // platform + ":" + event id
  processedAt DateTime

  @@index([processedAt])
}
`,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "parameterizationSchema": {
    "strings": [],
    "graph": ""
  }
};
config2.runtimeDataModel = JSON.parse('{"models":{"Workspace":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"platform","kind":"scalar","type":"String"},{"name":"externalId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"timeZone","kind":"scalar","type":"String"},{"name":"digestChannel","kind":"scalar","type":"String"},{"name":"businessDays","kind":"scalar","type":"String"},{"name":"businessStart","kind":"scalar","type":"String"},{"name":"businessEnd","kind":"scalar","type":"String"},{"name":"settings","kind":"scalar","type":"String"},{"name":"deliveryBlockedReason","kind":"scalar","type":"String"},{"name":"deliveryBlockedAt","kind":"scalar","type":"DateTime"},{"name":"uninstalledAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"members","kind":"object","type":"Member","relationName":"MemberToWorkspace"},{"name":"clients","kind":"object","type":"Client","relationName":"ClientToWorkspace"},{"name":"aliases","kind":"object","type":"ClientAlias","relationName":"ClientAliasToWorkspace"},{"name":"contacts","kind":"object","type":"Contact","relationName":"ContactToWorkspace"},{"name":"contactEmails","kind":"object","type":"ContactEmail","relationName":"ContactEmailToWorkspace"},{"name":"family","kind":"object","type":"FamilyMember","relationName":"FamilyMemberToWorkspace"},{"name":"likes","kind":"object","type":"Like","relationName":"LikeToWorkspace"},{"name":"notes","kind":"object","type":"Note","relationName":"NoteToWorkspace"},{"name":"dates","kind":"object","type":"ImportantDate","relationName":"ImportantDateToWorkspace"},{"name":"interactions","kind":"object","type":"Interaction","relationName":"InteractionToWorkspace"},{"name":"followUps","kind":"object","type":"FollowUp","relationName":"FollowUpToWorkspace"},{"name":"gifts","kind":"object","type":"Gift","relationName":"GiftToWorkspace"},{"name":"nudgeAcks","kind":"object","type":"NudgeAck","relationName":"NudgeAckToWorkspace"},{"name":"deliveries","kind":"object","type":"Delivery","relationName":"DeliveryToWorkspace"},{"name":"mailboxes","kind":"object","type":"Mailbox","relationName":"MailboxToWorkspace"}],"dbName":null,"schema":null},"Member":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"platformUserId","kind":"scalar","type":"String"},{"name":"displayName","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"MemberToWorkspace"},{"name":"ownedClients","kind":"object","type":"Client","relationName":"ClientOwner"},{"name":"interactions","kind":"object","type":"Interaction","relationName":"LoggedBy"},{"name":"notes","kind":"object","type":"Note","relationName":"NoteAuthor"}],"dbName":null,"schema":null},"Client":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"normalizedName","kind":"scalar","type":"String"},{"name":"ownerId","kind":"scalar","type":"String"},{"name":"tier","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"platformUserId","kind":"scalar","type":"String"},{"name":"lastInteractionAt","kind":"scalar","type":"DateTime"},{"name":"lastGestureAt","kind":"scalar","type":"DateTime"},{"name":"lastAdviceAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ClientToWorkspace"},{"name":"owner","kind":"object","type":"Member","relationName":"ClientOwner"},{"name":"aliases","kind":"object","type":"ClientAlias","relationName":"ClientToClientAlias"},{"name":"contacts","kind":"object","type":"Contact","relationName":"ClientToContact"},{"name":"family","kind":"object","type":"FamilyMember","relationName":"ClientToFamilyMember"},{"name":"likes","kind":"object","type":"Like","relationName":"ClientToLike"},{"name":"notes","kind":"object","type":"Note","relationName":"ClientToNote"},{"name":"dates","kind":"object","type":"ImportantDate","relationName":"ClientToImportantDate"},{"name":"interactions","kind":"object","type":"Interaction","relationName":"ClientToInteraction"},{"name":"followUps","kind":"object","type":"FollowUp","relationName":"ClientToFollowUp"},{"name":"gifts","kind":"object","type":"Gift","relationName":"ClientToGift"}],"dbName":null,"schema":null},"ClientAlias":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"alias","kind":"scalar","type":"String"},{"name":"normalized","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ClientAliasToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToClientAlias"}],"dbName":null,"schema":null},"Contact":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"role","kind":"scalar","type":"String"},{"name":"phone","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ContactToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToContact"},{"name":"emails","kind":"object","type":"ContactEmail","relationName":"ContactToContactEmail"}],"dbName":null,"schema":null},"ContactEmail":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"contactId","kind":"scalar","type":"String"},{"name":"address","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ContactEmailToWorkspace"},{"name":"contact","kind":"object","type":"Contact","relationName":"ContactToContactEmail"}],"dbName":null,"schema":null},"FamilyMember":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"relation","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"FamilyMemberToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToFamilyMember"},{"name":"dates","kind":"object","type":"ImportantDate","relationName":"FamilyMemberToImportantDate"}],"dbName":null,"schema":null},"Like":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"category","kind":"scalar","type":"String"},{"name":"value","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"LikeToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToLike"}],"dbName":null,"schema":null},"Note":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"authorId","kind":"scalar","type":"String"},{"name":"text","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"NoteToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToNote"},{"name":"author","kind":"object","type":"Member","relationName":"NoteAuthor"}],"dbName":null,"schema":null},"ImportantDate":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"familyMemberId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"label","kind":"scalar","type":"String"},{"name":"month","kind":"scalar","type":"Int"},{"name":"day","kind":"scalar","type":"Int"},{"name":"year","kind":"scalar","type":"Int"},{"name":"monthDay","kind":"scalar","type":"Int"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"ImportantDateToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToImportantDate"},{"name":"familyMember","kind":"object","type":"FamilyMember","relationName":"FamilyMemberToImportantDate"}],"dbName":null,"schema":null},"Interaction":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"direction","kind":"scalar","type":"String"},{"name":"mood","kind":"scalar","type":"String"},{"name":"summary","kind":"scalar","type":"String"},{"name":"contactName","kind":"scalar","type":"String"},{"name":"loggedById","kind":"scalar","type":"String"},{"name":"occurredAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"source","kind":"scalar","type":"String"},{"name":"externalRef","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"InteractionToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToInteraction"},{"name":"loggedBy","kind":"object","type":"Member","relationName":"LoggedBy"},{"name":"followUps","kind":"object","type":"FollowUp","relationName":"FollowUpToInteraction"}],"dbName":null,"schema":null},"FollowUp":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"interactionId","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"state","kind":"scalar","type":"String"},{"name":"summary","kind":"scalar","type":"String"},{"name":"openedAt","kind":"scalar","type":"DateTime"},{"name":"snoozedUntil","kind":"scalar","type":"DateTime"},{"name":"closedAt","kind":"scalar","type":"DateTime"},{"name":"closedById","kind":"scalar","type":"String"},{"name":"source","kind":"scalar","type":"String"},{"name":"externalRef","kind":"scalar","type":"String"},{"name":"channel","kind":"scalar","type":"String"},{"name":"threadIds","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"FollowUpToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToFollowUp"},{"name":"interaction","kind":"object","type":"Interaction","relationName":"FollowUpToInteraction"}],"dbName":null,"schema":null},"Gift":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"clientId","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"occasion","kind":"scalar","type":"String"},{"name":"givenAt","kind":"scalar","type":"DateTime"},{"name":"loggedById","kind":"scalar","type":"String"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"GiftToWorkspace"},{"name":"client","kind":"object","type":"Client","relationName":"ClientToGift"}],"dbName":null,"schema":null},"NudgeAck":{"fields":[{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"nudgeId","kind":"scalar","type":"String"},{"name":"action","kind":"scalar","type":"String"},{"name":"until","kind":"scalar","type":"DateTime"},{"name":"actorId","kind":"scalar","type":"String"},{"name":"at","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"NudgeAckToWorkspace"}],"dbName":null,"schema":null},"Delivery":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"channel","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"localDate","kind":"scalar","type":"String"},{"name":"state","kind":"scalar","type":"String"},{"name":"attempts","kind":"scalar","type":"Int"},{"name":"claimedBy","kind":"scalar","type":"String"},{"name":"claimedAt","kind":"scalar","type":"DateTime"},{"name":"postedAt","kind":"scalar","type":"DateTime"},{"name":"messageRef","kind":"scalar","type":"String"},{"name":"late","kind":"scalar","type":"Boolean"},{"name":"note","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"DeliveryToWorkspace"}],"dbName":null,"schema":null},"Installation":{"fields":[{"name":"platform","kind":"scalar","type":"String"},{"name":"key","kind":"scalar","type":"String"},{"name":"teamId","kind":"scalar","type":"String"},{"name":"enterpriseId","kind":"scalar","type":"String"},{"name":"data","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"}],"dbName":null,"schema":null},"Mailbox":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"workspaceId","kind":"scalar","type":"String"},{"name":"address","kind":"scalar","type":"String"},{"name":"host","kind":"scalar","type":"String"},{"name":"lastUid","kind":"scalar","type":"Int"},{"name":"uidValidity","kind":"scalar","type":"String"},{"name":"checkedAt","kind":"scalar","type":"DateTime"},{"name":"workspace","kind":"object","type":"Workspace","relationName":"MailboxToWorkspace"}],"dbName":null,"schema":null},"ProcessedEvent":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"processedAt","kind":"scalar","type":"DateTime"}],"dbName":null,"schema":null}},"enums":{},"types":{}}');
config2.parameterizationSchema = {
  strings: JSON.parse('["where","orderBy","cursor","workspace","owner","client","aliases","contact","emails","_count","contacts","familyMember","dates","family","likes","author","notes","loggedBy","interaction","followUps","interactions","gifts","ownedClients","members","clients","contactEmails","nudgeAcks","deliveries","mailboxes","Workspace.findUnique","Workspace.findUniqueOrThrow","Workspace.findFirst","Workspace.findFirstOrThrow","Workspace.findMany","data","Workspace.createOne","Workspace.createMany","Workspace.createManyAndReturn","Workspace.updateOne","Workspace.updateMany","Workspace.updateManyAndReturn","create","update","Workspace.upsertOne","Workspace.deleteOne","Workspace.deleteMany","having","_min","_max","Workspace.groupBy","Workspace.aggregate","Member.findUnique","Member.findUniqueOrThrow","Member.findFirst","Member.findFirstOrThrow","Member.findMany","Member.createOne","Member.createMany","Member.createManyAndReturn","Member.updateOne","Member.updateMany","Member.updateManyAndReturn","Member.upsertOne","Member.deleteOne","Member.deleteMany","Member.groupBy","Member.aggregate","Client.findUnique","Client.findUniqueOrThrow","Client.findFirst","Client.findFirstOrThrow","Client.findMany","Client.createOne","Client.createMany","Client.createManyAndReturn","Client.updateOne","Client.updateMany","Client.updateManyAndReturn","Client.upsertOne","Client.deleteOne","Client.deleteMany","Client.groupBy","Client.aggregate","ClientAlias.findUnique","ClientAlias.findUniqueOrThrow","ClientAlias.findFirst","ClientAlias.findFirstOrThrow","ClientAlias.findMany","ClientAlias.createOne","ClientAlias.createMany","ClientAlias.createManyAndReturn","ClientAlias.updateOne","ClientAlias.updateMany","ClientAlias.updateManyAndReturn","ClientAlias.upsertOne","ClientAlias.deleteOne","ClientAlias.deleteMany","ClientAlias.groupBy","ClientAlias.aggregate","Contact.findUnique","Contact.findUniqueOrThrow","Contact.findFirst","Contact.findFirstOrThrow","Contact.findMany","Contact.createOne","Contact.createMany","Contact.createManyAndReturn","Contact.updateOne","Contact.updateMany","Contact.updateManyAndReturn","Contact.upsertOne","Contact.deleteOne","Contact.deleteMany","Contact.groupBy","Contact.aggregate","ContactEmail.findUnique","ContactEmail.findUniqueOrThrow","ContactEmail.findFirst","ContactEmail.findFirstOrThrow","ContactEmail.findMany","ContactEmail.createOne","ContactEmail.createMany","ContactEmail.createManyAndReturn","ContactEmail.updateOne","ContactEmail.updateMany","ContactEmail.updateManyAndReturn","ContactEmail.upsertOne","ContactEmail.deleteOne","ContactEmail.deleteMany","ContactEmail.groupBy","ContactEmail.aggregate","FamilyMember.findUnique","FamilyMember.findUniqueOrThrow","FamilyMember.findFirst","FamilyMember.findFirstOrThrow","FamilyMember.findMany","FamilyMember.createOne","FamilyMember.createMany","FamilyMember.createManyAndReturn","FamilyMember.updateOne","FamilyMember.updateMany","FamilyMember.updateManyAndReturn","FamilyMember.upsertOne","FamilyMember.deleteOne","FamilyMember.deleteMany","FamilyMember.groupBy","FamilyMember.aggregate","Like.findUnique","Like.findUniqueOrThrow","Like.findFirst","Like.findFirstOrThrow","Like.findMany","Like.createOne","Like.createMany","Like.createManyAndReturn","Like.updateOne","Like.updateMany","Like.updateManyAndReturn","Like.upsertOne","Like.deleteOne","Like.deleteMany","Like.groupBy","Like.aggregate","Note.findUnique","Note.findUniqueOrThrow","Note.findFirst","Note.findFirstOrThrow","Note.findMany","Note.createOne","Note.createMany","Note.createManyAndReturn","Note.updateOne","Note.updateMany","Note.updateManyAndReturn","Note.upsertOne","Note.deleteOne","Note.deleteMany","Note.groupBy","Note.aggregate","ImportantDate.findUnique","ImportantDate.findUniqueOrThrow","ImportantDate.findFirst","ImportantDate.findFirstOrThrow","ImportantDate.findMany","ImportantDate.createOne","ImportantDate.createMany","ImportantDate.createManyAndReturn","ImportantDate.updateOne","ImportantDate.updateMany","ImportantDate.updateManyAndReturn","ImportantDate.upsertOne","ImportantDate.deleteOne","ImportantDate.deleteMany","_avg","_sum","ImportantDate.groupBy","ImportantDate.aggregate","Interaction.findUnique","Interaction.findUniqueOrThrow","Interaction.findFirst","Interaction.findFirstOrThrow","Interaction.findMany","Interaction.createOne","Interaction.createMany","Interaction.createManyAndReturn","Interaction.updateOne","Interaction.updateMany","Interaction.updateManyAndReturn","Interaction.upsertOne","Interaction.deleteOne","Interaction.deleteMany","Interaction.groupBy","Interaction.aggregate","FollowUp.findUnique","FollowUp.findUniqueOrThrow","FollowUp.findFirst","FollowUp.findFirstOrThrow","FollowUp.findMany","FollowUp.createOne","FollowUp.createMany","FollowUp.createManyAndReturn","FollowUp.updateOne","FollowUp.updateMany","FollowUp.updateManyAndReturn","FollowUp.upsertOne","FollowUp.deleteOne","FollowUp.deleteMany","FollowUp.groupBy","FollowUp.aggregate","Gift.findUnique","Gift.findUniqueOrThrow","Gift.findFirst","Gift.findFirstOrThrow","Gift.findMany","Gift.createOne","Gift.createMany","Gift.createManyAndReturn","Gift.updateOne","Gift.updateMany","Gift.updateManyAndReturn","Gift.upsertOne","Gift.deleteOne","Gift.deleteMany","Gift.groupBy","Gift.aggregate","NudgeAck.findUnique","NudgeAck.findUniqueOrThrow","NudgeAck.findFirst","NudgeAck.findFirstOrThrow","NudgeAck.findMany","NudgeAck.createOne","NudgeAck.createMany","NudgeAck.createManyAndReturn","NudgeAck.updateOne","NudgeAck.updateMany","NudgeAck.updateManyAndReturn","NudgeAck.upsertOne","NudgeAck.deleteOne","NudgeAck.deleteMany","NudgeAck.groupBy","NudgeAck.aggregate","Delivery.findUnique","Delivery.findUniqueOrThrow","Delivery.findFirst","Delivery.findFirstOrThrow","Delivery.findMany","Delivery.createOne","Delivery.createMany","Delivery.createManyAndReturn","Delivery.updateOne","Delivery.updateMany","Delivery.updateManyAndReturn","Delivery.upsertOne","Delivery.deleteOne","Delivery.deleteMany","Delivery.groupBy","Delivery.aggregate","Installation.findUnique","Installation.findUniqueOrThrow","Installation.findFirst","Installation.findFirstOrThrow","Installation.findMany","Installation.createOne","Installation.createMany","Installation.createManyAndReturn","Installation.updateOne","Installation.updateMany","Installation.updateManyAndReturn","Installation.upsertOne","Installation.deleteOne","Installation.deleteMany","Installation.groupBy","Installation.aggregate","Mailbox.findUnique","Mailbox.findUniqueOrThrow","Mailbox.findFirst","Mailbox.findFirstOrThrow","Mailbox.findMany","Mailbox.createOne","Mailbox.createMany","Mailbox.createManyAndReturn","Mailbox.updateOne","Mailbox.updateMany","Mailbox.updateManyAndReturn","Mailbox.upsertOne","Mailbox.deleteOne","Mailbox.deleteMany","Mailbox.groupBy","Mailbox.aggregate","ProcessedEvent.findUnique","ProcessedEvent.findUniqueOrThrow","ProcessedEvent.findFirst","ProcessedEvent.findFirstOrThrow","ProcessedEvent.findMany","ProcessedEvent.createOne","ProcessedEvent.createMany","ProcessedEvent.createManyAndReturn","ProcessedEvent.updateOne","ProcessedEvent.updateMany","ProcessedEvent.updateManyAndReturn","ProcessedEvent.upsertOne","ProcessedEvent.deleteOne","ProcessedEvent.deleteMany","ProcessedEvent.groupBy","ProcessedEvent.aggregate","AND","OR","NOT","id","processedAt","equals","in","notIn","lt","lte","gt","gte","not","contains","startsWith","endsWith","workspaceId","address","host","lastUid","uidValidity","checkedAt","platform","key","teamId","enterpriseId","createdAt","updatedAt","platform_key","channel","kind","localDate","state","attempts","claimedBy","claimedAt","postedAt","messageRef","late","note","nudgeId","action","until","actorId","at","clientId","description","occasion","givenAt","loggedById","interactionId","summary","openedAt","snoozedUntil","closedAt","closedById","source","externalRef","threadIds","direction","mood","contactName","occurredAt","familyMemberId","label","month","day","year","monthDay","authorId","text","category","value","relation","name","contactId","role","phone","alias","normalized","normalizedName","ownerId","tier","status","platformUserId","lastInteractionAt","lastGestureAt","lastAdviceAt","displayName","externalId","timeZone","digestChannel","businessDays","businessStart","businessEnd","settings","deliveryBlockedReason","deliveryBlockedAt","uninstalledAt","every","some","none","workspaceId_address","workspaceId_channel_kind_localDate","workspaceId_nudgeId","workspaceId_externalRef","workspaceId_normalized","workspaceId_normalizedName","workspaceId_platformUserId","platform_externalId","is","isNot","connectOrCreate","upsert","createMany","set","disconnect","delete","connect","updateMany","deleteMany","increment","decrement","multiply","divide"]'),
  graph: "rgqdAaACIgYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIBcAAL8EACAYAADABAAgGQAAwwQAIBoAAMsEACAbAADMBAAgHAAAzQQAIMUCAAC9BAAwxgIAAHIAEMcCAAC9BAAwyAIBAAAAAdsCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhngMBAJcEACGfAwEAlwQAIaADAQCmBAAhoQMBAJcEACGiAwEAlwQAIaMDAQCXBAAhpAMBAJcEACGlAwEApgQAIaYDQAC-BAAhpwNAAL4EACGyAwAA7gQAIAEAAAABACAMAwAA0QQAIBAAAMYEACAUAADIBAAgFgAAwAQAIMUCAADtBAAwxgIAAAMAEMcCAADtBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAhmQMBAJcEACGdAwEAlwQAIQQDAAD1CAAgEAAA7QgAIBQAAO8IACAWAADnCAAgDQMAANEEACAQAADGBAAgFAAAyAQAIBYAAMAEACDFAgAA7QQAMMYCAAADABDHAgAA7QQAMMgCAQAAAAHVAgEAlwQAId8CQACYBAAhmQMBAJcEACGdAwEAlwQAIbEDAADsBAAgAwAAAAMAIAEAAAQAMAIAAAUAIBsDAADRBAAgBAAA3gQAIAYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIMUCAADrBAAwxgIAAAcAEMcCAADrBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4AJAAJgEACGPAwEAlwQAIZUDAQCXBAAhlgMBAKYEACGXAwEAlwQAIZgDAQCXBAAhmQMBAKYEACGaA0AAvgQAIZsDQAC-BAAhnANAAL4EACEQAwAA9QgAIAQAAPgIACAGAADoCAAgCgAA6QgAIAwAAO4IACANAADrCAAgDgAA7AgAIBAAAO0IACATAADwCAAgFAAA7wgAIBUAAPEIACCWAwAA9AQAIJkDAAD0BAAgmgMAAPQEACCbAwAA9AQAIJwDAAD0BAAgHAMAANEEACAEAADeBAAgBgAAwQQAIAoAAMIEACAMAADHBAAgDQAAxAQAIA4AAMUEACAQAADGBAAgEwAAyQQAIBQAAMgEACAVAADKBAAgxQIAAOsEADDGAgAABwAQxwIAAOsEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGVAwEAlwQAIZYDAQCmBAAhlwMBAJcEACGYAwEAlwQAIZkDAQCmBAAhmgNAAL4EACGbA0AAvgQAIZwDQAC-BAAhsAMAAOoEACADAAAABwAgAQAACAAwAgAACQAgAQAAAAMAIAoDAADRBAAgBQAA2QQAIMUCAADpBAAwxgIAAAwAEMcCAADpBAAwyAIBAJcEACHVAgEAlwQAIfICAQCXBAAhkwMBAJcEACGUAwEAlwQAIQIDAAD1CAAgBQAA9ggAIAsDAADRBAAgBQAA2QQAIMUCAADpBAAwxgIAAAwAEMcCAADpBAAwyAIBAAAAAdUCAQCXBAAh8gIBAJcEACGTAwEAlwQAIZQDAQCXBAAhrwMAAOgEACADAAAADAAgAQAADQAwAgAADgAgDQMAANEEACAFAADZBAAgCAAAwwQAIMUCAADnBAAwxgIAABAAEMcCAADnBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGPAwEAlwQAIZEDAQCmBAAhkgMBAKYEACEFAwAA9QgAIAUAAPYIACAIAADqCAAgkQMAAPQEACCSAwAA9AQAIA0DAADRBAAgBQAA2QQAIAgAAMMEACDFAgAA5wQAMMYCAAAQABDHAgAA5wQAMMgCAQAAAAHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGPAwEAlwQAIZEDAQCmBAAhkgMBAKYEACEDAAAAEAAgAQAAEQAwAgAAEgAgCQMAANEEACAHAADmBAAgxQIAAOUEADDGAgAAFAAQxwIAAOUEADDIAgEAlwQAIdUCAQCXBAAh1gIBAJcEACGQAwEAlwQAIQIDAAD1CAAgBwAA-ggAIAoDAADRBAAgBwAA5gQAIMUCAADlBAAwxgIAABQAEMcCAADlBAAwyAIBAAAAAdUCAQCXBAAh1gIBAJcEACGQAwEAlwQAIasDAADkBAAgAwAAABQAIAEAABUAMAIAABYAIAEAAAAUACAMAwAA0QQAIAUAANkEACAMAADHBAAgxQIAAOMEADDGAgAAGQAQxwIAAOMEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACEDAwAA9QgAIAUAAPYIACAMAADuCAAgDAMAANEEACAFAADZBAAgDAAAxwQAIMUCAADjBAAwxgIAABkAEMcCAADjBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACEDAAAAGQAgAQAAGgAwAgAAGwAgEAMAANEEACAFAADZBAAgCwAA4gQAIMUCAADhBAAwxgIAAB0AEMcCAADhBAAwyAIBAJcEACHVAgEAlwQAIeMCAQCXBAAh8gIBAJcEACGEAwEApgQAIYUDAQCmBAAhhgMCANQEACGHAwIA1AQAIYgDAgDQBAAhiQMCANQEACEGAwAA9QgAIAUAAPYIACALAAD5CAAghAMAAPQEACCFAwAA9AQAIIgDAAD0BAAgEAMAANEEACAFAADZBAAgCwAA4gQAIMUCAADhBAAwxgIAAB0AEMcCAADhBAAwyAIBAAAAAdUCAQCXBAAh4wIBAJcEACHyAgEAlwQAIYQDAQCmBAAhhQMBAKYEACGGAwIA1AQAIYcDAgDUBAAhiAMCANAEACGJAwIA1AQAIQMAAAAdACABAAAeADACAAAfACABAAAAGQAgAQAAAB0AIAsDAADRBAAgBQAA2QQAIMUCAADgBAAwxgIAACMAEMcCAADgBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGMAwEAlwQAIY0DAQCXBAAhAgMAAPUIACAFAAD2CAAgCwMAANEEACAFAADZBAAgxQIAAOAEADDGAgAAIwAQxwIAAOAEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjAMBAJcEACGNAwEAlwQAIQMAAAAjACABAAAkADACAAAlACAMAwAA0QQAIAUAANkEACAPAADeBAAgxQIAAN8EADDGAgAAJwAQxwIAAN8EADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYoDAQCmBAAhiwMBAJcEACEEAwAA9QgAIAUAAPYIACAPAAD4CAAgigMAAPQEACAMAwAA0QQAIAUAANkEACAPAADeBAAgxQIAAN8EADDGAgAAJwAQxwIAAN8EADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhigMBAKYEACGLAwEAlwQAIQMAAAAnACABAAAoADACAAApACABAAAAAwAgAwAAAB0AIAEAAB4AMAIAAB8AIBQDAADRBAAgBQAA2QQAIBEAAN4EACATAADJBAAgxQIAAN0EADDGAgAALQAQxwIAAN0EADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIQgDAAD1CAAgBQAA9ggAIBEAAPgIACATAADwCAAg9gIAAPQEACD-AgAA9AQAIIEDAAD0BAAgggMAAPQEACAVAwAA0QQAIAUAANkEACARAADeBAAgEwAAyQQAIMUCAADdBAAwxgIAAC0AEMcCAADdBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIa4DAADcBAAgAwAAAC0AIAEAAC4AMAIAAC8AIAEAAAADACAVAwAA0QQAIAUAANkEACASAADbBAAgxQIAANoEADDGAgAAMgAQxwIAANoEADDIAgEAlwQAIdUCAQCXBAAh4gIBAKYEACHjAgEAlwQAIeUCAQCXBAAh8gIBAJcEACH3AgEApgQAIfgCAQCXBAAh-QJAAJgEACH6AkAAvgQAIfsCQAC-BAAh_AIBAKYEACH9AgEAlwQAIf4CAQCmBAAh_wIBAJcEACEJAwAA9QgAIAUAAPYIACASAAD3CAAg4gIAAPQEACD3AgAA9AQAIPoCAAD0BAAg-wIAAPQEACD8AgAA9AQAIP4CAAD0BAAgFQMAANEEACAFAADZBAAgEgAA2wQAIMUCAADaBAAwxgIAADIAEMcCAADaBAAwyAIBAAAAAdUCAQCXBAAh4gIBAKYEACHjAgEAlwQAIeUCAQCXBAAh8gIBAJcEACH3AgEApgQAIfgCAQCXBAAh-QJAAJgEACH6AkAAvgQAIfsCQAC-BAAh_AIBAKYEACH9AgEAlwQAIf4CAQCmBAAh_wIBAJcEACEDAAAAMgAgAQAAMwAwAgAANAAgAQAAAC0AIAEAAAAyACADAAAAMgAgAQAAMwAwAgAANAAgDAMAANEEACAFAADZBAAgxQIAANgEADDGAgAAOQAQxwIAANgEADDIAgEAlwQAIdUCAQCXBAAh8gIBAJcEACHzAgEAlwQAIfQCAQCmBAAh9QJAAJgEACH2AgEApgQAIQQDAAD1CAAgBQAA9ggAIPQCAAD0BAAg9gIAAPQEACAMAwAA0QQAIAUAANkEACDFAgAA2AQAMMYCAAA5ABDHAgAA2AQAMMgCAQAAAAHVAgEAlwQAIfICAQCXBAAh8wIBAJcEACH0AgEApgQAIfUCQACYBAAh9gIBAKYEACEDAAAAOQAgAQAAOgAwAgAAOwAgAQAAAAwAIAEAAAAQACABAAAAGQAgAQAAACMAIAEAAAAnACABAAAAHQAgAQAAAC0AIAEAAAAyACABAAAAOQAgAwAAAC0AIAEAAC4AMAIAAC8AIAMAAAAnACABAAAoADACAAApACABAAAABwAgAQAAAC0AIAEAAAAnACADAAAABwAgAQAACAAwAgAACQAgAwAAAAwAIAEAAA0AMAIAAA4AIAMAAAAQACABAAARADACAAASACADAAAAFAAgAQAAFQAwAgAAFgAgAwAAABkAIAEAABoAMAIAABsAIAMAAAAjACABAAAkADACAAAlACADAAAAJwAgAQAAKAAwAgAAKQAgAwAAAB0AIAEAAB4AMAIAAB8AIAMAAAAtACABAAAuADACAAAvACADAAAAMgAgAQAAMwAwAgAANAAgAwAAADkAIAEAADoAMAIAADsAIAoDAADRBAAgxQIAANcEADDGAgAAVgAQxwIAANcEADDVAgEAlwQAIe0CAQCXBAAh7gIBAJcEACHvAkAAvgQAIfACAQCmBAAh8QJAAJgEACEDAwAA9QgAIO8CAAD0BAAg8AIAAPQEACALAwAA0QQAIMUCAADXBAAwxgIAAFYAEMcCAADXBAAw1QIBAJcEACHtAgEAlwQAIe4CAQCXBAAh7wJAAL4EACHwAgEApgQAIfECQACYBAAhrQMAANYEACADAAAAVgAgAQAAVwAwAgAAWAAgEgMAANEEACDFAgAA0wQAMMYCAABaABDHAgAA0wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeICAQCXBAAh4wIBAJcEACHkAgEAlwQAIeUCAQCXBAAh5gICANQEACHnAgEApgQAIegCQAC-BAAh6QJAAL4EACHqAgEApgQAIesCIADVBAAh7AIBAKYEACEGAwAA9QgAIOcCAAD0BAAg6AIAAPQEACDpAgAA9AQAIOoCAAD0BAAg7AIAAPQEACATAwAA0QQAIMUCAADTBAAwxgIAAFoAEMcCAADTBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHiAgEAlwQAIeMCAQCXBAAh5AIBAJcEACHlAgEAlwQAIeYCAgDUBAAh5wIBAKYEACHoAkAAvgQAIekCQAC-BAAh6gIBAKYEACHrAiAA1QQAIewCAQCmBAAhrAMAANIEACADAAAAWgAgAQAAWwAwAgAAXAAgCwMAANEEACDFAgAAzwQAMMYCAABeABDHAgAAzwQAMMgCAQCXBAAh1QIBAJcEACHWAgEAlwQAIdcCAQCXBAAh2AICANAEACHZAgEApgQAIdoCQAC-BAAhBAMAAPUIACDYAgAA9AQAINkCAAD0BAAg2gIAAPQEACAMAwAA0QQAIMUCAADPBAAwxgIAAF4AEMcCAADPBAAwyAIBAAAAAdUCAQCXBAAh1gIBAJcEACHXAgEAlwQAIdgCAgDQBAAh2QIBAKYEACHaAkAAvgQAIasDAADOBAAgAwAAAF4AIAEAAF8AMAIAAGAAIAEAAAADACABAAAABwAgAQAAAAwAIAEAAAAQACABAAAAFAAgAQAAABkAIAEAAAAjACABAAAAJwAgAQAAAB0AIAEAAAAtACABAAAAMgAgAQAAADkAIAEAAABWACABAAAAWgAgAQAAAF4AIAEAAAABACAhBgAAwQQAIAoAAMIEACAMAADHBAAgDQAAxAQAIA4AAMUEACAQAADGBAAgEwAAyQQAIBQAAMgEACAVAADKBAAgFwAAvwQAIBgAAMAEACAZAADDBAAgGgAAywQAIBsAAMwEACAcAADNBAAgxQIAAL0EADDGAgAAcgAQxwIAAL0EADDIAgEAlwQAIdsCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhngMBAJcEACGfAwEAlwQAIaADAQCmBAAhoQMBAJcEACGiAwEAlwQAIaMDAQCXBAAhpAMBAJcEACGlAwEApgQAIaYDQAC-BAAhpwNAAL4EACETBgAA6AgAIAoAAOkIACAMAADuCAAgDQAA6wgAIA4AAOwIACAQAADtCAAgEwAA8AgAIBQAAO8IACAVAADxCAAgFwAA5ggAIBgAAOcIACAZAADqCAAgGgAA8ggAIBsAAPMIACAcAAD0CAAgoAMAAPQEACClAwAA9AQAIKYDAAD0BAAgpwMAAPQEACADAAAAcgAgAQAAcwAwAgAAAQAgAwAAAHIAIAEAAHMAMAIAAAEAIAMAAAByACABAABzADACAAABACAeBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABASIAAHcAIA_IAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAEBIgAAeQAwASIAAHkAMB4GAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACECAAAAAQAgIgAAfAAgD8gCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIQIAAAByACAiAAB-ACACAAAAcgAgIgAAfgAgAwAAAAEAICkAAHcAICoAAHwAIAEAAAABACABAAAAcgAgBwkAALIHACAvAAC0BwAgMAAAswcAIKADAAD0BAAgpQMAAPQEACCmAwAA9AQAIKcDAAD0BAAgEsUCAAC8BAAwxgIAAIUBABDHAgAAvAQAMMgCAQCPBAAh2wIBAI8EACHfAkAAkAQAIeACQACQBAAhjwMBAI8EACGeAwEAjwQAIZ8DAQCPBAAhoAMBAJsEACGhAwEAjwQAIaIDAQCPBAAhowMBAI8EACGkAwEAjwQAIaUDAQCbBAAhpgNAAJwEACGnA0AAnAQAIQMAAAByACABAACEAQAwLgAAhQEAIAMAAAByACABAABzADACAAABACABAAAABQAgAQAAAAUAIAMAAAADACABAAAEADACAAAFACADAAAAAwAgAQAABAAwAgAABQAgAwAAAAMAIAEAAAQAMAIAAAUAIAkDAACuBwAgEAAAsQcAIBQAALAHACAWAACvBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAABmQMBAAAAAZ0DAQAAAAEBIgAAjQEAIAXIAgEAAAAB1QIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQEiAACPAQAwASIAAI8BADAJAwAAjAcAIBAAAI8HACAUAACOBwAgFgAAjQcAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACECAAAABQAgIgAAkgEAIAXIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGZAwEA8gQAIZ0DAQDyBAAhAgAAAAMAICIAAJQBACACAAAAAwAgIgAAlAEAIAMAAAAFACApAACNAQAgKgAAkgEAIAEAAAAFACABAAAAAwAgAwkAAIkHACAvAACLBwAgMAAAigcAIAjFAgAAuwQAMMYCAACbAQAQxwIAALsEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACGZAwEAjwQAIZ0DAQCPBAAhAwAAAAMAIAEAAJoBADAuAACbAQAgAwAAAAMAIAEAAAQAMAIAAAUAIAEAAAAJACABAAAACQAgAwAAAAcAIAEAAAgAMAIAAAkAIAMAAAAHACABAAAIADACAAAJACADAAAABwAgAQAACAAwAgAACQAgGAMAAP4GACAEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQEiAACjAQAgDcgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAEBIgAApQEAMAEiAAClAQAwAQAAAAMAIBgDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhAgAAAAkAICIAAKkBACANyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACECAAAABwAgIgAAqwEAIAIAAAAHACAiAACrAQAgAQAAAAMAIAMAAAAJACApAACjAQAgKgAAqQEAIAEAAAAJACABAAAABwAgCAkAAIoGACAvAACMBgAgMAAAiwYAIJYDAAD0BAAgmQMAAPQEACCaAwAA9AQAIJsDAAD0BAAgnAMAAPQEACAQxQIAALoEADDGAgAAswEAEMcCAAC6BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4AJAAJAEACGPAwEAjwQAIZUDAQCPBAAhlgMBAJsEACGXAwEAjwQAIZgDAQCPBAAhmQMBAJsEACGaA0AAnAQAIZsDQACcBAAhnANAAJwEACEDAAAABwAgAQAAsgEAMC4AALMBACADAAAABwAgAQAACAAwAgAACQAgAQAAAA4AIAEAAAAOACADAAAADAAgAQAADQAwAgAADgAgAwAAAAwAIAEAAA0AMAIAAA4AIAMAAAAMACABAAANADACAAAOACAHAwAAiAYAIAUAAIkGACDIAgEAAAAB1QIBAAAAAfICAQAAAAGTAwEAAAABlAMBAAAAAQEiAAC7AQAgBcgCAQAAAAHVAgEAAAAB8gIBAAAAAZMDAQAAAAGUAwEAAAABASIAAL0BADABIgAAvQEAMAcDAACGBgAgBQAAhwYAIMgCAQDyBAAh1QIBAPIEACHyAgEA8gQAIZMDAQDyBAAhlAMBAPIEACECAAAADgAgIgAAwAEAIAXIAgEA8gQAIdUCAQDyBAAh8gIBAPIEACGTAwEA8gQAIZQDAQDyBAAhAgAAAAwAICIAAMIBACACAAAADAAgIgAAwgEAIAMAAAAOACApAAC7AQAgKgAAwAEAIAEAAAAOACABAAAADAAgAwkAAIMGACAvAACFBgAgMAAAhAYAIAjFAgAAuQQAMMYCAADJAQAQxwIAALkEADDIAgEAjwQAIdUCAQCPBAAh8gIBAI8EACGTAwEAjwQAIZQDAQCPBAAhAwAAAAwAIAEAAMgBADAuAADJAQAgAwAAAAwAIAEAAA0AMAIAAA4AIAEAAAASACABAAAAEgAgAwAAABAAIAEAABEAMAIAABIAIAMAAAAQACABAAARADACAAASACADAAAAEAAgAQAAEQAwAgAAEgAgCgMAAIAGACAFAACBBgAgCAAAggYAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAEBIgAA0QEAIAfIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABASIAANMBADABIgAA0wEAMAoDAADxBQAgBQAA8gUAIAgAAPMFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHyAgEA8gQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQIAAAASACAiAADWAQAgB8gCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhAgAAABAAICIAANgBACACAAAAEAAgIgAA2AEAIAMAAAASACApAADRAQAgKgAA1gEAIAEAAAASACABAAAAEAAgBQkAAO4FACAvAADwBQAgMAAA7wUAIJEDAAD0BAAgkgMAAPQEACAKxQIAALgEADDGAgAA3wEAEMcCAAC4BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGPAwEAjwQAIZEDAQCbBAAhkgMBAJsEACEDAAAAEAAgAQAA3gEAMC4AAN8BACADAAAAEAAgAQAAEQAwAgAAEgAgAQAAABYAIAEAAAAWACADAAAAFAAgAQAAFQAwAgAAFgAgAwAAABQAIAEAABUAMAIAABYAIAMAAAAUACABAAAVADACAAAWACAGAwAA7AUAIAcAAO0FACDIAgEAAAAB1QIBAAAAAdYCAQAAAAGQAwEAAAABASIAAOcBACAEyAIBAAAAAdUCAQAAAAHWAgEAAAABkAMBAAAAAQEiAADpAQAwASIAAOkBADAGAwAA6gUAIAcAAOsFACDIAgEA8gQAIdUCAQDyBAAh1gIBAPIEACGQAwEA8gQAIQIAAAAWACAiAADsAQAgBMgCAQDyBAAh1QIBAPIEACHWAgEA8gQAIZADAQDyBAAhAgAAABQAICIAAO4BACACAAAAFAAgIgAA7gEAIAMAAAAWACApAADnAQAgKgAA7AEAIAEAAAAWACABAAAAFAAgAwkAAOcFACAvAADpBQAgMAAA6AUAIAfFAgAAtwQAMMYCAAD1AQAQxwIAALcEADDIAgEAjwQAIdUCAQCPBAAh1gIBAI8EACGQAwEAjwQAIQMAAAAUACABAAD0AQAwLgAA9QEAIAMAAAAUACABAAAVADACAAAWACABAAAAGwAgAQAAABsAIAMAAAAZACABAAAaADACAAAbACADAAAAGQAgAQAAGgAwAgAAGwAgAwAAABkAIAEAABoAMAIAABsAIAkDAADkBQAgBQAA5QUAIAwAAOYFACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjgMBAAAAAY8DAQAAAAEBIgAA_QEAIAbIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjgMBAAAAAY8DAQAAAAEBIgAA_wEAMAEiAAD_AQAwCQMAANUFACAFAADWBQAgDAAA1wUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQIAAAAbACAiAACCAgAgBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQIAAAAZACAiAACEAgAgAgAAABkAICIAAIQCACADAAAAGwAgKQAA_QEAICoAAIICACABAAAAGwAgAQAAABkAIAMJAADSBQAgLwAA1AUAIDAAANMFACAJxQIAALYEADDGAgAAiwIAEMcCAAC2BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGOAwEAjwQAIY8DAQCPBAAhAwAAABkAIAEAAIoCADAuAACLAgAgAwAAABkAIAEAABoAMAIAABsAIAEAAAAlACABAAAAJQAgAwAAACMAIAEAACQAMAIAACUAIAMAAAAjACABAAAkADACAAAlACADAAAAIwAgAQAAJAAwAgAAJQAgCAMAANAFACAFAADRBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABASIAAJMCACAGyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABASIAAJUCADABIgAAlQIAMAgDAADOBQAgBQAAzwUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjAMBAPIEACGNAwEA8gQAIQIAAAAlACAiAACYAgAgBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjAMBAPIEACGNAwEA8gQAIQIAAAAjACAiAACaAgAgAgAAACMAICIAAJoCACADAAAAJQAgKQAAkwIAICoAAJgCACABAAAAJQAgAQAAACMAIAMJAADLBQAgLwAAzQUAIDAAAMwFACAJxQIAALUEADDGAgAAoQIAEMcCAAC1BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGMAwEAjwQAIY0DAQCPBAAhAwAAACMAIAEAAKACADAuAAChAgAgAwAAACMAIAEAACQAMAIAACUAIAEAAAApACABAAAAKQAgAwAAACcAIAEAACgAMAIAACkAIAMAAAAnACABAAAoADACAAApACADAAAAJwAgAQAAKAAwAgAAKQAgCQMAAMgFACAFAADJBQAgDwAAygUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGKAwEAAAABiwMBAAAAAQEiAACpAgAgBsgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGKAwEAAAABiwMBAAAAAQEiAACrAgAwASIAAKsCADABAAAAAwAgCQMAAMUFACAFAADGBQAgDwAAxwUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhigMBAPsEACGLAwEA8gQAIQIAAAApACAiAACvAgAgBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhigMBAPsEACGLAwEA8gQAIQIAAAAnACAiAACxAgAgAgAAACcAICIAALECACABAAAAAwAgAwAAACkAICkAAKkCACAqAACvAgAgAQAAACkAIAEAAAAnACAECQAAwgUAIC8AAMQFACAwAADDBQAgigMAAPQEACAJxQIAALQEADDGAgAAuQIAEMcCAAC0BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGKAwEAmwQAIYsDAQCPBAAhAwAAACcAIAEAALgCADAuAAC5AgAgAwAAACcAIAEAACgAMAIAACkAIAEAAAAfACABAAAAHwAgAwAAAB0AIAEAAB4AMAIAAB8AIAMAAAAdACABAAAeADACAAAfACADAAAAHQAgAQAAHgAwAgAAHwAgDQMAAL8FACAFAADABQAgCwAAwQUAIMgCAQAAAAHVAgEAAAAB4wIBAAAAAfICAQAAAAGEAwEAAAABhQMBAAAAAYYDAgAAAAGHAwIAAAABiAMCAAAAAYkDAgAAAAEBIgAAwQIAIArIAgEAAAAB1QIBAAAAAeMCAQAAAAHyAgEAAAABhAMBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABASIAAMMCADABIgAAwwIAMAEAAAAZACANAwAAvAUAIAUAAL0FACALAAC-BQAgyAIBAPIEACHVAgEA8gQAIeMCAQDyBAAh8gIBAPIEACGEAwEA-wQAIYUDAQD7BAAhhgMCAIcFACGHAwIAhwUAIYgDAgD6BAAhiQMCAIcFACECAAAAHwAgIgAAxwIAIArIAgEA8gQAIdUCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYQDAQD7BAAhhQMBAPsEACGGAwIAhwUAIYcDAgCHBQAhiAMCAPoEACGJAwIAhwUAIQIAAAAdACAiAADJAgAgAgAAAB0AICIAAMkCACABAAAAGQAgAwAAAB8AICkAAMECACAqAADHAgAgAQAAAB8AIAEAAAAdACAICQAAtwUAIC8AALoFACAwAAC5BQAgwQEAALgFACDCAQAAuwUAIIQDAAD0BAAghQMAAPQEACCIAwAA9AQAIA3FAgAAswQAMMYCAADRAgAQxwIAALMEADDIAgEAjwQAIdUCAQCPBAAh4wIBAI8EACHyAgEAjwQAIYQDAQCbBAAhhQMBAJsEACGGAwIAqQQAIYcDAgCpBAAhiAMCAJoEACGJAwIAqQQAIQMAAAAdACABAADQAgAwLgAA0QIAIAMAAAAdACABAAAeADACAAAfACABAAAALwAgAQAAAC8AIAMAAAAtACABAAAuADACAAAvACADAAAALQAgAQAALgAwAgAALwAgAwAAAC0AIAEAAC4AMAIAAC8AIBEDAACzBQAgBQAAtAUAIBEAALUFACATAAC2BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH2AgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQEiAADZAgAgDcgCAQAAAAHVAgEAAAAB3wJAAAAAAeMCAQAAAAHyAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAEBIgAA2wIAMAEiAADbAgAwAQAAAAMAIBEDAACjBQAgBQAApAUAIBEAAKUFACATAACmBQAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACECAAAALwAgIgAA3wIAIA3IAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHjAgEA8gQAIfICAQDyBAAh9gIBAPsEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQIAAAAtACAiAADhAgAgAgAAAC0AICIAAOECACABAAAAAwAgAwAAAC8AICkAANkCACAqAADfAgAgAQAAAC8AIAEAAAAtACAHCQAAoAUAIC8AAKIFACAwAAChBQAg9gIAAPQEACD-AgAA9AQAIIEDAAD0BAAgggMAAPQEACAQxQIAALIEADDGAgAA6QIAEMcCAACyBAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4wIBAI8EACHyAgEAjwQAIfYCAQCbBAAh-AIBAI8EACH9AgEAjwQAIf4CAQCbBAAhgAMBAI8EACGBAwEAmwQAIYIDAQCbBAAhgwNAAJAEACEDAAAALQAgAQAA6AIAMC4AAOkCACADAAAALQAgAQAALgAwAgAALwAgAQAAADQAIAEAAAA0ACADAAAAMgAgAQAAMwAwAgAANAAgAwAAADIAIAEAADMAMAIAADQAIAMAAAAyACABAAAzADACAAA0ACASAwAAnQUAIAUAAJ4FACASAACfBQAgyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABASIAAPECACAPyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABASIAAPMCADABIgAA8wIAMAEAAAAtACASAwAAmgUAIAUAAJsFACASAACcBQAgyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhAgAAADQAICIAAPcCACAPyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhAgAAADIAICIAAPkCACACAAAAMgAgIgAA-QIAIAEAAAAtACADAAAANAAgKQAA8QIAICoAAPcCACABAAAANAAgAQAAADIAIAkJAACXBQAgLwAAmQUAIDAAAJgFACDiAgAA9AQAIPcCAAD0BAAg-gIAAPQEACD7AgAA9AQAIPwCAAD0BAAg_gIAAPQEACASxQIAALEEADDGAgAAgQMAEMcCAACxBAAwyAIBAI8EACHVAgEAjwQAIeICAQCbBAAh4wIBAI8EACHlAgEAjwQAIfICAQCPBAAh9wIBAJsEACH4AgEAjwQAIfkCQACQBAAh-gJAAJwEACH7AkAAnAQAIfwCAQCbBAAh_QIBAI8EACH-AgEAmwQAIf8CAQCPBAAhAwAAADIAIAEAAIADADAuAACBAwAgAwAAADIAIAEAADMAMAIAADQAIAEAAAA7ACABAAAAOwAgAwAAADkAIAEAADoAMAIAADsAIAMAAAA5ACABAAA6ADACAAA7ACADAAAAOQAgAQAAOgAwAgAAOwAgCQMAAJUFACAFAACWBQAgyAIBAAAAAdUCAQAAAAHyAgEAAAAB8wIBAAAAAfQCAQAAAAH1AkAAAAAB9gIBAAAAAQEiAACJAwAgB8gCAQAAAAHVAgEAAAAB8gIBAAAAAfMCAQAAAAH0AgEAAAAB9QJAAAAAAfYCAQAAAAEBIgAAiwMAMAEiAACLAwAwCQMAAJMFACAFAACUBQAgyAIBAPIEACHVAgEA8gQAIfICAQDyBAAh8wIBAPIEACH0AgEA-wQAIfUCQADzBAAh9gIBAPsEACECAAAAOwAgIgAAjgMAIAfIAgEA8gQAIdUCAQDyBAAh8gIBAPIEACHzAgEA8gQAIfQCAQD7BAAh9QJAAPMEACH2AgEA-wQAIQIAAAA5ACAiAACQAwAgAgAAADkAICIAAJADACADAAAAOwAgKQAAiQMAICoAAI4DACABAAAAOwAgAQAAADkAIAUJAACQBQAgLwAAkgUAIDAAAJEFACD0AgAA9AQAIPYCAAD0BAAgCsUCAACwBAAwxgIAAJcDABDHAgAAsAQAMMgCAQCPBAAh1QIBAI8EACHyAgEAjwQAIfMCAQCPBAAh9AIBAJsEACH1AkAAkAQAIfYCAQCbBAAhAwAAADkAIAEAAJYDADAuAACXAwAgAwAAADkAIAEAADoAMAIAADsAIAEAAABYACABAAAAWAAgAwAAAFYAIAEAAFcAMAIAAFgAIAMAAABWACABAABXADACAABYACADAAAAVgAgAQAAVwAwAgAAWAAgBwMAAI8FACDVAgEAAAAB7QIBAAAAAe4CAQAAAAHvAkAAAAAB8AIBAAAAAfECQAAAAAEBIgAAnwMAIAbVAgEAAAAB7QIBAAAAAe4CAQAAAAHvAkAAAAAB8AIBAAAAAfECQAAAAAEBIgAAoQMAMAEiAAChAwAwBwMAAI4FACDVAgEA8gQAIe0CAQDyBAAh7gIBAPIEACHvAkAA_AQAIfACAQD7BAAh8QJAAPMEACECAAAAWAAgIgAApAMAIAbVAgEA8gQAIe0CAQDyBAAh7gIBAPIEACHvAkAA_AQAIfACAQD7BAAh8QJAAPMEACECAAAAVgAgIgAApgMAIAIAAABWACAiAACmAwAgAwAAAFgAICkAAJ8DACAqAACkAwAgAQAAAFgAIAEAAABWACAFCQAAiwUAIC8AAI0FACAwAACMBQAg7wIAAPQEACDwAgAA9AQAIAnFAgAArwQAMMYCAACtAwAQxwIAAK8EADDVAgEAjwQAIe0CAQCPBAAh7gIBAI8EACHvAkAAnAQAIfACAQCbBAAh8QJAAJAEACEDAAAAVgAgAQAArAMAMC4AAK0DACADAAAAVgAgAQAAVwAwAgAAWAAgAQAAAFwAIAEAAABcACADAAAAWgAgAQAAWwAwAgAAXAAgAwAAAFoAIAEAAFsAMAIAAFwAIAMAAABaACABAABbADACAABcACAPAwAAigUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAAeUCAQAAAAHmAgIAAAAB5wIBAAAAAegCQAAAAAHpAkAAAAAB6gIBAAAAAesCIAAAAAHsAgEAAAABASIAALUDACAOyAIBAAAAAdUCAQAAAAHfAkAAAAAB4gIBAAAAAeMCAQAAAAHkAgEAAAAB5QIBAAAAAeYCAgAAAAHnAgEAAAAB6AJAAAAAAekCQAAAAAHqAgEAAAAB6wIgAAAAAewCAQAAAAEBIgAAtwMAMAEiAAC3AwAwDwMAAIkFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHiAgEA8gQAIeMCAQDyBAAh5AIBAPIEACHlAgEA8gQAIeYCAgCHBQAh5wIBAPsEACHoAkAA_AQAIekCQAD8BAAh6gIBAPsEACHrAiAAiAUAIewCAQD7BAAhAgAAAFwAICIAALoDACAOyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4gIBAPIEACHjAgEA8gQAIeQCAQDyBAAh5QIBAPIEACHmAgIAhwUAIecCAQD7BAAh6AJAAPwEACHpAkAA_AQAIeoCAQD7BAAh6wIgAIgFACHsAgEA-wQAIQIAAABaACAiAAC8AwAgAgAAAFoAICIAALwDACADAAAAXAAgKQAAtQMAICoAALoDACABAAAAXAAgAQAAAFoAIAoJAACCBQAgLwAAhQUAIDAAAIQFACDBAQAAgwUAIMIBAACGBQAg5wIAAPQEACDoAgAA9AQAIOkCAAD0BAAg6gIAAPQEACDsAgAA9AQAIBHFAgAAqAQAMMYCAADDAwAQxwIAAKgEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACHiAgEAjwQAIeMCAQCPBAAh5AIBAI8EACHlAgEAjwQAIeYCAgCpBAAh5wIBAJsEACHoAkAAnAQAIekCQACcBAAh6gIBAJsEACHrAiAAqgQAIewCAQCbBAAhAwAAAFoAIAEAAMIDADAuAADDAwAgAwAAAFoAIAEAAFsAMAIAAFwAIAsiAQCXBAAhxQIAAKUEADDGAgAAyQMAEMcCAAClBAAw2wIBAJcEACHcAgEAlwQAId0CAQCmBAAh3gIBAKYEACHfAkAAmAQAIeACQACYBAAh4QIAAKcEACABAAAAxgMAIAEAAADGAwAgCiIBAJcEACHFAgAApQQAMMYCAADJAwAQxwIAAKUEADDbAgEAlwQAIdwCAQCXBAAh3QIBAKYEACHeAgEApgQAId8CQACYBAAh4AJAAJgEACEC3QIAAPQEACDeAgAA9AQAIAMAAADJAwAgAQAAygMAMAIAAMYDACADAAAAyQMAIAEAAMoDADACAADGAwAgAwAAAMkDACABAADKAwAwAgAAxgMAIAciAQAAAAHbAgEAAAAB3AIBAAAAAd0CAQAAAAHeAgEAAAAB3wJAAAAAAeACQAAAAAEBIgAAzgMAIAciAQAAAAHbAgEAAAAB3AIBAAAAAd0CAQAAAAHeAgEAAAAB3wJAAAAAAeACQAAAAAEBIgAA0AMAMAEiAADQAwAwByIBAPIEACHbAgEA8gQAIdwCAQDyBAAh3QIBAPsEACHeAgEA-wQAId8CQADzBAAh4AJAAPMEACECAAAAxgMAICIAANMDACAHIgEA8gQAIdsCAQDyBAAh3AIBAPIEACHdAgEA-wQAId4CAQD7BAAh3wJAAPMEACHgAkAA8wQAIQIAAADJAwAgIgAA1QMAIAIAAADJAwAgIgAA1QMAIAMAAADGAwAgKQAAzgMAICoAANMDACABAAAAxgMAIAEAAADJAwAgBQkAAP8EACAvAACBBQAgMAAAgAUAIN0CAAD0BAAg3gIAAPQEACAKIgEAjwQAIcUCAACkBAAwxgIAANwDABDHAgAApAQAMNsCAQCPBAAh3AIBAI8EACHdAgEAmwQAId4CAQCbBAAh3wJAAJAEACHgAkAAkAQAIQMAAADJAwAgAQAA2wMAMC4AANwDACADAAAAyQMAIAEAAMoDADACAADGAwAgAQAAAGAAIAEAAABgACADAAAAXgAgAQAAXwAwAgAAYAAgAwAAAF4AIAEAAF8AMAIAAGAAIAMAAABeACABAABfADACAABgACAIAwAA_gQAIMgCAQAAAAHVAgEAAAAB1gIBAAAAAdcCAQAAAAHYAgIAAAAB2QIBAAAAAdoCQAAAAAEBIgAA5AMAIAfIAgEAAAAB1QIBAAAAAdYCAQAAAAHXAgEAAAAB2AICAAAAAdkCAQAAAAHaAkAAAAABASIAAOYDADABIgAA5gMAMAgDAAD9BAAgyAIBAPIEACHVAgEA8gQAIdYCAQDyBAAh1wIBAPIEACHYAgIA-gQAIdkCAQD7BAAh2gJAAPwEACECAAAAYAAgIgAA6QMAIAfIAgEA8gQAIdUCAQDyBAAh1gIBAPIEACHXAgEA8gQAIdgCAgD6BAAh2QIBAPsEACHaAkAA_AQAIQIAAABeACAiAADrAwAgAgAAAF4AICIAAOsDACADAAAAYAAgKQAA5AMAICoAAOkDACABAAAAYAAgAQAAAF4AIAgJAAD1BAAgLwAA-AQAIDAAAPcEACDBAQAA9gQAIMIBAAD5BAAg2AIAAPQEACDZAgAA9AQAINoCAAD0BAAgCsUCAACZBAAwxgIAAPIDABDHAgAAmQQAMMgCAQCPBAAh1QIBAI8EACHWAgEAjwQAIdcCAQCPBAAh2AICAJoEACHZAgEAmwQAIdoCQACcBAAhAwAAAF4AIAEAAPEDADAuAADyAwAgAwAAAF4AIAEAAF8AMAIAAGAAIAXFAgAAlgQAMMYCAAD4AwAQxwIAAJYEADDIAgEAAAAByQJAAJgEACEBAAAA9QMAIAEAAAD1AwAgBcUCAACWBAAwxgIAAPgDABDHAgAAlgQAMMgCAQCXBAAhyQJAAJgEACEAAwAAAPgDACABAAD5AwAwAgAA9QMAIAMAAAD4AwAgAQAA-QMAMAIAAPUDACADAAAA-AMAIAEAAPkDADACAAD1AwAgAsgCAQAAAAHJAkAAAAABASIAAP0DACACyAIBAAAAAckCQAAAAAEBIgAA_wMAMAEiAAD_AwAwAsgCAQDyBAAhyQJAAPMEACECAAAA9QMAICIAAIIEACACyAIBAPIEACHJAkAA8wQAIQIAAAD4AwAgIgAAhAQAIAIAAAD4AwAgIgAAhAQAIAMAAAD1AwAgKQAA_QMAICoAAIIEACABAAAA9QMAIAEAAAD4AwAgAwkAAO8EACAvAADxBAAgMAAA8AQAIAXFAgAAjgQAMMYCAACLBAAQxwIAAI4EADDIAgEAjwQAIckCQACQBAAhAwAAAPgDACABAACKBAAwLgAAiwQAIAMAAAD4AwAgAQAA-QMAMAIAAPUDACAFxQIAAI4EADDGAgAAiwQAEMcCAACOBAAwyAIBAI8EACHJAkAAkAQAIQ4JAACSBAAgLwAAlQQAIDAAAJUEACDKAgEAAAABywIBAAAABMwCAQAAAATNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAJQEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAELCQAAkgQAIC8AAJMEACAwAACTBAAgygJAAAAAAcsCQAAAAATMAkAAAAAEzQJAAAAAAc4CQAAAAAHPAkAAAAAB0AJAAAAAAdECQACRBAAhCwkAAJIEACAvAACTBAAgMAAAkwQAIMoCQAAAAAHLAkAAAAAEzAJAAAAABM0CQAAAAAHOAkAAAAABzwJAAAAAAdACQAAAAAHRAkAAkQQAIQjKAgIAAAABywICAAAABMwCAgAAAATNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAJIEACEIygJAAAAAAcsCQAAAAATMAkAAAAAEzQJAAAAAAc4CQAAAAAHPAkAAAAAB0AJAAAAAAdECQACTBAAhDgkAAJIEACAvAACVBAAgMAAAlQQAIMoCAQAAAAHLAgEAAAAEzAIBAAAABM0CAQAAAAHOAgEAAAABzwIBAAAAAdACAQAAAAHRAgEAlAQAIdICAQAAAAHTAgEAAAAB1AIBAAAAAQvKAgEAAAABywIBAAAABMwCAQAAAATNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAJUEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAEFxQIAAJYEADDGAgAA-AMAEMcCAACWBAAwyAIBAJcEACHJAkAAmAQAIQvKAgEAAAABywIBAAAABMwCAQAAAATNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAJUEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAEIygJAAAAAAcsCQAAAAATMAkAAAAAEzQJAAAAAAc4CQAAAAAHPAkAAAAAB0AJAAAAAAdECQACTBAAhCsUCAACZBAAwxgIAAPIDABDHAgAAmQQAMMgCAQCPBAAh1QIBAI8EACHWAgEAjwQAIdcCAQCPBAAh2AICAJoEACHZAgEAmwQAIdoCQACcBAAhDQkAAJ4EACAvAACeBAAgMAAAngQAIMEBAACjBAAgwgEAAJ4EACDKAgIAAAABywICAAAABcwCAgAAAAXNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAKIEACEOCQAAngQAIC8AAKEEACAwAAChBAAgygIBAAAAAcsCAQAAAAXMAgEAAAAFzQIBAAAAAc4CAQAAAAHPAgEAAAAB0AIBAAAAAdECAQCgBAAh0gIBAAAAAdMCAQAAAAHUAgEAAAABCwkAAJ4EACAvAACfBAAgMAAAnwQAIMoCQAAAAAHLAkAAAAAFzAJAAAAABc0CQAAAAAHOAkAAAAABzwJAAAAAAdACQAAAAAHRAkAAnQQAIQsJAACeBAAgLwAAnwQAIDAAAJ8EACDKAkAAAAABywJAAAAABcwCQAAAAAXNAkAAAAABzgJAAAAAAc8CQAAAAAHQAkAAAAAB0QJAAJ0EACEIygICAAAAAcsCAgAAAAXMAgIAAAAFzQICAAAAAc4CAgAAAAHPAgIAAAAB0AICAAAAAdECAgCeBAAhCMoCQAAAAAHLAkAAAAAFzAJAAAAABc0CQAAAAAHOAkAAAAABzwJAAAAAAdACQAAAAAHRAkAAnwQAIQ4JAACeBAAgLwAAoQQAIDAAAKEEACDKAgEAAAABywIBAAAABcwCAQAAAAXNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAKAEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAELygIBAAAAAcsCAQAAAAXMAgEAAAAFzQIBAAAAAc4CAQAAAAHPAgEAAAAB0AIBAAAAAdECAQChBAAh0gIBAAAAAdMCAQAAAAHUAgEAAAABDQkAAJ4EACAvAACeBAAgMAAAngQAIMEBAACjBAAgwgEAAJ4EACDKAgIAAAABywICAAAABcwCAgAAAAXNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAKIEACEIygIIAAAAAcsCCAAAAAXMAggAAAAFzQIIAAAAAc4CCAAAAAHPAggAAAAB0AIIAAAAAdECCACjBAAhCiIBAI8EACHFAgAApAQAMMYCAADcAwAQxwIAAKQEADDbAgEAjwQAIdwCAQCPBAAh3QIBAJsEACHeAgEAmwQAId8CQACQBAAh4AJAAJAEACEKIgEAlwQAIcUCAAClBAAwxgIAAMkDABDHAgAApQQAMNsCAQCXBAAh3AIBAJcEACHdAgEApgQAId4CAQCmBAAh3wJAAJgEACHgAkAAmAQAIQvKAgEAAAABywIBAAAABcwCAQAAAAXNAgEAAAABzgIBAAAAAc8CAQAAAAHQAgEAAAAB0QIBAKEEACHSAgEAAAAB0wIBAAAAAdQCAQAAAAEC2wIBAAAAAdwCAQAAAAERxQIAAKgEADDGAgAAwwMAEMcCAACoBAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4gIBAI8EACHjAgEAjwQAIeQCAQCPBAAh5QIBAI8EACHmAgIAqQQAIecCAQCbBAAh6AJAAJwEACHpAkAAnAQAIeoCAQCbBAAh6wIgAKoEACHsAgEAmwQAIQ0JAACSBAAgLwAAkgQAIDAAAJIEACDBAQAArgQAIMIBAACSBAAgygICAAAAAcsCAgAAAATMAgIAAAAEzQICAAAAAc4CAgAAAAHPAgIAAAAB0AICAAAAAdECAgCtBAAhBQkAAJIEACAvAACsBAAgMAAArAQAIMoCIAAAAAHRAiAAqwQAIQUJAACSBAAgLwAArAQAIDAAAKwEACDKAiAAAAAB0QIgAKsEACECygIgAAAAAdECIACsBAAhDQkAAJIEACAvAACSBAAgMAAAkgQAIMEBAACuBAAgwgEAAJIEACDKAgIAAAABywICAAAABMwCAgAAAATNAgIAAAABzgICAAAAAc8CAgAAAAHQAgIAAAAB0QICAK0EACEIygIIAAAAAcsCCAAAAATMAggAAAAEzQIIAAAAAc4CCAAAAAHPAggAAAAB0AIIAAAAAdECCACuBAAhCcUCAACvBAAwxgIAAK0DABDHAgAArwQAMNUCAQCPBAAh7QIBAI8EACHuAgEAjwQAIe8CQACcBAAh8AIBAJsEACHxAkAAkAQAIQrFAgAAsAQAMMYCAACXAwAQxwIAALAEADDIAgEAjwQAIdUCAQCPBAAh8gIBAI8EACHzAgEAjwQAIfQCAQCbBAAh9QJAAJAEACH2AgEAmwQAIRLFAgAAsQQAMMYCAACBAwAQxwIAALEEADDIAgEAjwQAIdUCAQCPBAAh4gIBAJsEACHjAgEAjwQAIeUCAQCPBAAh8gIBAI8EACH3AgEAmwQAIfgCAQCPBAAh-QJAAJAEACH6AkAAnAQAIfsCQACcBAAh_AIBAJsEACH9AgEAjwQAIf4CAQCbBAAh_wIBAI8EACEQxQIAALIEADDGAgAA6QIAEMcCAACyBAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh4wIBAI8EACHyAgEAjwQAIfYCAQCbBAAh-AIBAI8EACH9AgEAjwQAIf4CAQCbBAAhgAMBAI8EACGBAwEAmwQAIYIDAQCbBAAhgwNAAJAEACENxQIAALMEADDGAgAA0QIAEMcCAACzBAAwyAIBAI8EACHVAgEAjwQAIeMCAQCPBAAh8gIBAI8EACGEAwEAmwQAIYUDAQCbBAAhhgMCAKkEACGHAwIAqQQAIYgDAgCaBAAhiQMCAKkEACEJxQIAALQEADDGAgAAuQIAEMcCAAC0BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGKAwEAmwQAIYsDAQCPBAAhCcUCAAC1BAAwxgIAAKECABDHAgAAtQQAMMgCAQCPBAAh1QIBAI8EACHfAkAAkAQAIfICAQCPBAAhjAMBAI8EACGNAwEAjwQAIQnFAgAAtgQAMMYCAACLAgAQxwIAALYEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACHyAgEAjwQAIY4DAQCPBAAhjwMBAI8EACEHxQIAALcEADDGAgAA9QEAEMcCAAC3BAAwyAIBAI8EACHVAgEAjwQAIdYCAQCPBAAhkAMBAI8EACEKxQIAALgEADDGAgAA3wEAEMcCAAC4BAAwyAIBAI8EACHVAgEAjwQAId8CQACQBAAh8gIBAI8EACGPAwEAjwQAIZEDAQCbBAAhkgMBAJsEACEIxQIAALkEADDGAgAAyQEAEMcCAAC5BAAwyAIBAI8EACHVAgEAjwQAIfICAQCPBAAhkwMBAI8EACGUAwEAjwQAIRDFAgAAugQAMMYCAACzAQAQxwIAALoEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACHgAkAAkAQAIY8DAQCPBAAhlQMBAI8EACGWAwEAmwQAIZcDAQCPBAAhmAMBAI8EACGZAwEAmwQAIZoDQACcBAAhmwNAAJwEACGcA0AAnAQAIQjFAgAAuwQAMMYCAACbAQAQxwIAALsEADDIAgEAjwQAIdUCAQCPBAAh3wJAAJAEACGZAwEAjwQAIZ0DAQCPBAAhEsUCAAC8BAAwxgIAAIUBABDHAgAAvAQAMMgCAQCPBAAh2wIBAI8EACHfAkAAkAQAIeACQACQBAAhjwMBAI8EACGeAwEAjwQAIZ8DAQCPBAAhoAMBAJsEACGhAwEAjwQAIaIDAQCPBAAhowMBAI8EACGkAwEAjwQAIaUDAQCbBAAhpgNAAJwEACGnA0AAnAQAISEGAADBBAAgCgAAwgQAIAwAAMcEACANAADEBAAgDgAAxQQAIBAAAMYEACATAADJBAAgFAAAyAQAIBUAAMoEACAXAAC_BAAgGAAAwAQAIBkAAMMEACAaAADLBAAgGwAAzAQAIBwAAM0EACDFAgAAvQQAMMYCAAByABDHAgAAvQQAMMgCAQCXBAAh2wIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGeAwEAlwQAIZ8DAQCXBAAhoAMBAKYEACGhAwEAlwQAIaIDAQCXBAAhowMBAJcEACGkAwEAlwQAIaUDAQCmBAAhpgNAAL4EACGnA0AAvgQAIQjKAkAAAAABywJAAAAABcwCQAAAAAXNAkAAAAABzgJAAAAAAc8CQAAAAAHQAkAAAAAB0QJAAJ8EACEDqAMAAAMAIKkDAAADACCqAwAAAwAgA6gDAAAHACCpAwAABwAgqgMAAAcAIAOoAwAADAAgqQMAAAwAIKoDAAAMACADqAMAABAAIKkDAAAQACCqAwAAEAAgA6gDAAAUACCpAwAAFAAgqgMAABQAIAOoAwAAGQAgqQMAABkAIKoDAAAZACADqAMAACMAIKkDAAAjACCqAwAAIwAgA6gDAAAnACCpAwAAJwAgqgMAACcAIAOoAwAAHQAgqQMAAB0AIKoDAAAdACADqAMAAC0AIKkDAAAtACCqAwAALQAgA6gDAAAyACCpAwAAMgAgqgMAADIAIAOoAwAAOQAgqQMAADkAIKoDAAA5ACADqAMAAFYAIKkDAABWACCqAwAAVgAgA6gDAABaACCpAwAAWgAgqgMAAFoAIAOoAwAAXgAgqQMAAF4AIKoDAABeACAC1QIBAAAAAdYCAQAAAAELAwAA0QQAIMUCAADPBAAwxgIAAF4AEMcCAADPBAAwyAIBAJcEACHVAgEAlwQAIdYCAQCXBAAh1wIBAJcEACHYAgIA0AQAIdkCAQCmBAAh2gJAAL4EACEIygICAAAAAcsCAgAAAAXMAgIAAAAFzQICAAAAAc4CAgAAAAHPAgIAAAAB0AICAAAAAdECAgCeBAAhIwYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIBcAAL8EACAYAADABAAgGQAAwwQAIBoAAMsEACAbAADMBAAgHAAAzQQAIMUCAAC9BAAwxgIAAHIAEMcCAAC9BAAwyAIBAJcEACHbAgEAlwQAId8CQACYBAAh4AJAAJgEACGPAwEAlwQAIZ4DAQCXBAAhnwMBAJcEACGgAwEApgQAIaEDAQCXBAAhogMBAJcEACGjAwEAlwQAIaQDAQCXBAAhpQMBAKYEACGmA0AAvgQAIacDQAC-BAAhswMAAHIAILQDAAByACAE1QIBAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAARIDAADRBAAgxQIAANMEADDGAgAAWgAQxwIAANMEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHiAgEAlwQAIeMCAQCXBAAh5AIBAJcEACHlAgEAlwQAIeYCAgDUBAAh5wIBAKYEACHoAkAAvgQAIekCQAC-BAAh6gIBAKYEACHrAiAA1QQAIewCAQCmBAAhCMoCAgAAAAHLAgIAAAAEzAICAAAABM0CAgAAAAHOAgIAAAABzwICAAAAAdACAgAAAAHRAgIAkgQAIQLKAiAAAAAB0QIgAKwEACEC1QIBAAAAAe0CAQAAAAEKAwAA0QQAIMUCAADXBAAwxgIAAFYAEMcCAADXBAAw1QIBAJcEACHtAgEAlwQAIe4CAQCXBAAh7wJAAL4EACHwAgEApgQAIfECQACYBAAhDAMAANEEACAFAADZBAAgxQIAANgEADDGAgAAOQAQxwIAANgEADDIAgEAlwQAIdUCAQCXBAAh8gIBAJcEACHzAgEAlwQAIfQCAQCmBAAh9QJAAJgEACH2AgEApgQAIR0DAADRBAAgBAAA3gQAIAYAAMEEACAKAADCBAAgDAAAxwQAIA0AAMQEACAOAADFBAAgEAAAxgQAIBMAAMkEACAUAADIBAAgFQAAygQAIMUCAADrBAAwxgIAAAcAEMcCAADrBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4AJAAJgEACGPAwEAlwQAIZUDAQCXBAAhlgMBAKYEACGXAwEAlwQAIZgDAQCXBAAhmQMBAKYEACGaA0AAvgQAIZsDQAC-BAAhnANAAL4EACGzAwAABwAgtAMAAAcAIBUDAADRBAAgBQAA2QQAIBIAANsEACDFAgAA2gQAMMYCAAAyABDHAgAA2gQAMMgCAQCXBAAh1QIBAJcEACHiAgEApgQAIeMCAQCXBAAh5QIBAJcEACHyAgEAlwQAIfcCAQCmBAAh-AIBAJcEACH5AkAAmAQAIfoCQAC-BAAh-wJAAL4EACH8AgEApgQAIf0CAQCXBAAh_gIBAKYEACH_AgEAlwQAIRYDAADRBAAgBQAA2QQAIBEAAN4EACATAADJBAAgxQIAAN0EADDGAgAALQAQxwIAAN0EADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIbMDAAAtACC0AwAALQAgAtUCAQAAAAH-AgEAAAABFAMAANEEACAFAADZBAAgEQAA3gQAIBMAAMkEACDFAgAA3QQAMMYCAAAtABDHAgAA3QQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeMCAQCXBAAh8gIBAJcEACH2AgEApgQAIfgCAQCXBAAh_QIBAJcEACH-AgEApgQAIYADAQCXBAAhgQMBAKYEACGCAwEApgQAIYMDQACYBAAhDgMAANEEACAQAADGBAAgFAAAyAQAIBYAAMAEACDFAgAA7QQAMMYCAAADABDHAgAA7QQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIZkDAQCXBAAhnQMBAJcEACGzAwAAAwAgtAMAAAMAIAwDAADRBAAgBQAA2QQAIA8AAN4EACDFAgAA3wQAMMYCAAAnABDHAgAA3wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhigMBAKYEACGLAwEAlwQAIQsDAADRBAAgBQAA2QQAIMUCAADgBAAwxgIAACMAEMcCAADgBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGMAwEAlwQAIY0DAQCXBAAhEAMAANEEACAFAADZBAAgCwAA4gQAIMUCAADhBAAwxgIAAB0AEMcCAADhBAAwyAIBAJcEACHVAgEAlwQAIeMCAQCXBAAh8gIBAJcEACGEAwEApgQAIYUDAQCmBAAhhgMCANQEACGHAwIA1AQAIYgDAgDQBAAhiQMCANQEACEOAwAA0QQAIAUAANkEACAMAADHBAAgxQIAAOMEADDGAgAAGQAQxwIAAOMEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACGzAwAAGQAgtAMAABkAIAwDAADRBAAgBQAA2QQAIAwAAMcEACDFAgAA4wQAMMYCAAAZABDHAgAA4wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjgMBAJcEACGPAwEAlwQAIQLVAgEAAAAB1gIBAAAAAQkDAADRBAAgBwAA5gQAIMUCAADlBAAwxgIAABQAEMcCAADlBAAwyAIBAJcEACHVAgEAlwQAIdYCAQCXBAAhkAMBAJcEACEPAwAA0QQAIAUAANkEACAIAADDBAAgxQIAAOcEADDGAgAAEAAQxwIAAOcEADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY8DAQCXBAAhkQMBAKYEACGSAwEApgQAIbMDAAAQACC0AwAAEAAgDQMAANEEACAFAADZBAAgCAAAwwQAIMUCAADnBAAwxgIAABAAEMcCAADnBAAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGPAwEAlwQAIZEDAQCmBAAhkgMBAKYEACEC1QIBAAAAAZQDAQAAAAEKAwAA0QQAIAUAANkEACDFAgAA6QQAMMYCAAAMABDHAgAA6QQAMMgCAQCXBAAh1QIBAJcEACHyAgEAlwQAIZMDAQCXBAAhlAMBAJcEACEC1QIBAAAAAZUDAQAAAAEbAwAA0QQAIAQAAN4EACAGAADBBAAgCgAAwgQAIAwAAMcEACANAADEBAAgDgAAxQQAIBAAAMYEACATAADJBAAgFAAAyAQAIBUAAMoEACDFAgAA6wQAMMYCAAAHABDHAgAA6wQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGVAwEAlwQAIZYDAQCmBAAhlwMBAJcEACGYAwEAlwQAIZkDAQCmBAAhmgNAAL4EACGbA0AAvgQAIZwDQAC-BAAhAtUCAQAAAAGZAwEAAAABDAMAANEEACAQAADGBAAgFAAAyAQAIBYAAMAEACDFAgAA7QQAMMYCAAADABDHAgAA7QQAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIZkDAQCXBAAhnQMBAJcEACEC2wIBAAAAAZ4DAQAAAAEAAAABuAMBAAAAAQG4A0AAAAABAAAAAAAABbgDAgAAAAG-AwIAAAABvwMCAAAAAcADAgAAAAHBAwIAAAABAbgDAQAAAAEBuANAAAAAAQUpAACqCgAgKgAArQoAILUDAACrCgAgtgMAAKwKACC7AwAAAQAgAykAAKoKACC1AwAAqwoAILsDAAABACAAAAAAAAAAAAW4AwIAAAABvgMCAAAAAb8DAgAAAAHAAwIAAAABwQMCAAAAAQG4AyAAAAABBSkAAKUKACAqAACoCgAgtQMAAKYKACC2AwAApwoAILsDAAABACADKQAApQoAILUDAACmCgAguwMAAAEAIAAAAAUpAACgCgAgKgAAowoAILUDAAChCgAgtgMAAKIKACC7AwAAAQAgAykAAKAKACC1AwAAoQoAILsDAAABACAAAAAFKQAAmAoAICoAAJ4KACC1AwAAmQoAILYDAACdCgAguwMAAAEAIAUpAACWCgAgKgAAmwoAILUDAACXCgAgtgMAAJoKACC7AwAACQAgAykAAJgKACC1AwAAmQoAILsDAAABACADKQAAlgoAILUDAACXCgAguwMAAAkAIAAAAAUpAACLCgAgKgAAlAoAILUDAACMCgAgtgMAAJMKACC7AwAAAQAgBSkAAIkKACAqAACRCgAgtQMAAIoKACC2AwAAkAoAILsDAAAJACAHKQAAhwoAICoAAI4KACC1AwAAiAoAILYDAACNCgAguQMAAC0AILoDAAAtACC7AwAALwAgAykAAIsKACC1AwAAjAoAILsDAAABACADKQAAiQoAILUDAACKCgAguwMAAAkAIAMpAACHCgAgtQMAAIgKACC7AwAALwAgAAAABSkAAPsJACAqAACFCgAgtQMAAPwJACC2AwAAhAoAILsDAAABACAFKQAA-QkAICoAAIIKACC1AwAA-gkAILYDAACBCgAguwMAAAkAIAcpAAD3CQAgKgAA_wkAILUDAAD4CQAgtgMAAP4JACC5AwAAAwAgugMAAAMAILsDAAAFACALKQAApwUAMCoAAKwFADC1AwAAqAUAMLYDAACpBQAwtwMAAKoFACC4AwAAqwUAMLkDAACrBQAwugMAAKsFADC7AwAAqwUAMLwDAACtBQAwvQMAAK4FADAQAwAAnQUAIAUAAJ4FACDIAgEAAAAB1QIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH4AgEAAAAB-QJAAAAAAfoCQAAAAAH7AkAAAAAB_AIBAAAAAf0CAQAAAAH-AgEAAAAB_wIBAAAAAQIAAAA0ACApAACyBQAgAwAAADQAICkAALIFACAqAACxBQAgASIAAP0JADAVAwAA0QQAIAUAANkEACASAADbBAAgxQIAANoEADDGAgAAMgAQxwIAANoEADDIAgEAAAAB1QIBAJcEACHiAgEApgQAIeMCAQCXBAAh5QIBAJcEACHyAgEAlwQAIfcCAQCmBAAh-AIBAJcEACH5AkAAmAQAIfoCQAC-BAAh-wJAAL4EACH8AgEApgQAIf0CAQCXBAAh_gIBAKYEACH_AgEAlwQAIQIAAAA0ACAiAACxBQAgAgAAAK8FACAiAACwBQAgEsUCAACuBQAwxgIAAK8FABDHAgAArgUAMMgCAQCXBAAh1QIBAJcEACHiAgEApgQAIeMCAQCXBAAh5QIBAJcEACHyAgEAlwQAIfcCAQCmBAAh-AIBAJcEACH5AkAAmAQAIfoCQAC-BAAh-wJAAL4EACH8AgEApgQAIf0CAQCXBAAh_gIBAKYEACH_AgEAlwQAIRLFAgAArgUAMMYCAACvBQAQxwIAAK4FADDIAgEAlwQAIdUCAQCXBAAh4gIBAKYEACHjAgEAlwQAIeUCAQCXBAAh8gIBAJcEACH3AgEApgQAIfgCAQCXBAAh-QJAAJgEACH6AkAAvgQAIfsCQAC-BAAh_AIBAKYEACH9AgEAlwQAIf4CAQCmBAAh_wIBAJcEACEOyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh-AIBAPIEACH5AkAA8wQAIfoCQAD8BAAh-wJAAPwEACH8AgEA-wQAIf0CAQDyBAAh_gIBAPsEACH_AgEA8gQAIRADAACaBQAgBQAAmwUAIMgCAQDyBAAh1QIBAPIEACHiAgEA-wQAIeMCAQDyBAAh5QIBAPIEACHyAgEA8gQAIfgCAQDyBAAh-QJAAPMEACH6AkAA_AQAIfsCQAD8BAAh_AIBAPsEACH9AgEA8gQAIf4CAQD7BAAh_wIBAPIEACEQAwAAnQUAIAUAAJ4FACDIAgEAAAAB1QIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH4AgEAAAAB-QJAAAAAAfoCQAAAAAH7AkAAAAAB_AIBAAAAAf0CAQAAAAH-AgEAAAAB_wIBAAAAAQMpAAD7CQAgtQMAAPwJACC7AwAAAQAgAykAAPkJACC1AwAA-gkAILsDAAAJACADKQAA9wkAILUDAAD4CQAguwMAAAUAIAQpAACnBQAwtQMAAKgFADC3AwAAqgUAILsDAACrBQAwAAAAAAAFKQAA7AkAICoAAPUJACC1AwAA7QkAILYDAAD0CQAguwMAAAEAIAUpAADqCQAgKgAA8gkAILUDAADrCQAgtgMAAPEJACC7AwAACQAgBykAAOgJACAqAADvCQAgtQMAAOkJACC2AwAA7gkAILkDAAAZACC6AwAAGQAguwMAABsAIAMpAADsCQAgtQMAAO0JACC7AwAAAQAgAykAAOoJACC1AwAA6wkAILsDAAAJACADKQAA6AkAILUDAADpCQAguwMAABsAIAAAAAUpAADdCQAgKgAA5gkAILUDAADeCQAgtgMAAOUJACC7AwAAAQAgBSkAANsJACAqAADjCQAgtQMAANwJACC2AwAA4gkAILsDAAAJACAHKQAA2QkAICoAAOAJACC1AwAA2gkAILYDAADfCQAguQMAAAMAILoDAAADACC7AwAABQAgAykAAN0JACC1AwAA3gkAILsDAAABACADKQAA2wkAILUDAADcCQAguwMAAAkAIAMpAADZCQAgtQMAANoJACC7AwAABQAgAAAABSkAANEJACAqAADXCQAgtQMAANIJACC2AwAA1gkAILsDAAABACAFKQAAzwkAICoAANQJACC1AwAA0AkAILYDAADTCQAguwMAAAkAIAMpAADRCQAgtQMAANIJACC7AwAAAQAgAykAAM8JACC1AwAA0AkAILsDAAAJACAAAAAFKQAAxgkAICoAAM0JACC1AwAAxwkAILYDAADMCQAguwMAAAEAIAUpAADECQAgKgAAygkAILUDAADFCQAgtgMAAMkJACC7AwAACQAgCykAANgFADAqAADdBQAwtQMAANkFADC2AwAA2gUAMLcDAADbBQAguAMAANwFADC5AwAA3AUAMLoDAADcBQAwuwMAANwFADC8AwAA3gUAML0DAADfBQAwCwMAAL8FACAFAADABQAgyAIBAAAAAdUCAQAAAAHjAgEAAAAB8gIBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABAgAAAB8AICkAAOMFACADAAAAHwAgKQAA4wUAICoAAOIFACABIgAAyAkAMBADAADRBAAgBQAA2QQAIAsAAOIEACDFAgAA4QQAMMYCAAAdABDHAgAA4QQAMMgCAQAAAAHVAgEAlwQAIeMCAQCXBAAh8gIBAJcEACGEAwEApgQAIYUDAQCmBAAhhgMCANQEACGHAwIA1AQAIYgDAgDQBAAhiQMCANQEACECAAAAHwAgIgAA4gUAIAIAAADgBQAgIgAA4QUAIA3FAgAA3wUAMMYCAADgBQAQxwIAAN8FADDIAgEAlwQAIdUCAQCXBAAh4wIBAJcEACHyAgEAlwQAIYQDAQCmBAAhhQMBAKYEACGGAwIA1AQAIYcDAgDUBAAhiAMCANAEACGJAwIA1AQAIQ3FAgAA3wUAMMYCAADgBQAQxwIAAN8FADDIAgEAlwQAIdUCAQCXBAAh4wIBAJcEACHyAgEAlwQAIYQDAQCmBAAhhQMBAKYEACGGAwIA1AQAIYcDAgDUBAAhiAMCANAEACGJAwIA1AQAIQnIAgEA8gQAIdUCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYUDAQD7BAAhhgMCAIcFACGHAwIAhwUAIYgDAgD6BAAhiQMCAIcFACELAwAAvAUAIAUAAL0FACDIAgEA8gQAIdUCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYUDAQD7BAAhhgMCAIcFACGHAwIAhwUAIYgDAgD6BAAhiQMCAIcFACELAwAAvwUAIAUAAMAFACDIAgEAAAAB1QIBAAAAAeMCAQAAAAHyAgEAAAABhQMBAAAAAYYDAgAAAAGHAwIAAAABiAMCAAAAAYkDAgAAAAEDKQAAxgkAILUDAADHCQAguwMAAAEAIAMpAADECQAgtQMAAMUJACC7AwAACQAgBCkAANgFADC1AwAA2QUAMLcDAADbBQAguwMAANwFADAAAAAFKQAAvAkAICoAAMIJACC1AwAAvQkAILYDAADBCQAguwMAAAEAIAUpAAC6CQAgKgAAvwkAILUDAAC7CQAgtgMAAL4JACC7AwAAEgAgAykAALwJACC1AwAAvQkAILsDAAABACADKQAAugkAILUDAAC7CQAguwMAABIAIAAAAAUpAACxCQAgKgAAuAkAILUDAACyCQAgtgMAALcJACC7AwAAAQAgBSkAAK8JACAqAAC1CQAgtQMAALAJACC2AwAAtAkAILsDAAAJACALKQAA9AUAMCoAAPkFADC1AwAA9QUAMLYDAAD2BQAwtwMAAPcFACC4AwAA-AUAMLkDAAD4BQAwugMAAPgFADC7AwAA-AUAMLwDAAD6BQAwvQMAAPsFADAEAwAA7AUAIMgCAQAAAAHVAgEAAAAB1gIBAAAAAQIAAAAWACApAAD_BQAgAwAAABYAICkAAP8FACAqAAD-BQAgASIAALMJADAKAwAA0QQAIAcAAOYEACDFAgAA5QQAMMYCAAAUABDHAgAA5QQAMMgCAQAAAAHVAgEAlwQAIdYCAQCXBAAhkAMBAJcEACGrAwAA5AQAIAIAAAAWACAiAAD-BQAgAgAAAPwFACAiAAD9BQAgB8UCAAD7BQAwxgIAAPwFABDHAgAA-wUAMMgCAQCXBAAh1QIBAJcEACHWAgEAlwQAIZADAQCXBAAhB8UCAAD7BQAwxgIAAPwFABDHAgAA-wUAMMgCAQCXBAAh1QIBAJcEACHWAgEAlwQAIZADAQCXBAAhA8gCAQDyBAAh1QIBAPIEACHWAgEA8gQAIQQDAADqBQAgyAIBAPIEACHVAgEA8gQAIdYCAQDyBAAhBAMAAOwFACDIAgEAAAAB1QIBAAAAAdYCAQAAAAEDKQAAsQkAILUDAACyCQAguwMAAAEAIAMpAACvCQAgtQMAALAJACC7AwAACQAgBCkAAPQFADC1AwAA9QUAMLcDAAD3BQAguwMAAPgFADAAAAAFKQAApwkAICoAAK0JACC1AwAAqAkAILYDAACsCQAguwMAAAEAIAUpAAClCQAgKgAAqgkAILUDAACmCQAgtgMAAKkJACC7AwAACQAgAykAAKcJACC1AwAAqAkAILsDAAABACADKQAApQkAILUDAACmCQAguwMAAAkAIAAAAAUpAACUCQAgKgAAowkAILUDAACVCQAgtgMAAKIJACC7AwAAAQAgBykAAJIJACAqAACgCQAgtQMAAJMJACC2AwAAnwkAILkDAAADACC6AwAAAwAguwMAAAUAIAspAADyBgAwKgAA9wYAMLUDAADzBgAwtgMAAPQGADC3AwAA9QYAILgDAAD2BgAwuQMAAPYGADC6AwAA9gYAMLsDAAD2BgAwvAMAAPgGADC9AwAA-QYAMAspAADmBgAwKgAA6wYAMLUDAADnBgAwtgMAAOgGADC3AwAA6QYAILgDAADqBgAwuQMAAOoGADC6AwAA6gYAMLsDAADqBgAwvAMAAOwGADC9AwAA7QYAMAspAADaBgAwKgAA3wYAMLUDAADbBgAwtgMAANwGADC3AwAA3QYAILgDAADeBgAwuQMAAN4GADC6AwAA3gYAMLsDAADeBgAwvAMAAOAGADC9AwAA4QYAMAspAADOBgAwKgAA0wYAMLUDAADPBgAwtgMAANAGADC3AwAA0QYAILgDAADSBgAwuQMAANIGADC6AwAA0gYAMLsDAADSBgAwvAMAANQGADC9AwAA1QYAMAspAADCBgAwKgAAxwYAMLUDAADDBgAwtgMAAMQGADC3AwAAxQYAILgDAADGBgAwuQMAAMYGADC6AwAAxgYAMLsDAADGBgAwvAMAAMgGADC9AwAAyQYAMAspAAC5BgAwKgAAvQYAMLUDAAC6BgAwtgMAALsGADC3AwAAvAYAILgDAADcBQAwuQMAANwFADC6AwAA3AUAMLsDAADcBQAwvAMAAL4GADC9AwAA3wUAMAspAACtBgAwKgAAsgYAMLUDAACuBgAwtgMAAK8GADC3AwAAsAYAILgDAACxBgAwuQMAALEGADC6AwAAsQYAMLsDAACxBgAwvAMAALMGADC9AwAAtAYAMAspAACkBgAwKgAAqAYAMLUDAAClBgAwtgMAAKYGADC3AwAApwYAILgDAACrBQAwuQMAAKsFADC6AwAAqwUAMLsDAACrBQAwvAMAAKkGADC9AwAArgUAMAspAACYBgAwKgAAnQYAMLUDAACZBgAwtgMAAJoGADC3AwAAmwYAILgDAACcBgAwuQMAAJwGADC6AwAAnAYAMLsDAACcBgAwvAMAAJ4GADC9AwAAnwYAMAcDAACVBQAgyAIBAAAAAdUCAQAAAAHzAgEAAAAB9AIBAAAAAfUCQAAAAAH2AgEAAAABAgAAADsAICkAAKMGACADAAAAOwAgKQAAowYAICoAAKIGACABIgAAngkAMAwDAADRBAAgBQAA2QQAIMUCAADYBAAwxgIAADkAEMcCAADYBAAwyAIBAAAAAdUCAQCXBAAh8gIBAJcEACHzAgEAlwQAIfQCAQCmBAAh9QJAAJgEACH2AgEApgQAIQIAAAA7ACAiAACiBgAgAgAAAKAGACAiAAChBgAgCsUCAACfBgAwxgIAAKAGABDHAgAAnwYAMMgCAQCXBAAh1QIBAJcEACHyAgEAlwQAIfMCAQCXBAAh9AIBAKYEACH1AkAAmAQAIfYCAQCmBAAhCsUCAACfBgAwxgIAAKAGABDHAgAAnwYAMMgCAQCXBAAh1QIBAJcEACHyAgEAlwQAIfMCAQCXBAAh9AIBAKYEACH1AkAAmAQAIfYCAQCmBAAhBsgCAQDyBAAh1QIBAPIEACHzAgEA8gQAIfQCAQD7BAAh9QJAAPMEACH2AgEA-wQAIQcDAACTBQAgyAIBAPIEACHVAgEA8gQAIfMCAQDyBAAh9AIBAPsEACH1AkAA8wQAIfYCAQD7BAAhBwMAAJUFACDIAgEAAAAB1QIBAAAAAfMCAQAAAAH0AgEAAAAB9QJAAAAAAfYCAQAAAAEQAwAAnQUAIBIAAJ8FACDIAgEAAAAB1QIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfcCAQAAAAH4AgEAAAAB-QJAAAAAAfoCQAAAAAH7AkAAAAAB_AIBAAAAAf0CAQAAAAH-AgEAAAAB_wIBAAAAAQIAAAA0ACApAACsBgAgAwAAADQAICkAAKwGACAqAACrBgAgASIAAJ0JADACAAAANAAgIgAAqwYAIAIAAACvBQAgIgAAqgYAIA7IAgEA8gQAIdUCAQDyBAAh4gIBAPsEACHjAgEA8gQAIeUCAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhEAMAAJoFACASAACcBQAgyAIBAPIEACHVAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfcCAQD7BAAh-AIBAPIEACH5AkAA8wQAIfoCQAD8BAAh-wJAAPwEACH8AgEA-wQAIf0CAQDyBAAh_gIBAPsEACH_AgEA8gQAIRADAACdBQAgEgAAnwUAIMgCAQAAAAHVAgEAAAAB4gIBAAAAAeMCAQAAAAHlAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABDwMAALMFACARAAC1BQAgEwAAtgUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeMCAQAAAAH2AgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQIAAAAvACApAAC4BgAgAwAAAC8AICkAALgGACAqAAC3BgAgASIAAJwJADAVAwAA0QQAIAUAANkEACARAADeBAAgEwAAyQQAIMUCAADdBAAwxgIAAC0AEMcCAADdBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHjAgEAlwQAIfICAQCXBAAh9gIBAKYEACH4AgEAlwQAIf0CAQCXBAAh_gIBAKYEACGAAwEAlwQAIYEDAQCmBAAhggMBAKYEACGDA0AAmAQAIa4DAADcBAAgAgAAAC8AICIAALcGACACAAAAtQYAICIAALYGACAQxQIAALQGADDGAgAAtQYAEMcCAAC0BgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4wIBAJcEACHyAgEAlwQAIfYCAQCmBAAh-AIBAJcEACH9AgEAlwQAIf4CAQCmBAAhgAMBAJcEACGBAwEApgQAIYIDAQCmBAAhgwNAAJgEACEQxQIAALQGADDGAgAAtQYAEMcCAAC0BgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4wIBAJcEACHyAgEAlwQAIfYCAQCmBAAh-AIBAJcEACH9AgEAlwQAIf4CAQCmBAAhgAMBAJcEACGBAwEApgQAIYIDAQCmBAAhgwNAAJgEACEMyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACH2AgEA-wQAIfgCAQDyBAAh_QIBAPIEACH-AgEA-wQAIYADAQDyBAAhgQMBAPsEACGCAwEA-wQAIYMDQADzBAAhDwMAAKMFACARAAClBQAgEwAApgUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeMCAQDyBAAh9gIBAPsEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQ8DAACzBQAgEQAAtQUAIBMAALYFACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHjAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAELAwAAvwUAIAsAAMEFACDIAgEAAAAB1QIBAAAAAeMCAQAAAAGEAwEAAAABhQMBAAAAAYYDAgAAAAGHAwIAAAABiAMCAAAAAYkDAgAAAAECAAAAHwAgKQAAwQYAIAMAAAAfACApAADBBgAgKgAAwAYAIAEiAACbCQAwAgAAAB8AICIAAMAGACACAAAA4AUAICIAAL8GACAJyAIBAPIEACHVAgEA8gQAIeMCAQDyBAAhhAMBAPsEACGFAwEA-wQAIYYDAgCHBQAhhwMCAIcFACGIAwIA-gQAIYkDAgCHBQAhCwMAALwFACALAAC-BQAgyAIBAPIEACHVAgEA8gQAIeMCAQDyBAAhhAMBAPsEACGFAwEA-wQAIYYDAgCHBQAhhwMCAIcFACGIAwIA-gQAIYkDAgCHBQAhCwMAAL8FACALAADBBQAgyAIBAAAAAdUCAQAAAAHjAgEAAAABhAMBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABBwMAAMgFACAPAADKBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABigMBAAAAAYsDAQAAAAECAAAAKQAgKQAAzQYAIAMAAAApACApAADNBgAgKgAAzAYAIAEiAACaCQAwDAMAANEEACAFAADZBAAgDwAA3gQAIMUCAADfBAAwxgIAACcAEMcCAADfBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYoDAQCmBAAhiwMBAJcEACECAAAAKQAgIgAAzAYAIAIAAADKBgAgIgAAywYAIAnFAgAAyQYAMMYCAADKBgAQxwIAAMkGADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYoDAQCmBAAhiwMBAJcEACEJxQIAAMkGADDGAgAAygYAEMcCAADJBgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGKAwEApgQAIYsDAQCXBAAhBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIYoDAQD7BAAhiwMBAPIEACEHAwAAxQUAIA8AAMcFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGKAwEA-wQAIYsDAQDyBAAhBwMAAMgFACAPAADKBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABigMBAAAAAYsDAQAAAAEGAwAA0AUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAYwDAQAAAAGNAwEAAAABAgAAACUAICkAANkGACADAAAAJQAgKQAA2QYAICoAANgGACABIgAAmQkAMAsDAADRBAAgBQAA2QQAIMUCAADgBAAwxgIAACMAEMcCAADgBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYwDAQCXBAAhjQMBAJcEACECAAAAJQAgIgAA2AYAIAIAAADWBgAgIgAA1wYAIAnFAgAA1QYAMMYCAADWBgAQxwIAANUGADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIYwDAQCXBAAhjQMBAJcEACEJxQIAANUGADDGAgAA1gYAEMcCAADVBgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGMAwEAlwQAIY0DAQCXBAAhBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIYwDAQDyBAAhjQMBAPIEACEGAwAAzgUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIYwDAQDyBAAhjQMBAPIEACEGAwAA0AUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAYwDAQAAAAGNAwEAAAABBwMAAOQFACAMAADmBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABjgMBAAAAAY8DAQAAAAECAAAAGwAgKQAA5QYAIAMAAAAbACApAADlBgAgKgAA5AYAIAEiAACYCQAwDAMAANEEACAFAADZBAAgDAAAxwQAIMUCAADjBAAwxgIAABkAEMcCAADjBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACECAAAAGwAgIgAA5AYAIAIAAADiBgAgIgAA4wYAIAnFAgAA4QYAMMYCAADiBgAQxwIAAOEGADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY4DAQCXBAAhjwMBAJcEACEJxQIAAOEGADDGAgAA4gYAEMcCAADhBgAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh8gIBAJcEACGOAwEAlwQAIY8DAQCXBAAhBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIY4DAQDyBAAhjwMBAPIEACEHAwAA1QUAIAwAANcFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGOAwEA8gQAIY8DAQDyBAAhBwMAAOQFACAMAADmBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAABjgMBAAAAAY8DAQAAAAEIAwAAgAYAIAgAAIIGACDIAgEAAAAB1QIBAAAAAd8CQAAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAECAAAAEgAgKQAA8QYAIAMAAAASACApAADxBgAgKgAA8AYAIAEiAACXCQAwDQMAANEEACAFAADZBAAgCAAAwwQAIMUCAADnBAAwxgIAABAAEMcCAADnBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACHyAgEAlwQAIY8DAQCXBAAhkQMBAKYEACGSAwEApgQAIQIAAAASACAiAADwBgAgAgAAAO4GACAiAADvBgAgCsUCAADtBgAwxgIAAO4GABDHAgAA7QYAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjwMBAJcEACGRAwEApgQAIZIDAQCmBAAhCsUCAADtBgAwxgIAAO4GABDHAgAA7QYAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIfICAQCXBAAhjwMBAJcEACGRAwEApgQAIZIDAQCmBAAhBsgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQgDAADxBQAgCAAA8wUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQgDAACABgAgCAAAggYAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAY8DAQAAAAGRAwEAAAABkgMBAAAAAQUDAACIBgAgyAIBAAAAAdUCAQAAAAGTAwEAAAABlAMBAAAAAQIAAAAOACApAAD9BgAgAwAAAA4AICkAAP0GACAqAAD8BgAgASIAAJYJADALAwAA0QQAIAUAANkEACDFAgAA6QQAMMYCAAAMABDHAgAA6QQAMMgCAQAAAAHVAgEAlwQAIfICAQCXBAAhkwMBAJcEACGUAwEAlwQAIa8DAADoBAAgAgAAAA4AICIAAPwGACACAAAA-gYAICIAAPsGACAIxQIAAPkGADDGAgAA-gYAEMcCAAD5BgAwyAIBAJcEACHVAgEAlwQAIfICAQCXBAAhkwMBAJcEACGUAwEAlwQAIQjFAgAA-QYAMMYCAAD6BgAQxwIAAPkGADDIAgEAlwQAIdUCAQCXBAAh8gIBAJcEACGTAwEAlwQAIZQDAQCXBAAhBMgCAQDyBAAh1QIBAPIEACGTAwEA8gQAIZQDAQDyBAAhBQMAAIYGACDIAgEA8gQAIdUCAQDyBAAhkwMBAPIEACGUAwEA8gQAIQUDAACIBgAgyAIBAAAAAdUCAQAAAAGTAwEAAAABlAMBAAAAAQMpAACUCQAgtQMAAJUJACC7AwAAAQAgAykAAJIJACC1AwAAkwkAILsDAAAFACAEKQAA8gYAMLUDAADzBgAwtwMAAPUGACC7AwAA9gYAMAQpAADmBgAwtQMAAOcGADC3AwAA6QYAILsDAADqBgAwBCkAANoGADC1AwAA2wYAMLcDAADdBgAguwMAAN4GADAEKQAAzgYAMLUDAADPBgAwtwMAANEGACC7AwAA0gYAMAQpAADCBgAwtQMAAMMGADC3AwAAxQYAILsDAADGBgAwBCkAALkGADC1AwAAugYAMLcDAAC8BgAguwMAANwFADAEKQAArQYAMLUDAACuBgAwtwMAALAGACC7AwAAsQYAMAQpAACkBgAwtQMAAKUGADC3AwAApwYAILsDAACrBQAwBCkAAJgGADC1AwAAmQYAMLcDAACbBgAguwMAAJwGADAAAAAFKQAAigkAICoAAJAJACC1AwAAiwkAILYDAACPCQAguwMAAAEAIAspAACiBwAwKgAApwcAMLUDAACjBwAwtgMAAKQHADC3AwAApQcAILgDAACmBwAwuQMAAKYHADC6AwAApgcAMLsDAACmBwAwvAMAAKgHADC9AwAAqQcAMAspAACZBwAwKgAAnQcAMLUDAACaBwAwtgMAAJsHADC3AwAAnAcAILgDAACxBgAwuQMAALEGADC6AwAAsQYAMLsDAACxBgAwvAMAAJ4HADC9AwAAtAYAMAspAACQBwAwKgAAlAcAMLUDAACRBwAwtgMAAJIHADC3AwAAkwcAILgDAADGBgAwuQMAAMYGADC6AwAAxgYAMLsDAADGBgAwvAMAAJUHADC9AwAAyQYAMAcDAADIBQAgBQAAyQUAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAfICAQAAAAGLAwEAAAABAgAAACkAICkAAJgHACADAAAAKQAgKQAAmAcAICoAAJcHACABIgAAjgkAMAIAAAApACAiAACXBwAgAgAAAMoGACAiAACWBwAgBcgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhiwMBAPIEACEHAwAAxQUAIAUAAMYFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYsDAQDyBAAhBwMAAMgFACAFAADJBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAYsDAQAAAAEPAwAAswUAIAUAALQFACATAAC2BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABAgAAAC8AICkAAKEHACADAAAALwAgKQAAoQcAICoAAKAHACABIgAAjQkAMAIAAAAvACAiAACgBwAgAgAAALUGACAiAACfBwAgDMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeMCAQDyBAAh8gIBAPIEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQ8DAACjBQAgBQAApAUAIBMAAKYFACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHjAgEA8gQAIfICAQDyBAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEPAwAAswUAIAUAALQFACATAAC2BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABFgMAAP4GACAGAACABwAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBAAAIQHACATAACHBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAArQcAIAMAAAAJACApAACtBwAgKgAArAcAIAEiAACMCQAwHAMAANEEACAEAADeBAAgBgAAwQQAIAoAAMIEACAMAADHBAAgDQAAxAQAIA4AAMUEACAQAADGBAAgEwAAyQQAIBQAAMgEACAVAADKBAAgxQIAAOsEADDGAgAABwAQxwIAAOsEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIeACQACYBAAhjwMBAJcEACGVAwEAlwQAIZYDAQCmBAAhlwMBAJcEACGYAwEAlwQAIZkDAQCmBAAhmgNAAL4EACGbA0AAvgQAIZwDQAC-BAAhsAMAAOoEACACAAAACQAgIgAArAcAIAIAAACqBwAgIgAAqwcAIBDFAgAAqQcAMMYCAACqBwAQxwIAAKkHADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhlQMBAJcEACGWAwEApgQAIZcDAQCXBAAhmAMBAJcEACGZAwEApgQAIZoDQAC-BAAhmwNAAL4EACGcA0AAvgQAIRDFAgAAqQcAMMYCAACqBwAQxwIAAKkHADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACHgAkAAmAQAIY8DAQCXBAAhlQMBAJcEACGWAwEApgQAIZcDAQCXBAAhmAMBAJcEACGZAwEApgQAIZoDQAC-BAAhmwNAAL4EACGcA0AAvgQAIQzIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEWAwAAjQYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRYDAAD-BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAykAAIoJACC1AwAAiwkAILsDAAABACAEKQAAogcAMLUDAACjBwAwtwMAAKUHACC7AwAApgcAMAQpAACZBwAwtQMAAJoHADC3AwAAnAcAILsDAACxBgAwBCkAAJAHADC1AwAAkQcAMLcDAACTBwAguwMAAMYGADAAAAALKQAAywgAMCoAANAIADC1AwAAzAgAMLYDAADNCAAwtwMAAM4IACC4AwAAzwgAMLkDAADPCAAwugMAAM8IADC7AwAAzwgAMLwDAADRCAAwvQMAANIIADALKQAAwggAMCoAAMYIADC1AwAAwwgAMLYDAADECAAwtwMAAMUIACC4AwAApgcAMLkDAACmBwAwugMAAKYHADC7AwAApgcAMLwDAADHCAAwvQMAAKkHADALKQAAuQgAMCoAAL0IADC1AwAAuggAMLYDAAC7CAAwtwMAALwIACC4AwAA9gYAMLkDAAD2BgAwugMAAPYGADC7AwAA9gYAMLwDAAC-CAAwvQMAAPkGADALKQAAsAgAMCoAALQIADC1AwAAsQgAMLYDAACyCAAwtwMAALMIACC4AwAA6gYAMLkDAADqBgAwugMAAOoGADC7AwAA6gYAMLwDAAC1CAAwvQMAAO0GADALKQAApwgAMCoAAKsIADC1AwAAqAgAMLYDAACpCAAwtwMAAKoIACC4AwAA-AUAMLkDAAD4BQAwugMAAPgFADC7AwAA-AUAMLwDAACsCAAwvQMAAPsFADALKQAAnggAMCoAAKIIADC1AwAAnwgAMLYDAACgCAAwtwMAAKEIACC4AwAA3gYAMLkDAADeBgAwugMAAN4GADC7AwAA3gYAMLwDAACjCAAwvQMAAOEGADALKQAAlQgAMCoAAJkIADC1AwAAlggAMLYDAACXCAAwtwMAAJgIACC4AwAA0gYAMLkDAADSBgAwugMAANIGADC7AwAA0gYAMLwDAACaCAAwvQMAANUGADALKQAAjAgAMCoAAJAIADC1AwAAjQgAMLYDAACOCAAwtwMAAI8IACC4AwAAxgYAMLkDAADGBgAwugMAAMYGADC7AwAAxgYAMLwDAACRCAAwvQMAAMkGADALKQAAgwgAMCoAAIcIADC1AwAAhAgAMLYDAACFCAAwtwMAAIYIACC4AwAA3AUAMLkDAADcBQAwugMAANwFADC7AwAA3AUAMLwDAACICAAwvQMAAN8FADALKQAA-gcAMCoAAP4HADC1AwAA-wcAMLYDAAD8BwAwtwMAAP0HACC4AwAAsQYAMLkDAACxBgAwugMAALEGADC7AwAAsQYAMLwDAAD_BwAwvQMAALQGADALKQAA8QcAMCoAAPUHADC1AwAA8gcAMLYDAADzBwAwtwMAAPQHACC4AwAAqwUAMLkDAACrBQAwugMAAKsFADC7AwAAqwUAMLwDAAD2BwAwvQMAAK4FADALKQAA6AcAMCoAAOwHADC1AwAA6QcAMLYDAADqBwAwtwMAAOsHACC4AwAAnAYAMLkDAACcBgAwugMAAJwGADC7AwAAnAYAMLwDAADtBwAwvQMAAJ8GADALKQAA3AcAMCoAAOEHADC1AwAA3QcAMLYDAADeBwAwtwMAAN8HACC4AwAA4AcAMLkDAADgBwAwugMAAOAHADC7AwAA4AcAMLwDAADiBwAwvQMAAOMHADALKQAA0AcAMCoAANUHADC1AwAA0QcAMLYDAADSBwAwtwMAANMHACC4AwAA1AcAMLkDAADUBwAwugMAANQHADC7AwAA1AcAMLwDAADWBwAwvQMAANcHADALKQAAxAcAMCoAAMkHADC1AwAAxQcAMLYDAADGBwAwtwMAAMcHACC4AwAAyAcAMLkDAADIBwAwugMAAMgHADC7AwAAyAcAMLwDAADKBwAwvQMAAMsHADAGyAIBAAAAAdYCAQAAAAHXAgEAAAAB2AICAAAAAdkCAQAAAAHaAkAAAAABAgAAAGAAICkAAM8HACADAAAAYAAgKQAAzwcAICoAAM4HACABIgAAiQkAMAwDAADRBAAgxQIAAM8EADDGAgAAXgAQxwIAAM8EADDIAgEAAAAB1QIBAJcEACHWAgEAlwQAIdcCAQCXBAAh2AICANAEACHZAgEApgQAIdoCQAC-BAAhqwMAAM4EACACAAAAYAAgIgAAzgcAIAIAAADMBwAgIgAAzQcAIArFAgAAywcAMMYCAADMBwAQxwIAAMsHADDIAgEAlwQAIdUCAQCXBAAh1gIBAJcEACHXAgEAlwQAIdgCAgDQBAAh2QIBAKYEACHaAkAAvgQAIQrFAgAAywcAMMYCAADMBwAQxwIAAMsHADDIAgEAlwQAIdUCAQCXBAAh1gIBAJcEACHXAgEAlwQAIdgCAgDQBAAh2QIBAKYEACHaAkAAvgQAIQbIAgEA8gQAIdYCAQDyBAAh1wIBAPIEACHYAgIA-gQAIdkCAQD7BAAh2gJAAPwEACEGyAIBAPIEACHWAgEA8gQAIdcCAQDyBAAh2AICAPoEACHZAgEA-wQAIdoCQAD8BAAhBsgCAQAAAAHWAgEAAAAB1wIBAAAAAdgCAgAAAAHZAgEAAAAB2gJAAAAAAQ3IAgEAAAAB3wJAAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAAeUCAQAAAAHmAgIAAAAB5wIBAAAAAegCQAAAAAHpAkAAAAAB6gIBAAAAAesCIAAAAAHsAgEAAAABAgAAAFwAICkAANsHACADAAAAXAAgKQAA2wcAICoAANoHACABIgAAiAkAMBMDAADRBAAgxQIAANMEADDGAgAAWgAQxwIAANMEADDIAgEAAAAB1QIBAJcEACHfAkAAmAQAIeICAQCXBAAh4wIBAJcEACHkAgEAlwQAIeUCAQCXBAAh5gICANQEACHnAgEApgQAIegCQAC-BAAh6QJAAL4EACHqAgEApgQAIesCIADVBAAh7AIBAKYEACGsAwAA0gQAIAIAAABcACAiAADaBwAgAgAAANgHACAiAADZBwAgEcUCAADXBwAwxgIAANgHABDHAgAA1wcAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIeICAQCXBAAh4wIBAJcEACHkAgEAlwQAIeUCAQCXBAAh5gICANQEACHnAgEApgQAIegCQAC-BAAh6QJAAL4EACHqAgEApgQAIesCIADVBAAh7AIBAKYEACERxQIAANcHADDGAgAA2AcAEMcCAADXBwAwyAIBAJcEACHVAgEAlwQAId8CQACYBAAh4gIBAJcEACHjAgEAlwQAIeQCAQCXBAAh5QIBAJcEACHmAgIA1AQAIecCAQCmBAAh6AJAAL4EACHpAkAAvgQAIeoCAQCmBAAh6wIgANUEACHsAgEApgQAIQ3IAgEA8gQAId8CQADzBAAh4gIBAPIEACHjAgEA8gQAIeQCAQDyBAAh5QIBAPIEACHmAgIAhwUAIecCAQD7BAAh6AJAAPwEACHpAkAA_AQAIeoCAQD7BAAh6wIgAIgFACHsAgEA-wQAIQ3IAgEA8gQAId8CQADzBAAh4gIBAPIEACHjAgEA8gQAIeQCAQDyBAAh5QIBAPIEACHmAgIAhwUAIecCAQD7BAAh6AJAAPwEACHpAkAA_AQAIeoCAQD7BAAh6wIgAIgFACHsAgEA-wQAIQ3IAgEAAAAB3wJAAAAAAeICAQAAAAHjAgEAAAAB5AIBAAAAAeUCAQAAAAHmAgIAAAAB5wIBAAAAAegCQAAAAAHpAkAAAAAB6gIBAAAAAesCIAAAAAHsAgEAAAABBe0CAQAAAAHuAgEAAAAB7wJAAAAAAfACAQAAAAHxAkAAAAABAgAAAFgAICkAAOcHACADAAAAWAAgKQAA5wcAICoAAOYHACABIgAAhwkAMAsDAADRBAAgxQIAANcEADDGAgAAVgAQxwIAANcEADDVAgEAlwQAIe0CAQCXBAAh7gIBAJcEACHvAkAAvgQAIfACAQCmBAAh8QJAAJgEACGtAwAA1gQAIAIAAABYACAiAADmBwAgAgAAAOQHACAiAADlBwAgCcUCAADjBwAwxgIAAOQHABDHAgAA4wcAMNUCAQCXBAAh7QIBAJcEACHuAgEAlwQAIe8CQAC-BAAh8AIBAKYEACHxAkAAmAQAIQnFAgAA4wcAMMYCAADkBwAQxwIAAOMHADDVAgEAlwQAIe0CAQCXBAAh7gIBAJcEACHvAkAAvgQAIfACAQCmBAAh8QJAAJgEACEF7QIBAPIEACHuAgEA8gQAIe8CQAD8BAAh8AIBAPsEACHxAkAA8wQAIQXtAgEA8gQAIe4CAQDyBAAh7wJAAPwEACHwAgEA-wQAIfECQADzBAAhBe0CAQAAAAHuAgEAAAAB7wJAAAAAAfACAQAAAAHxAkAAAAABBwUAAJYFACDIAgEAAAAB8gIBAAAAAfMCAQAAAAH0AgEAAAAB9QJAAAAAAfYCAQAAAAECAAAAOwAgKQAA8AcAIAMAAAA7ACApAADwBwAgKgAA7wcAIAEiAACGCQAwAgAAADsAICIAAO8HACACAAAAoAYAICIAAO4HACAGyAIBAPIEACHyAgEA8gQAIfMCAQDyBAAh9AIBAPsEACH1AkAA8wQAIfYCAQD7BAAhBwUAAJQFACDIAgEA8gQAIfICAQDyBAAh8wIBAPIEACH0AgEA-wQAIfUCQADzBAAh9gIBAPsEACEHBQAAlgUAIMgCAQAAAAHyAgEAAAAB8wIBAAAAAfQCAQAAAAH1AkAAAAAB9gIBAAAAARAFAACeBQAgEgAAnwUAIMgCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB9wIBAAAAAfgCAQAAAAH5AkAAAAAB-gJAAAAAAfsCQAAAAAH8AgEAAAAB_QIBAAAAAf4CAQAAAAH_AgEAAAABAgAAADQAICkAAPkHACADAAAANAAgKQAA-QcAICoAAPgHACABIgAAhQkAMAIAAAA0ACAiAAD4BwAgAgAAAK8FACAiAAD3BwAgDsgCAQDyBAAh4gIBAPsEACHjAgEA8gQAIeUCAQDyBAAh8gIBAPIEACH3AgEA-wQAIfgCAQDyBAAh-QJAAPMEACH6AkAA_AQAIfsCQAD8BAAh_AIBAPsEACH9AgEA8gQAIf4CAQD7BAAh_wIBAPIEACEQBQAAmwUAIBIAAJwFACDIAgEA8gQAIeICAQD7BAAh4wIBAPIEACHlAgEA8gQAIfICAQDyBAAh9wIBAPsEACH4AgEA8gQAIfkCQADzBAAh-gJAAPwEACH7AkAA_AQAIfwCAQD7BAAh_QIBAPIEACH-AgEA-wQAIf8CAQDyBAAhEAUAAJ4FACASAACfBQAgyAIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH3AgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEPBQAAtAUAIBEAALUFACATAAC2BQAgyAIBAAAAAd8CQAAAAAHjAgEAAAAB8gIBAAAAAfYCAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABAgAAAC8AICkAAIIIACADAAAALwAgKQAAgggAICoAAIEIACABIgAAhAkAMAIAAAAvACAiAACBCAAgAgAAALUGACAiAACACAAgDMgCAQDyBAAh3wJAAPMEACHjAgEA8gQAIfICAQDyBAAh9gIBAPsEACH4AgEA8gQAIf0CAQDyBAAh_gIBAPsEACGAAwEA8gQAIYEDAQD7BAAhggMBAPsEACGDA0AA8wQAIQ8FAACkBQAgEQAApQUAIBMAAKYFACDIAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEPBQAAtAUAIBEAALUFACATAAC2BQAgyAIBAAAAAd8CQAAAAAHjAgEAAAAB8gIBAAAAAfYCAQAAAAH4AgEAAAAB_QIBAAAAAf4CAQAAAAGAAwEAAAABgQMBAAAAAYIDAQAAAAGDA0AAAAABCwUAAMAFACALAADBBQAgyAIBAAAAAeMCAQAAAAHyAgEAAAABhAMBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABAgAAAB8AICkAAIsIACADAAAAHwAgKQAAiwgAICoAAIoIACABIgAAgwkAMAIAAAAfACAiAACKCAAgAgAAAOAFACAiAACJCAAgCcgCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYQDAQD7BAAhhQMBAPsEACGGAwIAhwUAIYcDAgCHBQAhiAMCAPoEACGJAwIAhwUAIQsFAAC9BQAgCwAAvgUAIMgCAQDyBAAh4wIBAPIEACHyAgEA8gQAIYQDAQD7BAAhhQMBAPsEACGGAwIAhwUAIYcDAgCHBQAhiAMCAPoEACGJAwIAhwUAIQsFAADABQAgCwAAwQUAIMgCAQAAAAHjAgEAAAAB8gIBAAAAAYQDAQAAAAGFAwEAAAABhgMCAAAAAYcDAgAAAAGIAwIAAAABiQMCAAAAAQcFAADJBQAgDwAAygUAIMgCAQAAAAHfAkAAAAAB8gIBAAAAAYoDAQAAAAGLAwEAAAABAgAAACkAICkAAJQIACADAAAAKQAgKQAAlAgAICoAAJMIACABIgAAggkAMAIAAAApACAiAACTCAAgAgAAAMoGACAiAACSCAAgBcgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYoDAQD7BAAhiwMBAPIEACEHBQAAxgUAIA8AAMcFACDIAgEA8gQAId8CQADzBAAh8gIBAPIEACGKAwEA-wQAIYsDAQDyBAAhBwUAAMkFACAPAADKBQAgyAIBAAAAAd8CQAAAAAHyAgEAAAABigMBAAAAAYsDAQAAAAEGBQAA0QUAIMgCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABAgAAACUAICkAAJ0IACADAAAAJQAgKQAAnQgAICoAAJwIACABIgAAgQkAMAIAAAAlACAiAACcCAAgAgAAANYGACAiAACbCAAgBcgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYwDAQDyBAAhjQMBAPIEACEGBQAAzwUAIMgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIYwDAQDyBAAhjQMBAPIEACEGBQAA0QUAIMgCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABBwUAAOUFACAMAADmBQAgyAIBAAAAAd8CQAAAAAHyAgEAAAABjgMBAAAAAY8DAQAAAAECAAAAGwAgKQAApggAIAMAAAAbACApAACmCAAgKgAApQgAIAEiAACACQAwAgAAABsAICIAAKUIACACAAAA4gYAICIAAKQIACAFyAIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQcFAADWBQAgDAAA1wUAIMgCAQDyBAAh3wJAAPMEACHyAgEA8gQAIY4DAQDyBAAhjwMBAPIEACEHBQAA5QUAIAwAAOYFACDIAgEAAAAB3wJAAAAAAfICAQAAAAGOAwEAAAABjwMBAAAAAQQHAADtBQAgyAIBAAAAAdYCAQAAAAGQAwEAAAABAgAAABYAICkAAK8IACADAAAAFgAgKQAArwgAICoAAK4IACABIgAA_wgAMAIAAAAWACAiAACuCAAgAgAAAPwFACAiAACtCAAgA8gCAQDyBAAh1gIBAPIEACGQAwEA8gQAIQQHAADrBQAgyAIBAPIEACHWAgEA8gQAIZADAQDyBAAhBAcAAO0FACDIAgEAAAAB1gIBAAAAAZADAQAAAAEIBQAAgQYAIAgAAIIGACDIAgEAAAAB3wJAAAAAAfICAQAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAECAAAAEgAgKQAAuAgAIAMAAAASACApAAC4CAAgKgAAtwgAIAEiAAD-CAAwAgAAABIAICIAALcIACACAAAA7gYAICIAALYIACAGyAIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhCAUAAPIFACAIAADzBQAgyAIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhCAUAAIEGACAIAACCBgAgyAIBAAAAAd8CQAAAAAHyAgEAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABBQUAAIkGACDIAgEAAAAB8gIBAAAAAZMDAQAAAAGUAwEAAAABAgAAAA4AICkAAMEIACADAAAADgAgKQAAwQgAICoAAMAIACABIgAA_QgAMAIAAAAOACAiAADACAAgAgAAAPoGACAiAAC_CAAgBMgCAQDyBAAh8gIBAPIEACGTAwEA8gQAIZQDAQDyBAAhBQUAAIcGACDIAgEA8gQAIfICAQDyBAAhkwMBAPIEACGUAwEA8gQAIQUFAACJBgAgyAIBAAAAAfICAQAAAAGTAwEAAAABlAMBAAAAARYEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAMoIACADAAAACQAgKQAAyggAICoAAMkIACABIgAA_AgAMAIAAAAJACAiAADJCAAgAgAAAKoHACAiAADICAAgDMgCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRYEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFgQAAP8GACAGAACABwAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBAAAIQHACATAACHBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAEHEAAAsQcAIBQAALAHACAWAACvBwAgyAIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQIAAAAFACApAADWCAAgAwAAAAUAICkAANYIACAqAADVCAAgASIAAPsIADANAwAA0QQAIBAAAMYEACAUAADIBAAgFgAAwAQAIMUCAADtBAAwxgIAAAMAEMcCAADtBAAwyAIBAAAAAdUCAQCXBAAh3wJAAJgEACGZAwEAlwQAIZ0DAQCXBAAhsQMAAOwEACACAAAABQAgIgAA1QgAIAIAAADTCAAgIgAA1AgAIAjFAgAA0ggAMMYCAADTCAAQxwIAANIIADDIAgEAlwQAIdUCAQCXBAAh3wJAAJgEACGZAwEAlwQAIZ0DAQCXBAAhCMUCAADSCAAwxgIAANMIABDHAgAA0ggAMMgCAQCXBAAh1QIBAJcEACHfAkAAmAQAIZkDAQCXBAAhnQMBAJcEACEEyAIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEHEAAAjwcAIBQAAI4HACAWAACNBwAgyAIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEHEAAAsQcAIBQAALAHACAWAACvBwAgyAIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQQpAADLCAAwtQMAAMwIADC3AwAAzggAILsDAADPCAAwBCkAAMIIADC1AwAAwwgAMLcDAADFCAAguwMAAKYHADAEKQAAuQgAMLUDAAC6CAAwtwMAALwIACC7AwAA9gYAMAQpAACwCAAwtQMAALEIADC3AwAAswgAILsDAADqBgAwBCkAAKcIADC1AwAAqAgAMLcDAACqCAAguwMAAPgFADAEKQAAnggAMLUDAACfCAAwtwMAAKEIACC7AwAA3gYAMAQpAACVCAAwtQMAAJYIADC3AwAAmAgAILsDAADSBgAwBCkAAIwIADC1AwAAjQgAMLcDAACPCAAguwMAAMYGADAEKQAAgwgAMLUDAACECAAwtwMAAIYIACC7AwAA3AUAMAQpAAD6BwAwtQMAAPsHADC3AwAA_QcAILsDAACxBgAwBCkAAPEHADC1AwAA8gcAMLcDAAD0BwAguwMAAKsFADAEKQAA6AcAMLUDAADpBwAwtwMAAOsHACC7AwAAnAYAMAQpAADcBwAwtQMAAN0HADC3AwAA3wcAILsDAADgBwAwBCkAANAHADC1AwAA0QcAMLcDAADTBwAguwMAANQHADAEKQAAxAcAMLUDAADFBwAwtwMAAMcHACC7AwAAyAcAMAAAAAAAAAAAAAAAAAAAABMGAADoCAAgCgAA6QgAIAwAAO4IACANAADrCAAgDgAA7AgAIBAAAO0IACATAADwCAAgFAAA7wgAIBUAAPEIACAXAADmCAAgGAAA5wgAIBkAAOoIACAaAADyCAAgGwAA8wgAIBwAAPQIACCgAwAA9AQAIKUDAAD0BAAgpgMAAPQEACCnAwAA9AQAIBADAAD1CAAgBAAA-AgAIAYAAOgIACAKAADpCAAgDAAA7ggAIA0AAOsIACAOAADsCAAgEAAA7QgAIBMAAPAIACAUAADvCAAgFQAA8QgAIJYDAAD0BAAgmQMAAPQEACCaAwAA9AQAIJsDAAD0BAAgnAMAAPQEACAIAwAA9QgAIAUAAPYIACARAAD4CAAgEwAA8AgAIPYCAAD0BAAg_gIAAPQEACCBAwAA9AQAIIIDAAD0BAAgBAMAAPUIACAQAADtCAAgFAAA7wgAIBYAAOcIACADAwAA9QgAIAUAAPYIACAMAADuCAAgBQMAAPUIACAFAAD2CAAgCAAA6ggAIJEDAAD0BAAgkgMAAPQEACAEyAIBAAAAAd8CQAAAAAGZAwEAAAABnQMBAAAAAQzIAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAEEyAIBAAAAAfICAQAAAAGTAwEAAAABlAMBAAAAAQbIAgEAAAAB3wJAAAAAAfICAQAAAAGPAwEAAAABkQMBAAAAAZIDAQAAAAEDyAIBAAAAAdYCAQAAAAGQAwEAAAABBcgCAQAAAAHfAkAAAAAB8gIBAAAAAY4DAQAAAAGPAwEAAAABBcgCAQAAAAHfAkAAAAAB8gIBAAAAAYwDAQAAAAGNAwEAAAABBcgCAQAAAAHfAkAAAAAB8gIBAAAAAYoDAQAAAAGLAwEAAAABCcgCAQAAAAHjAgEAAAAB8gIBAAAAAYQDAQAAAAGFAwEAAAABhgMCAAAAAYcDAgAAAAGIAwIAAAABiQMCAAAAAQzIAgEAAAAB3wJAAAAAAeMCAQAAAAHyAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAEOyAIBAAAAAeICAQAAAAHjAgEAAAAB5QIBAAAAAfICAQAAAAH3AgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEGyAIBAAAAAfICAQAAAAHzAgEAAAAB9AIBAAAAAfUCQAAAAAH2AgEAAAABBe0CAQAAAAHuAgEAAAAB7wJAAAAAAfACAQAAAAHxAkAAAAABDcgCAQAAAAHfAkAAAAAB4gIBAAAAAeMCAQAAAAHkAgEAAAAB5QIBAAAAAeYCAgAAAAHnAgEAAAAB6AJAAAAAAekCQAAAAAHqAgEAAAAB6wIgAAAAAewCAQAAAAEGyAIBAAAAAdYCAQAAAAHXAgEAAAAB2AICAAAAAdkCAQAAAAHaAkAAAAABHQYAANkIACAKAADaCAAgDAAA3wgAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAUAADgCAAgFQAA4ggAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAAIoJACAMyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABDMgCAQAAAAHVAgEAAAAB3wJAAAAAAeMCAQAAAAHyAgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQXIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABiwMBAAAAAQMAAAByACApAACKCQAgKgAAkQkAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAJEJACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEIAwAArgcAIBAAALEHACAUAACwBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAABmQMBAAAAAZ0DAQAAAAECAAAABQAgKQAAkgkAIB0GAADZCAAgCgAA2ggAIAwAAN8IACANAADcCAAgDgAA3QgAIBAAAN4IACATAADhCAAgFAAA4AgAIBUAAOIIACAXAADXCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAACUCQAgBMgCAQAAAAHVAgEAAAABkwMBAAAAAZQDAQAAAAEGyAIBAAAAAdUCAQAAAAHfAkAAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABBcgCAQAAAAHVAgEAAAAB3wJAAAAAAY4DAQAAAAGPAwEAAAABBcgCAQAAAAHVAgEAAAAB3wJAAAAAAYwDAQAAAAGNAwEAAAABBcgCAQAAAAHVAgEAAAAB3wJAAAAAAYoDAQAAAAGLAwEAAAABCcgCAQAAAAHVAgEAAAAB4wIBAAAAAYQDAQAAAAGFAwEAAAABhgMCAAAAAYcDAgAAAAGIAwIAAAABiQMCAAAAAQzIAgEAAAAB1QIBAAAAAd8CQAAAAAHjAgEAAAAB9gIBAAAAAfgCAQAAAAH9AgEAAAAB_gIBAAAAAYADAQAAAAGBAwEAAAABggMBAAAAAYMDQAAAAAEOyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAH3AgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEGyAIBAAAAAdUCAQAAAAHzAgEAAAAB9AIBAAAAAfUCQAAAAAH2AgEAAAABAwAAAAMAICkAAJIJACAqAAChCQAgCgAAAAMAIAMAAIwHACAQAACPBwAgFAAAjgcAICIAAKEJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGZAwEA8gQAIZ0DAQDyBAAhCAMAAIwHACAQAACPBwAgFAAAjgcAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEDAAAAcgAgKQAAlAkAICoAAKQJACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAACkCQAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhFwMAAP4GACAEAAD_BgAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBAAAIQHACATAACHBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAKUJACAdCgAA2ggAIAwAAN8IACANAADcCAAgDgAA3QgAIBAAAN4IACATAADhCAAgFAAA4AgAIBUAAOIIACAXAADXCAAgGAAA2AgAIBkAANsIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAApwkAIAMAAAAHACApAAClCQAgKgAAqwkAIBkAAAAHACADAACNBgAgBAAAjgYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgIgAAqwkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgCgAAkAYAIAwAAJQGACANAACRBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAACnCQAgKgAArgkAIB8AAAByACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAK4JACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEXAwAA_gYAIAQAAP8GACAGAACABwAgDAAAhQcAIA0AAIIHACAOAACDBwAgEAAAhAcAIBMAAIcHACAUAACGBwAgFQAAiAcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAArwkAIB0GAADZCAAgDAAA3wgAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAUAADgCAAgFQAA4ggAIBcAANcIACAYAADYCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAACxCQAgA8gCAQAAAAHVAgEAAAAB1gIBAAAAAQMAAAAHACApAACvCQAgKgAAtgkAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgIgAAtgkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAwAAJQGACANAACRBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAACxCQAgKgAAuQkAIB8AAAByACAGAAC3BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAALkJACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEJAwAAgAYAIAUAAIEGACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHyAgEAAAABjwMBAAAAAZEDAQAAAAGSAwEAAAABAgAAABIAICkAALoJACAdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAvAkAIAMAAAAQACApAAC6CQAgKgAAwAkAIAsAAAAQACADAADxBQAgBQAA8gUAICIAAMAJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHyAgEA8gQAIY8DAQDyBAAhkQMBAPsEACGSAwEA-wQAIQkDAADxBQAgBQAA8gUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjwMBAPIEACGRAwEA-wQAIZIDAQD7BAAhAwAAAHIAICkAALwJACAqAADDCQAgHwAAAHIAIAYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgIgAAwwkAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIR0GAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBoAAMEHACAbAADCBwAgHAAAwwcAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIRcDAAD-BgAgBAAA_wYAIAYAAIAHACAKAACBBwAgDAAAhQcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQIAAAAJACApAADECQAgHQYAANkIACAKAADaCAAgDAAA3wgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAAMYJACAJyAIBAAAAAdUCAQAAAAHjAgEAAAAB8gIBAAAAAYUDAQAAAAGGAwIAAAABhwMCAAAAAYgDAgAAAAGJAwIAAAABAwAAAAcAICkAAMQJACAqAADLCQAgGQAAAAcAIAMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACAiAADLCQAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEXAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhAwAAAHIAICkAAMYJACAqAADOCQAgHwAAAHIAIAYAALcHACAKAAC4BwAgDAAAvQcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgIgAAzgkAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIR0GAAC3BwAgCgAAuAcAIAwAAL0HACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAIMgCAQDyBAAh2wIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGeAwEA8gQAIZ8DAQDyBAAhoAMBAPsEACGhAwEA8gQAIaIDAQDyBAAhowMBAPIEACGkAwEA8gQAIaUDAQD7BAAhpgNAAPwEACGnA0AA_AQAIRcDAAD-BgAgBAAA_wYAIAYAAIAHACAKAACBBwAgDAAAhQcAIA0AAIIHACAQAACEBwAgEwAAhwcAIBQAAIYHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQIAAAAJACApAADPCQAgHQYAANkIACAKAADaCAAgDAAA3wgAIA0AANwIACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAANEJACADAAAABwAgKQAAzwkAICoAANUJACAZAAAABwAgAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACANAACRBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgFQAAlwYAICIAANUJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRcDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEDAAAAcgAgKQAA0QkAICoAANgJACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAADYCQAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhCAMAAK4HACAUAACwBwAgFgAArwcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAZkDAQAAAAGdAwEAAAABAgAAAAUAICkAANkJACAXAwAA_gYAIAQAAP8GACAGAACABwAgCgAAgQcAIAwAAIUHACANAACCBwAgDgAAgwcAIBMAAIcHACAUAACGBwAgFQAAiAcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAA2wkAIB0GAADZCAAgCgAA2ggAIAwAAN8IACANAADcCAAgDgAA3QgAIBMAAOEIACAUAADgCAAgFQAA4ggAIBcAANcIACAYAADYCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAADdCQAgAwAAAAMAICkAANkJACAqAADhCQAgCgAAAAMAIAMAAIwHACAUAACOBwAgFgAAjQcAICIAAOEJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACGZAwEA8gQAIZ0DAQDyBAAhCAMAAIwHACAUAACOBwAgFgAAjQcAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEDAAAABwAgKQAA2wkAICoAAOQJACAZAAAABwAgAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACANAACRBgAgDgAAkgYAIBMAAJYGACAUAACVBgAgFQAAlwYAICIAAOQJACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRcDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEDAAAAcgAgKQAA3QkAICoAAOcJACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAADnCQAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhCAMAAOQFACAFAADlBQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB8gIBAAAAAY4DAQAAAAGPAwEAAAABAgAAABsAICkAAOgJACAXAwAA_gYAIAQAAP8GACAGAACABwAgCgAAgQcAIA0AAIIHACAOAACDBwAgEAAAhAcAIBMAAIcHACAUAACGBwAgFQAAiAcAIMgCAQAAAAHVAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABlQMBAAAAAZYDAQAAAAGXAwEAAAABmAMBAAAAAZkDAQAAAAGaA0AAAAABmwNAAAAAAZwDQAAAAAECAAAACQAgKQAA6gkAIB0GAADZCAAgCgAA2ggAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAUAADgCAAgFQAA4ggAIBcAANcIACAYAADYCAAgGQAA2wgAIBoAAOMIACAbAADkCAAgHAAA5QgAIMgCAQAAAAHbAgEAAAAB3wJAAAAAAeACQAAAAAGPAwEAAAABngMBAAAAAZ8DAQAAAAGgAwEAAAABoQMBAAAAAaIDAQAAAAGjAwEAAAABpAMBAAAAAaUDAQAAAAGmA0AAAAABpwNAAAAAAQIAAAABACApAADsCQAgAwAAABkAICkAAOgJACAqAADwCQAgCgAAABkAIAMAANUFACAFAADWBQAgIgAA8AkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQgDAADVBQAgBQAA1gUAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIfICAQDyBAAhjgMBAPIEACGPAwEA8gQAIQMAAAAHACApAADqCQAgKgAA8wkAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACAVAACXBgAgIgAA8wkAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACANAACRBgAgDgAAkgYAIBAAAJMGACATAACWBgAgFAAAlQYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAADsCQAgKgAA9gkAIB8AAAByACAGAAC3BwAgCgAAuAcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBMAAL8HACAUAAC-BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAPYJACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEIAwAArgcAIBAAALEHACAWAACvBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAABmQMBAAAAAZ0DAQAAAAECAAAABQAgKQAA9wkAIBcDAAD-BgAgBAAA_wYAIAYAAIAHACAKAACBBwAgDAAAhQcAIA0AAIIHACAOAACDBwAgEAAAhAcAIBMAAIcHACAVAACIBwAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGVAwEAAAABlgMBAAAAAZcDAQAAAAGYAwEAAAABmQMBAAAAAZoDQAAAAAGbA0AAAAABnANAAAAAAQIAAAAJACApAAD5CQAgHQYAANkIACAKAADaCAAgDAAA3wgAIA0AANwIACAOAADdCAAgEAAA3ggAIBMAAOEIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACAcAADlCAAgyAIBAAAAAdsCAQAAAAHfAkAAAAAB4AJAAAAAAY8DAQAAAAGeAwEAAAABnwMBAAAAAaADAQAAAAGhAwEAAAABogMBAAAAAaMDAQAAAAGkAwEAAAABpQMBAAAAAaYDQAAAAAGnA0AAAAABAgAAAAEAICkAAPsJACAOyAIBAAAAAdUCAQAAAAHiAgEAAAAB4wIBAAAAAeUCAQAAAAHyAgEAAAAB-AIBAAAAAfkCQAAAAAH6AkAAAAAB-wJAAAAAAfwCAQAAAAH9AgEAAAAB_gIBAAAAAf8CAQAAAAEDAAAAAwAgKQAA9wkAICoAAIAKACAKAAAAAwAgAwAAjAcAIBAAAI8HACAWAACNBwAgIgAAgAoAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIZkDAQDyBAAhnQMBAPIEACEIAwAAjAcAIBAAAI8HACAWAACNBwAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAhmQMBAPIEACGdAwEA8gQAIQMAAAAHACApAAD5CQAgKgAAgwoAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAVAACXBgAgIgAAgwoAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBUAAJcGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAAD7CQAgKgAAhgoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFQAAwAcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAIYKACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEQAwAAswUAIAUAALQFACARAAC1BQAgyAIBAAAAAdUCAQAAAAHfAkAAAAAB4wIBAAAAAfICAQAAAAH2AgEAAAAB-AIBAAAAAf0CAQAAAAH-AgEAAAABgAMBAAAAAYEDAQAAAAGCAwEAAAABgwNAAAAAAQIAAAAvACApAACHCgAgFwMAAP4GACAEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgFAAAhgcAIBUAAIgHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAIkKACAdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgFAAA4AgAIBUAAOIIACAXAADXCAAgGAAA2AgAIBkAANsIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAiwoAIAMAAAAtACApAACHCgAgKgAAjwoAIBIAAAAtACADAACjBQAgBQAApAUAIBEAAKUFACAiAACPCgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEQAwAAowUAIAUAAKQFACARAAClBQAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4wIBAPIEACHyAgEA8gQAIfYCAQD7BAAh-AIBAPIEACH9AgEA8gQAIf4CAQD7BAAhgAMBAPIEACGBAwEA-wQAIYIDAQD7BAAhgwNAAPMEACEDAAAABwAgKQAAiQoAICoAAJIKACAZAAAABwAgAwAAjQYAIAQAAI4GACAGAACPBgAgCgAAkAYAIAwAAJQGACANAACRBgAgDgAAkgYAIBAAAJMGACAUAACVBgAgFQAAlwYAICIAAJIKACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIRcDAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBQAAJUGACAVAACXBgAgyAIBAPIEACHVAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZUDAQDyBAAhlgMBAPsEACGXAwEA8gQAIZgDAQDyBAAhmQMBAPsEACGaA0AA_AQAIZsDQAD8BAAhnANAAPwEACEDAAAAcgAgKQAAiwoAICoAAJUKACAfAAAAcgAgBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACAiAACVCgAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhHQYAALcHACAKAAC4BwAgDAAAvQcAIA0AALoHACAOAAC7BwAgEAAAvAcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACAcAADDBwAgyAIBAPIEACHbAgEA8gQAId8CQADzBAAh4AJAAPMEACGPAwEA8gQAIZ4DAQDyBAAhnwMBAPIEACGgAwEA-wQAIaEDAQDyBAAhogMBAPIEACGjAwEA8gQAIaQDAQDyBAAhpQMBAPsEACGmA0AA_AQAIacDQAD8BAAhFwMAAP4GACAEAAD_BgAgBgAAgAcAIAoAAIEHACAMAACFBwAgDQAAggcAIA4AAIMHACAQAACEBwAgEwAAhwcAIBQAAIYHACDIAgEAAAAB1QIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZUDAQAAAAGWAwEAAAABlwMBAAAAAZgDAQAAAAGZAwEAAAABmgNAAAAAAZsDQAAAAAGcA0AAAAABAgAAAAkAICkAAJYKACAdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAXAADXCAAgGAAA2AgAIBkAANsIACAaAADjCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAmAoAIAMAAAAHACApAACWCgAgKgAAnAoAIBkAAAAHACADAACNBgAgBAAAjgYAIAYAAI8GACAKAACQBgAgDAAAlAYAIA0AAJEGACAOAACSBgAgEAAAkwYAIBMAAJYGACAUAACVBgAgIgAAnAoAIMgCAQDyBAAh1QIBAPIEACHfAkAA8wQAIeACQADzBAAhjwMBAPIEACGVAwEA8gQAIZYDAQD7BAAhlwMBAPIEACGYAwEA8gQAIZkDAQD7BAAhmgNAAPwEACGbA0AA_AQAIZwDQAD8BAAhFwMAAI0GACAEAACOBgAgBgAAjwYAIAoAAJAGACAMAACUBgAgDQAAkQYAIA4AAJIGACAQAACTBgAgEwAAlgYAIBQAAJUGACDIAgEA8gQAIdUCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhlQMBAPIEACGWAwEA-wQAIZcDAQDyBAAhmAMBAPIEACGZAwEA-wQAIZoDQAD8BAAhmwNAAPwEACGcA0AA_AQAIQMAAAByACApAACYCgAgKgAAnwoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBcAALUHACAYAAC2BwAgGQAAuQcAIBoAAMEHACAbAADCBwAgHAAAwwcAICIAAJ8KACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGwAA5AgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAoAoAIAMAAAByACApAACgCgAgKgAApAoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAbAADCBwAgHAAAwwcAICIAAKQKACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGwAAwgcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBwAAOUIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAApQoAIAMAAAByACApAAClCgAgKgAAqQoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgHAAAwwcAICIAAKkKACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBwAAMMHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAA2QgAIAoAANoIACAMAADfCAAgDQAA3AgAIA4AAN0IACAQAADeCAAgEwAA4QgAIBQAAOAIACAVAADiCAAgFwAA1wgAIBgAANgIACAZAADbCAAgGgAA4wgAIBsAAOQIACDIAgEAAAAB2wIBAAAAAd8CQAAAAAHgAkAAAAABjwMBAAAAAZ4DAQAAAAGfAwEAAAABoAMBAAAAAaEDAQAAAAGiAwEAAAABowMBAAAAAaQDAQAAAAGlAwEAAAABpgNAAAAAAacDQAAAAAECAAAAAQAgKQAAqgoAIAMAAAByACApAACqCgAgKgAArgoAIB8AAAByACAGAAC3BwAgCgAAuAcAIAwAAL0HACANAAC6BwAgDgAAuwcAIBAAALwHACATAAC_BwAgFAAAvgcAIBUAAMAHACAXAAC1BwAgGAAAtgcAIBkAALkHACAaAADBBwAgGwAAwgcAICIAAK4KACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEdBgAAtwcAIAoAALgHACAMAAC9BwAgDQAAugcAIA4AALsHACAQAAC8BwAgEwAAvwcAIBQAAL4HACAVAADABwAgFwAAtQcAIBgAALYHACAZAAC5BwAgGgAAwQcAIBsAAMIHACDIAgEA8gQAIdsCAQDyBAAh3wJAAPMEACHgAkAA8wQAIY8DAQDyBAAhngMBAPIEACGfAwEA8gQAIaADAQD7BAAhoQMBAPIEACGiAwEA8gQAIaMDAQDyBAAhpAMBAPIEACGlAwEA-wQAIaYDQAD8BAAhpwNAAPwEACEQBkwECQAWCk0FDFIJDU8IDlALEFEME1QOFFMNFVUQFwYCGEsDGU4GGlkTG10UHGEVBQMAAQkAEhBHDBRGDRYKAwwDAAEECwIGDwQJABEKEwUMLAkNHAgOJgsQKgwTOA4UMA0VPBACAwABBQADBAMAAQUAAwgXBgkABwIDAAEHAAUBCBgABAMAAQUAAwkACgwgCQMDAAEFAAMLIQgBDCIAAgMAAQUAAwMDAAEFAAMPKwIFAwABBQADCQAPETECEzUOAwMAAQUAAxI2DQETNwACAwABBQADCQY9AAo-AAxCAA0_AA5AABBBABNEABRDABVFAAMQSgAUSQAWSAABAwABAQMAAQEDAAEPBmQACmUADGoADWcADmgAEGkAE2wAFGsAFW0AF2IAGGMAGWYAGm4AG28AHHAAAAAAAwkAGy8AHDAAHQAAAAMJABsvABwwAB0BAwABAQMAAQMJACIvACMwACQAAAADCQAiLwAjMAAkAgMAAQSoAQICAwABBK4BAgMJACkvACowACsAAAADCQApLwAqMAArAgMAAQUAAwIDAAEFAAMDCQAwLwAxMAAyAAAAAwkAMC8AMTAAMgIDAAEFAAMCAwABBQADAwkANy8AODAAOQAAAAMJADcvADgwADkCAwABBwAFAgMAAQcABQMJAD4vAD8wAEAAAAADCQA-LwA_MABAAgMAAQUAAwIDAAEFAAMDCQBFLwBGMABHAAAAAwkARS8ARjAARwIDAAEFAAMCAwABBQADAwkATC8ATTAATgAAAAMJAEwvAE0wAE4DAwABBQADD64CAgMDAAEFAAMPtAICAwkAUy8AVDAAVQAAAAMJAFMvAFQwAFUDAwABBQADC8YCCAMDAAEFAAMLzAIIBQkAWi8AXTAAXsEBAFvCAQBcAAAAAAAFCQBaLwBdMABewQEAW8IBAFwDAwABBQADEd4CAgMDAAEFAAMR5AICAwkAYy8AZDAAZQAAAAMJAGMvAGQwAGUDAwABBQADEvYCDQMDAAEFAAMS_AINAwkAai8AazAAbAAAAAMJAGovAGswAGwCAwABBQADAgMAAQUAAwMJAHEvAHIwAHMAAAADCQBxLwByMABzAQMAAQEDAAEDCQB4LwB5MAB6AAAAAwkAeC8AeTAAegEDAAEBAwABBQkAfy8AggEwAIMBwQEAgAHCAQCBAQAAAAAABQkAfy8AggEwAIMBwQEAgAHCAQCBAQAAAAMJAIkBLwCKATAAiwEAAAADCQCJAS8AigEwAIsBAQMAAQEDAAEFCQCQAS8AkwEwAJQBwQEAkQHCAQCSAQAAAAAABQkAkAEvAJMBMACUAcEBAJEBwgEAkgEAAAADCQCaAS8AmwEwAJwBAAAAAwkAmgEvAJsBMACcAR0CAR5xAR90ASB1ASF2ASN4ASR6FyV7GCZ9ASd_FyiAARkrgQEBLIIBAS2DARcxhgEaMocBHjOIAQI0iQECNYoBAjaLAQI3jAECOI4BAjmQARc6kQEfO5MBAjyVARc9lgEgPpcBAj-YAQJAmQEXQZwBIUKdASVDngEDRJ8BA0WgAQNGoQEDR6IBA0ikAQNJpgEXSqcBJkuqAQNMrAEXTa0BJ06vAQNPsAEDULEBF1G0AShStQEsU7YBBFS3AQRVuAEEVrkBBFe6AQRYvAEEWb4BF1q_AS1bwQEEXMMBF13EAS5exQEEX8YBBGDHARdhygEvYssBM2PMAQVkzQEFZc4BBWbPAQVn0AEFaNIBBWnUARdq1QE0a9cBBWzZARdt2gE1btsBBW_cAQVw3QEXceABNnLhATpz4gEGdOMBBnXkAQZ25QEGd-YBBnjoAQZ56gEXeusBO3vtAQZ87wEXffABPH7xAQZ_8gEGgAHzAReBAfYBPYIB9wFBgwH4AQiEAfkBCIUB-gEIhgH7AQiHAfwBCIgB_gEIiQGAAheKAYECQosBgwIIjAGFAheNAYYCQ44BhwIIjwGIAgiQAYkCF5EBjAJEkgGNAkiTAY4CC5QBjwILlQGQAguWAZECC5cBkgILmAGUAguZAZYCF5oBlwJJmwGZAgucAZsCF50BnAJKngGdAgufAZ4CC6ABnwIXoQGiAkuiAaMCT6MBpAIMpAGlAgylAaYCDKYBpwIMpwGoAgyoAaoCDKkBrAIXqgGtAlCrAbACDKwBsgIXrQGzAlGuAbUCDK8BtgIMsAG3AhexAboCUrIBuwJWswG8Agm0Ab0CCbUBvgIJtgG_Agm3AcACCbgBwgIJuQHEAhe6AcUCV7sByAIJvAHKAhe9AcsCWL4BzQIJvwHOAgnAAc8CF8MB0gJZxAHTAl_FAdQCDcYB1QINxwHWAg3IAdcCDckB2AINygHaAg3LAdwCF8wB3QJgzQHgAg3OAeICF88B4wJh0AHlAg3RAeYCDdIB5wIX0wHqAmLUAesCZtUB7AIO1gHtAg7XAe4CDtgB7wIO2QHwAg7aAfICDtsB9AIX3AH1AmfdAfgCDt4B-gIX3wH7AmjgAf0CDuEB_gIO4gH_AhfjAYIDaeQBgwNt5QGEAxDmAYUDEOcBhgMQ6AGHAxDpAYgDEOoBigMQ6wGMAxfsAY0Dbu0BjwMQ7gGRAxfvAZIDb_ABkwMQ8QGUAxDyAZUDF_MBmANw9AGZA3T1AZoDE_YBmwMT9wGcAxP4AZ0DE_kBngMT-gGgAxP7AaIDF_wBowN1_QGlAxP-AacDF_8BqAN2gAKpAxOBAqoDE4ICqwMXgwKuA3eEAq8De4UCsAMUhgKxAxSHArIDFIgCswMUiQK0AxSKArYDFIsCuAMXjAK5A3yNArsDFI4CvQMXjwK-A32QAr8DFJECwAMUkgLBAxeTAsQDfpQCxQOEAZUCxwOFAZYCyAOFAZcCywOFAZgCzAOFAZkCzQOFAZoCzwOFAZsC0QMXnALSA4YBnQLUA4UBngLWAxefAtcDhwGgAtgDhQGhAtkDhQGiAtoDF6MC3QOIAaQC3gOMAaUC3wMVpgLgAxWnAuEDFagC4gMVqQLjAxWqAuUDFasC5wMXrALoA40BrQLqAxWuAuwDF68C7QOOAbAC7gMVsQLvAxWyAvADF7MC8wOPAbQC9AOVAbUC9gOWAbYC9wOWAbcC-gOWAbgC-wOWAbkC_AOWAboC_gOWAbsCgAQXvAKBBJcBvQKDBJYBvgKFBBe_AoYEmAHAAocElgHBAogElgHCAokEF8MCjASZAcQCjQSdAQ"
};
async function decodeBase64AsWasm2(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config2.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs");
    return await decodeBase64AsWasm2(wasm);
  },
  importName: "./query_compiler_fast_bg.js"
};
function getPrismaClientClass2() {
  return runtime4.getPrismaClient(config2);
}

// src/adapters/store/generated/postgresql/internal/prismaNamespace.ts
import * as runtime5 from "@prisma/client/runtime/client";
var getExtensionContext2 = runtime5.Extensions.getExtensionContext;
var NullTypes4 = {
  DbNull: runtime5.NullTypes.DbNull,
  JsonNull: runtime5.NullTypes.JsonNull,
  AnyNull: runtime5.NullTypes.AnyNull
};
var TransactionIsolationLevel2 = runtime5.makeStrictEnum({
  ReadUncommitted: "ReadUncommitted",
  ReadCommitted: "ReadCommitted",
  RepeatableRead: "RepeatableRead",
  Serializable: "Serializable"
});
var defineExtension2 = runtime5.Extensions.defineExtension;

// src/adapters/store/generated/postgresql/client.ts
globalThis["__dirname"] = path2.dirname(fileURLToPath2(import.meta.url));
var PrismaClient2 = getPrismaClientClass2();

// src/adapters/store/database.ts
function parseDatabaseUrl(url2) {
  if (/^postgres(ql)?:\/\//.test(url2)) {
    const parsed = new URL(url2);
    const schema = parsed.searchParams.get("schema");
    parsed.searchParams.delete("schema");
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`unsupported PostgreSQL schema name (use a-z, 0-9, _): ${schema}`);
    }
    return { provider: "postgresql", connectionString: parsed.toString(), schema };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url2)) throw new Error(`unsupported database URL: ${url2.split(":")[0]}://\u2026`);
  const file = url2.startsWith("file:") ? url2.slice("file:".length) : url2;
  if (file === "") throw new Error("empty SQLite file path");
  return { provider: "sqlite", file: file === ":memory:" ? file : resolve(file) };
}
function adapterFactory(target) {
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") mkdirSync(dirname3(target.file), { recursive: true });
    return new PrismaBetterSqlite3({ url: target.file, timeout: 1e4 });
  }
  const config3 = { connectionString: target.connectionString };
  if (target.schema !== null) config3.options = `-c search_path=${target.schema}`;
  return new PrismaPg(config3, target.schema !== null ? { schema: target.schema } : void 0);
}
async function ensurePostgresSchema(target) {
  if (target.provider !== "postgresql" || target.schema === null) return;
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
  } catch (error) {
    const code = error.code;
    if (code !== "23505" && code !== "42P06") throw error;
  } finally {
    await client.end();
  }
}
async function openDatabase(url2) {
  const target = parseDatabaseUrl(url2);
  await ensurePostgresSchema(target);
  const adapter = adapterFactory(target);
  if (target.provider === "sqlite") {
    const db2 = new PrismaClient({ adapter });
    await db2.$queryRawUnsafe("PRAGMA secure_delete = ON");
    return { provider: "sqlite", db: db2 };
  }
  const db = new PrismaClient2({ adapter });
  return { provider: "postgresql", db };
}

// src/adapters/store/migrations.ts
import { existsSync, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { dirname as dirname5, join as join5 } from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";

// src/adapters/store/schema-engine.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname as dirname4, join as join4 } from "node:path";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory
} from "@prisma/driver-adapter-utils";
var loaded = false;
var wasmApi = globalThis.WebAssembly;
function loadWasm() {
  if (loaded) return;
  const require2 = createRequire(import.meta.url);
  const wasmPath = join4(dirname4(require2.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const module = new wasmApi.Module(readFileSync(wasmPath));
  const exported = bg;
  const imports = {};
  for (const { module: from, name } of wasmApi.Module.imports(module)) {
    const value = exported[name];
    if (value === void 0) throw new Error(`schema engine wasm import ${from}.${name} is not exported by schema_engine_bg`);
    (imports[from] ??= {})[name] = value;
  }
  const instance = new wasmApi.Instance(module, imports);
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = true;
}
function scriptAwareSqlite(adapter) {
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === "executeRaw") {
        return async (query) => {
          if (query.args.length > 0) return target.executeRaw(query);
          await target.executeScript(query.sql);
          return 0;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
}
async function withSchemaEngine(options, fn) {
  loadWasm();
  const opened = [];
  const { factory } = options;
  const tracking = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = options.shadow ? await options.shadow() : await factory.connectToShadowDb();
      opened.push(adapter);
      return factory.provider === "sqlite" ? scriptAwareSqlite(adapter) : adapter;
    }
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  const log = options.log ?? (() => void 0);
  const engine = await bg.SchemaEngine.new(
    { datamodels: options.datamodels.map(([path3, text]) => [path3, text]) },
    (line) => log(line),
    bound
  );
  try {
    return await fn(engine);
  } catch (error) {
    throw explain(error, bound.errorRegistry);
  } finally {
    for (const adapter of opened) await adapter.dispose().catch(() => void 0);
    engine.free();
  }
}
function explain(error, registry) {
  const message = error instanceof Error ? error.message : String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const record = id === void 0 ? void 0 : registry.consumeError(Number(id));
  if (record === void 0) return error;
  const inner = record.error instanceof Error ? record.error.message : JSON.stringify(record.error);
  return new Error(`${message}: ${inner}`, { cause: record.error });
}

// src/adapters/store/migrations.ts
var NO_FILTERS = { externalTables: [], externalEnums: [] };
function prismaDir() {
  let dir = dirname5(fileURLToPath3(import.meta.url));
  for (; ; ) {
    if (existsSync(join5(dir, "prisma", "models.prisma"))) return join5(dir, "prisma");
    const parent = dirname5(dir);
    if (parent === dir) throw new Error("prisma/models.prisma not found above " + fileURLToPath3(import.meta.url));
    dir = parent;
  }
}
function migrationsDir(provider, base = prismaDir()) {
  return join5(base, "migrations", provider);
}
function schemaFor(provider, models) {
  return `datasource db {
  provider = "${provider}"
}

${models}`;
}
function readModels(base = prismaDir()) {
  return readFileSync2(join5(base, "models.prisma"), "utf8");
}
function readMigrations(provider, dir = migrationsDir(provider)) {
  const lockPath = join5(dir, "migration_lock.toml");
  const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join5(dir, entry.name, "migration.sql"))).map((entry) => entry.name).sort() : [];
  return {
    baseDir: dir,
    // Without the lockfile's provider the engine cannot tell which connector replays the history.
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync2(lockPath, "utf8") : `provider = "${provider}"
`
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync2(join5(dir, name, "migration.sql"), "utf8") } }
    }))
  };
}
async function applyMigrations(url2, options = {}) {
  const target = parseDatabaseUrl(url2);
  await ensurePostgresSchema(target);
  const migrationsList = options.migrations ?? readMigrations(target.provider);
  const models = readModelsOrEmpty();
  const result = await withSchemaEngine(
    {
      datamodels: [["schema.prisma", schemaFor(target.provider, models)]],
      factory: adapterFactory(target),
      ...options.log ? { log: options.log } : {}
    },
    (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS })
  );
  return result.appliedMigrationNames;
}
function readModelsOrEmpty() {
  try {
    return readModels();
  } catch {
    return "";
  }
}

// src/adapters/store/delivery-ledger.ts
import { z as z2 } from "zod";

// src/adapters/store/unique.ts
function isUniqueViolation(error) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

// src/adapters/store/delivery-ledger.ts
var DeliveryState = z2.enum(["claimed", "posted", "skipped", "failed"]);
var DeliveryRow = z2.object({
  id: z2.string(),
  state: DeliveryState,
  attempts: z2.number().int(),
  claimedBy: z2.string().nullable(),
  claimedAt: z2.date().nullable()
});
var DigestKind = z2.enum(["morning", "sweep"]);
var SELECT = { id: true, state: true, attempts: true, claimedBy: true, claimedAt: true };
function createDeliveryLedger(db) {
  async function existing(slot) {
    const row = await db.delivery.findUnique({
      where: { workspaceId_channel_kind_localDate: { ...slot } },
      select: SELECT
    });
    if (!row) throw new Error(`delivery row vanished after a unique violation: ${slot.kind} ${slot.localDate} of ${slot.workspaceId}/${slot.channel}`);
    return DeliveryRow.parse(row);
  }
  function abandoned(row, options) {
    if (row.claimedBy === null || row.claimedAt === null) return true;
    if (row.claimedAt.getTime() <= options.now.getTime() - options.leaseMs) return true;
    return row.claimedBy === options.instanceId && !options.inFlight(row.id);
  }
  return {
    async claim(slot, options) {
      try {
        const row2 = await db.delivery.create({
          data: { ...slot, state: "claimed", attempts: 1, claimedBy: options.instanceId, claimedAt: options.now, late: options.late },
          select: { id: true }
        });
        return { outcome: "claimed", id: row2.id, attempts: 1, resumed: false };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = await existing(slot);
      if (row.state !== "claimed") return { outcome: "done", state: row.state };
      if (!abandoned(row, options)) return { outcome: "busy", claimedBy: row.claimedBy };
      const taken = await db.delivery.updateMany({
        where: { id: row.id, state: "claimed", claimedBy: row.claimedBy, claimedAt: row.claimedAt },
        data: { claimedBy: options.instanceId, claimedAt: options.now, attempts: { increment: 1 }, late: options.late }
      });
      if (taken.count !== 1) return { outcome: "busy", claimedBy: null };
      return { outcome: "claimed", id: row.id, attempts: row.attempts + 1, resumed: row.claimedBy !== null };
    },
    async markPosted(id, input) {
      await db.delivery.update({ where: { id }, data: { state: "posted", postedAt: input.now, messageRef: input.messageRef } });
    },
    async release(id, input) {
      await db.delivery.updateMany({
        where: { id, state: "claimed", claimedBy: input.instanceId },
        data: { claimedBy: null, claimedAt: null, note: input.reason.slice(0, 500) }
      });
    },
    async markFailed(id, input) {
      await db.delivery.update({ where: { id }, data: { state: "failed", note: input.reason.slice(0, 500) } });
    },
    async recordSkipped(slot, input) {
      try {
        await db.delivery.create({ data: { ...slot, state: "skipped", note: "missed" }, select: { id: true } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = await existing(slot);
      if (row.state !== "claimed") return false;
      const live = row.claimedAt !== null && row.claimedAt.getTime() > input.now.getTime() - input.leaseMs;
      if (live) return false;
      const note = row.claimedBy === null ? "missed" : "unconfirmed";
      const done = await db.delivery.updateMany({
        where: { id: row.id, state: "claimed", claimedBy: row.claimedBy, claimedAt: row.claimedAt },
        data: { state: "skipped", note }
      });
      return done.count === 1;
    },
    async servedSince(workspaceId) {
      const first = await db.delivery.findFirst({ where: { workspaceId }, orderBy: { localDate: "asc" }, select: { localDate: true } });
      return first?.localDate ?? null;
    },
    async settledSince(sinceDate) {
      const rows = await db.delivery.findMany({
        where: { localDate: { gte: sinceDate }, state: { in: ["posted", "skipped", "failed"] } },
        select: { workspaceId: true, channel: true, kind: true, localDate: true }
      });
      return rows.map((r) => ({ workspaceId: r.workspaceId, channel: r.channel, kind: DigestKind.parse(r.kind), localDate: r.localDate }));
    },
    async unreportedMisses(workspaceId, channel) {
      const rows = await db.delivery.findMany({
        where: { workspaceId, channel, state: "skipped", note: "missed", messageRef: null },
        orderBy: { localDate: "asc" },
        select: { id: true, kind: true, localDate: true }
      });
      return rows.map((r) => ({ id: r.id, kind: DigestKind.parse(r.kind), localDate: r.localDate }));
    },
    async markReported(ids, reportedIn) {
      if (ids.length === 0) return;
      await db.delivery.updateMany({ where: { id: { in: [...ids] } }, data: { messageRef: `reported-in:${reportedIn}` } });
    }
  };
}

// src/adapters/store/installations.ts
function installationKey(scope) {
  if (scope.orgWide && scope.enterpriseId) return `enterprise:${scope.enterpriseId}`;
  if (scope.teamId) return `team:${scope.teamId}`;
  if (scope.enterpriseId) return `enterprise:${scope.enterpriseId}`;
  throw new Error("an installation scope names neither a team nor an enterprise");
}
function teamInstallations(platform, owner) {
  const keys = [owner.teamId ? `team:${owner.teamId}` : null, owner.enterpriseId ? `enterprise:${owner.enterpriseId}` : null].filter((k) => k !== null);
  return { platform, OR: [{ key: { in: keys } }, ...owner.teamId ? [{ teamId: owner.teamId }] : []] };
}
function createInstallations(db) {
  return {
    async save(scope, data) {
      const key = installationKey(scope);
      const fields = { teamId: scope.teamId ?? null, enterpriseId: scope.enterpriseId ?? null, data: JSON.stringify(data) };
      await db.installation.upsert({
        where: { platform_key: { platform: scope.platform, key } },
        create: { platform: scope.platform, key, ...fields },
        update: fields
      });
    },
    async find(scope) {
      const row = await db.installation.findUnique({ where: { platform_key: { platform: scope.platform, key: installationKey(scope) } } });
      return row === null ? null : JSON.parse(row.data);
    },
    async remove(scope) {
      await db.installation.deleteMany({ where: { platform: scope.platform, key: installationKey(scope) } });
    },
    async forget(platform, owner) {
      await db.installation.deleteMany({ where: teamInstallations(platform, owner) });
    }
  };
}

// src/adapters/store/rows.ts
import { z as z5 } from "zod";

// src/core/model/vocabulary.ts
import { z as z3 } from "zod";
var OpenName = z3.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "expected a short lower-case name");
var Platform = OpenName;
var TIERS = ["top", "standard", "light"];
var Tier = z3.enum(TIERS);
var CLIENT_STATUSES = ["active", "paused", "former"];
var ClientStatus = z3.enum(CLIENT_STATUSES);
var INTERACTION_KINDS = [
  "call",
  "email-in",
  "email-out",
  "meeting",
  "message",
  "complaint",
  "status-update",
  "resolution",
  "gift",
  "referral",
  "mistake",
  "apology",
  "feedback",
  "advice-asked",
  "note"
];
var InteractionKind = z3.enum(INTERACTION_KINDS);
var DIRECTIONS = ["in", "out", "none"];
var Direction = z3.enum(DIRECTIONS);
var MOODS = ["happy", "neutral", "upset", "angry", "rude", "abusive"];
var Mood = z3.enum(MOODS);
var DATE_KINDS = ["birthday", "wedding-anniversary", "child-birthday", "client-since", "custom"];
var DateKind = z3.enum(DATE_KINDS);
var LIKE_CATEGORIES = ["coffee", "wine", "drink", "team", "sport", "food", "hobby", "holiday", "music", "book", "other"];
var LikeCategory = z3.enum(LIKE_CATEGORIES);
var FOLLOW_UP_KINDS = ["reply", "complaint", "apology", "referral-thanks", "check-in", "custom"];
var FollowUpKind = z3.enum(FOLLOW_UP_KINDS);
var FOLLOW_UP_STATES = ["open", "snoozed", "done"];
var FollowUpState = z3.enum(FOLLOW_UP_STATES);
var MESSAGE_CHANNELS = ["email", "call", "chat", "forum-post"];
var MessageChannel = z3.enum(MESSAGE_CHANNELS);
var InteractionSource = OpenName;

// src/core/model/policy.ts
import { z as z4 } from "zod";
var hhmm = z4.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time as HH:mm, e.g. 08:45");
var days = (max) => z4.number().int().min(1).max(max);
var Policy = z4.object({
  /** When the morning digest is posted, workspace time. */
  digestAt: hhmm.default("08:45"),
  /** When the end-of-day sweep for unanswered calls and emails runs, workspace time. */
  sweepAt: hhmm.default("16:30"),
  /** Heads-up this many days before a personal date. */
  dateLeadDays: days(60).default(7),
  /** A client with no gift or gesture in this many days gets a "surprise them" idea. */
  surpriseAfterDays: days(730).default(120),
  /** Days without any interaction before a reconnect nudge, by tier. */
  keepInTouchTopDays: days(730).default(14),
  keepInTouchStandardDays: days(730).default(30),
  keepInTouchLightDays: days(730).default(90),
  /** An open complaint with no status update for this many business hours needs an update. */
  complaintUpdateHours: z4.number().int().min(1).max(720).default(24),
  /** A logged mistake with no apology within this many business days. */
  apologyWithinDays: days(30).default(1),
  /** A check-in this many days after an apology. */
  checkInAfterDays: days(90).default(7),
  /** Thank a referral within this many days. */
  thankReferralDays: days(30).default(2),
  /** Ask top-tier clients for feedback or advice every this many days. */
  adviceEveryDays: days(730).default(90),
  /** Rude or abusive interactions that flag a relationship for review… */
  abuseCount: z4.number().int().min(1).max(50).default(3),
  /** …within this many days. */
  abuseWindowDays: days(365).default(60),
  /** Gift budget by tier, in the workspace's currency units. */
  giftBudgetTop: z4.number().int().min(0).max(1e5).default(150),
  giftBudgetStandard: z4.number().int().min(0).max(1e5).default(60),
  giftBudgetLight: z4.number().int().min(0).max(1e5).default(25),
  /** Whether `/client log` confirmations are visible to the channel (true) or only to the caller. */
  logVisibleToChannel: z4.boolean().default(false),
  /** Most nudges listed in one digest before "and N more". */
  digestMaxItems: z4.number().int().min(3).max(200).default(25)
});
var DEFAULT_POLICY = Policy.parse({});
function policyFromStored(stored) {
  const input = typeof stored === "object" && stored !== null ? stored : {};
  const out = {};
  for (const key of Object.keys(Policy.shape)) {
    const parsed = Policy.shape[key].safeParse(input[key]);
    out[key] = parsed.success ? parsed.data : DEFAULT_POLICY[key];
  }
  return out;
}

// src/core/model/nudge.ts
var NUDGE_GROUPS = ["today", "attention", "coming-up"];

// src/adapters/store/rows.ts
function check(schema, value, where) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`invalid ${where} in the database: ${JSON.stringify(value)}`);
  return parsed.data;
}
var AckAction = z5.enum(["done", "snoozed"]);
var BusinessDays = z5.array(z5.number().int().min(1).max(7));
var ThreadIds = z5.array(z5.string());
function toBusinessDays(stored) {
  const days2 = stored.trim() === "" ? [] : stored.split(",").map((part) => Number(part.trim()));
  return check(BusinessDays, days2, "Workspace.businessDays");
}
function fromBusinessDays(days2) {
  return check(BusinessDays, [...days2], "business days").join(",");
}
function parseSettings(stored) {
  try {
    return JSON.parse(stored);
  } catch {
    return {};
  }
}
function toWorkspace(row) {
  return {
    id: row.id,
    platform: check(Platform, row.platform, "Workspace.platform"),
    externalId: row.externalId,
    name: row.name,
    timeZone: row.timeZone,
    digestChannel: row.digestChannel,
    businessDays: toBusinessDays(row.businessDays),
    businessStart: row.businessStart,
    businessEnd: row.businessEnd,
    policy: policyFromStored(parseSettings(row.settings))
  };
}
function toMember(row) {
  return { id: row.id, platformUserId: row.platformUserId, displayName: row.displayName };
}
var clientInclude = { aliases: { select: { alias: true }, orderBy: { alias: "asc" } } };
function toClient(row) {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases.map((a) => a.alias),
    ownerId: row.ownerId,
    tier: check(Tier, row.tier, "Client.tier"),
    status: check(ClientStatus, row.status, "Client.status"),
    platformUserId: row.platformUserId,
    lastInteractionAt: row.lastInteractionAt,
    lastGestureAt: row.lastGestureAt,
    lastAdviceAt: row.lastAdviceAt,
    createdAt: row.createdAt
  };
}
var contactInclude = { emails: { select: { address: true }, orderBy: { address: "asc" } } };
function toContact(row) {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    role: row.role,
    phone: row.phone,
    emails: row.emails.map((e) => e.address)
  };
}
function toFamilyMember(row) {
  return { id: row.id, clientId: row.clientId, relation: row.relation, name: row.name };
}
function toLike(row) {
  return { id: row.id, clientId: row.clientId, category: check(LikeCategory, row.category, "Like.category"), value: row.value };
}
function toNote(row) {
  return { id: row.id, clientId: row.clientId, authorId: row.authorId, text: row.text, createdAt: row.createdAt };
}
function toDate(row) {
  return {
    id: row.id,
    clientId: row.clientId,
    familyMemberId: row.familyMemberId,
    kind: check(DateKind, row.kind, "ImportantDate.kind"),
    label: row.label,
    month: row.month,
    day: row.day,
    year: row.year
  };
}
function toInteraction(row) {
  return {
    id: row.id,
    clientId: row.clientId,
    kind: check(InteractionKind, row.kind, "Interaction.kind"),
    direction: check(Direction, row.direction, "Interaction.direction"),
    mood: row.mood === null ? null : check(Mood, row.mood, "Interaction.mood"),
    summary: row.summary,
    contactName: row.contactName,
    loggedById: row.loggedById,
    occurredAt: row.occurredAt,
    source: check(InteractionSource, row.source, "Interaction.source"),
    externalRef: row.externalRef
  };
}
function toFollowUp(row) {
  return {
    id: row.id,
    clientId: row.clientId,
    interactionId: row.interactionId,
    kind: check(FollowUpKind, row.kind, "FollowUp.kind"),
    state: check(FollowUpState, row.state, "FollowUp.state"),
    summary: row.summary,
    openedAt: row.openedAt,
    snoozedUntil: row.snoozedUntil,
    closedAt: row.closedAt,
    source: check(InteractionSource, row.source, "FollowUp.source"),
    externalRef: row.externalRef,
    channel: row.channel === null ? null : check(MessageChannel, row.channel, "FollowUp.channel"),
    threadIds: check(ThreadIds, JSON.parse(row.threadIds), "FollowUp.threadIds")
  };
}
function toGift(row) {
  return { id: row.id, clientId: row.clientId, description: row.description, occasion: row.occasion, givenAt: row.givenAt };
}
function toNudgeAck(row) {
  return { nudgeId: row.nudgeId, action: check(AckAction, row.action, "NudgeAck.action"), until: row.until, actorId: row.actorId, at: row.at };
}

// src/adapters/store/lifecycle.ts
var NOT_BLOCKED = { deliveryBlockedReason: null, deliveryBlockedAt: null };
function createWorkspaceLifecycle(db) {
  const tenant = (t) => ({ platform: t.platform, externalId: t.externalId });
  return {
    async installed(input) {
      const row = await db.workspace.upsert({
        where: { platform_externalId: tenant(input) },
        create: {
          ...tenant(input),
          name: input.name,
          ...input.timeZone === void 0 ? {} : { timeZone: input.timeZone },
          ...input.digestChannel === void 0 ? {} : { digestChannel: input.digestChannel }
        },
        // A reinstall keeps the workspace's settings and data, and gives delivery a new try.
        update: { uninstalledAt: null, ...NOT_BLOCKED }
      });
      return toWorkspace(row);
    },
    async returned(t) {
      await db.workspace.updateMany({ where: { ...tenant(t), uninstalledAt: { not: null } }, data: { uninstalledAt: null } });
    },
    async uninstalled(t, at) {
      await db.workspace.updateMany({ where: { ...tenant(t), uninstalledAt: null }, data: { uninstalledAt: at } });
    },
    async eraseUninstalledBefore(cutoff) {
      const due = await db.workspace.findMany({
        where: { uninstalledAt: { not: null, lte: cutoff } },
        select: { id: true, platform: true, externalId: true },
        orderBy: { uninstalledAt: "asc" }
      });
      for (const ws of due) await db.workspace.deleteMany({ where: { id: ws.id } });
      return due.map((ws) => ({ platform: ws.platform, externalId: ws.externalId }));
    },
    async erase(t) {
      await db.installation.deleteMany({ where: teamInstallations(t.platform, { teamId: t.externalId }) });
      const gone = await db.workspace.deleteMany({ where: tenant(t) });
      return gone.count > 0;
    },
    async blockDelivery(workspaceId, reason, at) {
      const set = await db.workspace.updateMany({
        where: { id: workspaceId, deliveryBlockedReason: null },
        data: { deliveryBlockedReason: reason.slice(0, 500), deliveryBlockedAt: at }
      });
      return set.count === 1;
    },
    async liftDeliveryBlock(workspaceId) {
      await db.workspace.updateMany({ where: { id: workspaceId }, data: NOT_BLOCKED });
    },
    async undeliverable() {
      const rows = await db.workspace.findMany({
        where: { OR: [{ deliveryBlockedReason: { not: null } }, { uninstalledAt: { not: null } }] },
        select: { id: true, deliveryBlockedReason: true }
      });
      return new Map(rows.map((r) => [r.id, r.deliveryBlockedReason ?? "uninstalled"]));
    }
  };
}

// src/adapters/store/processed-events.ts
var rowId = (platform, eventId) => `${platform}:${eventId}`;
function createProcessedEvents(db) {
  return {
    async claim(platform, eventId, at) {
      try {
        await db.processedEvent.create({ data: { id: rowId(platform, eventId), processedAt: at } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async release(platform, eventId) {
      await db.processedEvent.deleteMany({ where: { id: rowId(platform, eventId) } });
    },
    async forgetBefore(cutoff) {
      const gone = await db.processedEvent.deleteMany({ where: { processedAt: { lt: cutoff } } });
      return gone.count;
    }
  };
}

// src/adapters/store/chunks.ts
var CHUNK = 500;
function chunks(items, size = CHUNK) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
async function inChunks(items, fn) {
  const out = [];
  for (const slice of chunks(items)) out.push(...await fn(slice));
  return out;
}
function groupBy(rows, key) {
  const map = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

// src/adapters/store/scope.ts
var NotInWorkspaceError = class extends Error {
  constructor(what, id) {
    super(`${what} ${id} is not in this workspace`);
    this.name = "NotInWorkspaceError";
  }
};
async function requireClient(scope, clientId) {
  const found = await scope.db.client.findFirst({ where: { id: clientId, workspaceId: scope.workspaceId }, select: { id: true } });
  if (found === null) throw new NotInWorkspaceError("client", clientId);
}
async function requireMember(scope, memberId) {
  if (memberId === null || memberId === void 0) return;
  const found = await scope.db.member.findFirst({ where: { id: memberId, workspaceId: scope.workspaceId }, select: { id: true } });
  if (found === null) throw new NotInWorkspaceError("member", memberId);
}

// src/adapters/store/clients.ts
async function aliasesWhere(scope, clients) {
  const rows = await scope.db.clientAlias.findMany({
    where: { workspaceId: scope.workspaceId, client: clients },
    select: { clientId: true, alias: true },
    orderBy: [{ clientId: "asc" }, { alias: "asc" }]
  });
  return groupBy(rows, (r) => r.clientId);
}
async function aliasesOf(scope, clientIds) {
  const rows = await inChunks(
    clientIds,
    (ids) => scope.db.clientAlias.findMany({
      where: { workspaceId: scope.workspaceId, clientId: { in: ids } },
      select: { clientId: true, alias: true },
      orderBy: [{ clientId: "asc" }, { alias: "asc" }]
    })
  );
  return groupBy(rows, (r) => r.clientId);
}
async function withAliases(scope, rows) {
  const aliases = await aliasesOf(scope, rows.map((r) => r.id));
  return rows.map((row) => toClient({ ...row, aliases: aliases.get(row.id) ?? [] }));
}
async function clientDirectory(scope) {
  const where = { workspaceId: scope.workspaceId };
  const [rows, aliases] = await Promise.all([
    scope.db.client.findMany({ where, select: { id: true, name: true }, orderBy: { normalizedName: "asc" } }),
    aliasesWhere(scope, where)
  ]);
  return rows.map((row) => ({ id: row.id, name: row.name, aliases: (aliases.get(row.id) ?? []).map((a) => a.alias) }));
}
async function getClient(scope, clientId) {
  const row = await scope.db.client.findFirst({ where: { id: clientId, workspaceId: scope.workspaceId }, include: clientInclude });
  return row === null ? null : toClient(row);
}
async function listClients(scope, filter = {}) {
  const where = { workspaceId: scope.workspaceId, ...filter };
  const [rows, aliases] = await Promise.all([scope.db.client.findMany({ where, orderBy: { normalizedName: "asc" } }), aliasesWhere(scope, where)]);
  return rows.map((row) => toClient({ ...row, aliases: aliases.get(row.id) ?? [] }));
}
async function getProfile(scope, clientId, options = {}) {
  const { db, workspaceId } = scope;
  const row = await db.client.findFirst({ where: { id: clientId, workspaceId }, include: { ...clientInclude, owner: true } });
  if (row === null) return null;
  const of = { clientId, workspaceId };
  const [contacts, family, likes, notes, dates, interactions, followUps, gifts] = await Promise.all([
    db.contact.findMany({ where: of, include: contactInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.familyMember.findMany({ where: of, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.like.findMany({ where: of, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.note.findMany({ where: of, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    db.importantDate.findMany({ where: of, orderBy: [{ monthDay: "asc" }, { id: "asc" }] }),
    db.interaction.findMany({
      where: of,
      orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      ...options.interactionLimit === void 0 ? {} : { take: options.interactionLimit }
    }),
    db.followUp.findMany({ where: of, orderBy: [{ openedAt: "desc" }, { id: "desc" }] }),
    db.gift.findMany({ where: of, orderBy: [{ givenAt: "desc" }, { id: "desc" }] })
  ]);
  return {
    client: toClient(row),
    owner: row.owner === null ? null : toMember(row.owner),
    contacts: contacts.map(toContact),
    family: family.map(toFamilyMember),
    likes: likes.map(toLike),
    notes: notes.map(toNote),
    dates: dates.map(toDate),
    interactions: interactions.map(toInteraction),
    followUps: followUps.map(toFollowUp),
    gifts: gifts.map(toGift)
  };
}
async function getProfiles(scope, filter = {}, options = {}) {
  const { db, workspaceId } = scope;
  const where = { workspaceId, ...filter };
  const of = { workspaceId, client: where };
  const byCreated = [{ clientId: "asc" }, { createdAt: "asc" }, { id: "asc" }];
  const [rows, aliases, owners, contacts, emails, family, likes, notes, dates, interactions, followUps, gifts] = await Promise.all([
    db.client.findMany({ where, orderBy: { normalizedName: "asc" } }),
    aliasesWhere(scope, where),
    db.member.findMany({ where: { workspaceId, ownedClients: { some: where } } }),
    db.contact.findMany({ where: of, orderBy: byCreated }),
    db.contactEmail.findMany({ where: { workspaceId, contact: { client: where } }, select: { contactId: true, address: true }, orderBy: [{ contactId: "asc" }, { address: "asc" }] }),
    db.familyMember.findMany({ where: of, orderBy: byCreated }),
    db.like.findMany({ where: of, orderBy: byCreated }),
    db.note.findMany({ where: of, orderBy: [{ clientId: "asc" }, { createdAt: "desc" }, { id: "desc" }] }),
    db.importantDate.findMany({ where: of, orderBy: [{ clientId: "asc" }, { monthDay: "asc" }, { id: "asc" }] }),
    options.interactionLimit === void 0 ? db.interaction.findMany({ where: of, orderBy: [{ clientId: "asc" }, { occurredAt: "desc" }, { createdAt: "desc" }, { id: "desc" }] }) : newestInteractions(scope, filter, options.interactionLimit),
    db.followUp.findMany({ where: of, orderBy: [{ clientId: "asc" }, { openedAt: "desc" }, { id: "desc" }] }),
    db.gift.findMany({ where: of, orderBy: [{ clientId: "asc" }, { givenAt: "desc" }, { id: "desc" }] })
  ]);
  const owner = new Map(owners.map((m) => [m.id, toMember(m)]));
  const emailsOf = groupBy(emails, (e) => e.contactId);
  const by = (list) => groupBy(list, (r) => r.clientId);
  const [contactsOf, familyOf, likesOf, notesOf, datesOf, interactionsOf, followUpsOf, giftsOf] = [
    by(contacts),
    by(family),
    by(likes),
    by(notes),
    by(dates),
    by(interactions),
    by(followUps),
    by(gifts)
  ];
  return rows.map((row) => ({
    client: toClient({ ...row, aliases: aliases.get(row.id) ?? [] }),
    owner: row.ownerId === null ? null : owner.get(row.ownerId) ?? null,
    contacts: (contactsOf.get(row.id) ?? []).map((c) => toContact({ ...c, emails: emailsOf.get(c.id) ?? [] })),
    family: (familyOf.get(row.id) ?? []).map(toFamilyMember),
    likes: (likesOf.get(row.id) ?? []).map(toLike),
    notes: (notesOf.get(row.id) ?? []).map(toNote),
    dates: (datesOf.get(row.id) ?? []).map(toDate),
    interactions: (interactionsOf.get(row.id) ?? []).map(toInteraction),
    followUps: (followUpsOf.get(row.id) ?? []).map(toFollowUp),
    gifts: (giftsOf.get(row.id) ?? []).map(toGift)
  }));
}
async function newestInteractions(scope, filter, limit) {
  if (limit <= 0) return [];
  const conditions = [prismaNamespace_exports.sql`c."workspaceId" = ${scope.workspaceId}`];
  if (filter.ownerId !== void 0) conditions.push(prismaNamespace_exports.sql`c."ownerId" = ${filter.ownerId}`);
  if (filter.tier !== void 0) conditions.push(prismaNamespace_exports.sql`c."tier" = ${filter.tier}`);
  if (filter.status !== void 0) conditions.push(prismaNamespace_exports.sql`c."status" = ${filter.status}`);
  const rows = await scope.db.$queryRaw`
    SELECT * FROM (
      SELECT i.*, ROW_NUMBER() OVER (PARTITION BY i."clientId" ORDER BY i."occurredAt" DESC, i."createdAt" DESC, i."id" DESC) AS rn
      FROM "Interaction" i JOIN "Client" c ON c."id" = i."clientId"
      WHERE i."workspaceId" = ${scope.workspaceId} AND ${prismaNamespace_exports.join(conditions, " AND ")}
    ) t
    WHERE t.rn <= ${limit}
    ORDER BY t."clientId", t.rn`;
  return rows.map(({ rn: _rn, ...row }) => row);
}
async function createClient(scope, input) {
  const { workspaceId } = scope;
  await requireMember(scope, input.ownerId);
  const row = await scope.db.client.create({
    data: {
      workspaceId,
      name: input.name,
      normalizedName: input.normalizedName,
      ownerId: input.ownerId,
      tier: input.tier,
      status: input.status,
      platformUserId: input.platformUserId,
      createdAt: input.createdAt,
      aliases: { create: input.aliases.map((a) => ({ workspaceId, alias: a.alias, normalized: a.normalized })) }
    },
    include: clientInclude
  });
  return toClient(row);
}
async function updateClient(scope, clientId, patch) {
  const { db, workspaceId } = scope;
  const { addAliases = [], ...fields } = patch;
  await requireMember(scope, fields.ownerId);
  const { count } = await db.client.updateMany({ where: { id: clientId, workspaceId }, data: fields });
  if (count === 0) throw new NotInWorkspaceError("client", clientId);
  if (addAliases.length > 0) {
    await db.clientAlias.createMany({
      data: addAliases.map((a) => ({ workspaceId, clientId, alias: a.alias, normalized: a.normalized }))
    });
  }
  const row = await db.client.findFirst({ where: { id: clientId, workspaceId }, include: clientInclude });
  if (row === null) throw new NotInWorkspaceError("client", clientId);
  return toClient(row);
}
async function touchClient(scope, clientId, touch) {
  const { db, workspaceId } = scope;
  const fields = ["lastInteractionAt", "lastGestureAt", "lastAdviceAt"];
  for (const field2 of fields) {
    const at = touch[field2];
    if (at === void 0) continue;
    await db.client.updateMany({
      where: { id: clientId, workspaceId, OR: [{ [field2]: null }, { [field2]: { lt: at } }] },
      data: { [field2]: at }
    });
  }
}
async function forgetClient(scope, clientId) {
  await scope.db.client.deleteMany({ where: { id: clientId, workspaceId: scope.workspaceId } });
}

// src/core/commands/names.ts
import { distance } from "fastest-levenshtein";

// src/core/commands/outcome.ts
var succeed = (value) => ({ ok: true, value });
var fail = (code, message, suggestions) => suggestions && suggestions.length > 0 ? { ok: false, code, message, suggestions } : { ok: false, code, message };
var CommandFailure = class extends Error {
  constructor(failure) {
    super(failure.message);
    this.failure = failure;
    this.name = "CommandFailure";
  }
  failure;
};
function must(outcome) {
  if (!outcome.ok) throw new CommandFailure(outcome);
  return outcome.value;
}
function refuse(code, message, suggestions) {
  throw new CommandFailure(fail(code, message, suggestions));
}

// src/core/commands/names.ts
function normalizeName(name) {
  return name.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^\p{L}\p{N}&@.+-]+/gu, " ").trim();
}
var MAX_NAME_LENGTH = 120;
function validateName(raw4, what) {
  const name = raw4.replace(/\s+/g, " ").trim();
  if (name === "") return fail("name.empty", `The ${what} needs a name.`);
  if (name.length > MAX_NAME_LENGTH) return fail("name.too-long", `That ${what} name is ${name.length} characters; keep it under ${MAX_NAME_LENGTH}.`);
  if (normalizeName(name) === "") return fail("name.no-letters", `A ${what} name needs at least one letter or digit.`);
  return succeed(name);
}
function matchClient(typed, directory) {
  const key = normalizeName(typed);
  if (key === "") return { kind: "none", nearMisses: [] };
  const keysOf = (c) => [normalizeName(c.name), ...c.aliases.map(normalizeName)];
  const exact = directory.filter((c) => keysOf(c).includes(key));
  if (exact.length === 1) return { kind: "found", client: exact[0] };
  if (exact.length > 1) return { kind: "ambiguous", candidates: exact };
  const prefixed = directory.filter(
    (c) => keysOf(c).some((k) => k.startsWith(key) || k.split(" ").some((word) => word.startsWith(key)))
  );
  if (prefixed.length === 1) return { kind: "found", client: prefixed[0] };
  if (prefixed.length > 1) return { kind: "ambiguous", candidates: prefixed.slice(0, 5) };
  if (key.length < 3) return { kind: "none", nearMisses: [] };
  const limit = key.length <= 5 ? 1 : Math.max(2, Math.floor(key.length / 3));
  const scored = directory.map((c) => ({ c, d: Math.min(...keysOf(c).flatMap((k) => [distance(key, k), distance(key, k.slice(0, key.length))])) })).filter(({ d }) => d <= limit).sort((a, b) => a.d - b.d || a.c.name.localeCompare(b.c.name));
  return { kind: "none", nearMisses: scored.slice(0, 3).map(({ c }) => c) };
}

// src/adapters/store/details.ts
async function clientsNamed(scope, names) {
  const keys = [...new Set(names.map(normalizeName).filter((k) => k !== ""))];
  if (keys.length === 0) return [];
  const rows = await scope.db.client.findMany({
    where: { workspaceId: scope.workspaceId, OR: [{ normalizedName: { in: keys } }, { aliases: { some: { normalized: { in: keys } } } }] },
    select: { id: true, name: true, aliases: { select: { alias: true }, orderBy: { alias: "asc" } } },
    orderBy: { normalizedName: "asc" }
  });
  return rows.map((row) => ({ id: row.id, name: row.name, aliases: row.aliases.map((a) => a.alias) }));
}
async function updateContact(scope, contactId, patch) {
  const { workspaceId } = scope;
  const data = { ...patch.name !== void 0 ? { name: patch.name } : {}, ...patch.role !== void 0 ? { role: patch.role } : {}, ...patch.phone !== void 0 ? { phone: patch.phone } : {} };
  const count = Object.keys(data).length > 0 ? (await scope.db.contact.updateMany({ where: { id: contactId, workspaceId }, data })).count : await scope.db.contact.count({ where: { id: contactId, workspaceId } });
  if (count === 0) throw new NotInWorkspaceError("contact", contactId);
  const addresses = [...new Set((patch.addEmails ?? []).map((e) => e.trim().toLowerCase()))];
  if (addresses.length > 0) await scope.db.contactEmail.createMany({ data: addresses.map((address) => ({ workspaceId, contactId, address })) });
  const row = await scope.db.contact.findFirstOrThrow({ where: { id: contactId, workspaceId }, include: contactInclude });
  return toContact(row);
}
async function updateFamilyMember(scope, familyMemberId, patch) {
  const { count } = await scope.db.familyMember.updateMany({ where: { id: familyMemberId, workspaceId: scope.workspaceId }, data: { ...patch } });
  if (count === 0) throw new NotInWorkspaceError("family member", familyMemberId);
  return toFamilyMember(await scope.db.familyMember.findFirstOrThrow({ where: { id: familyMemberId, workspaceId: scope.workspaceId } }));
}
async function updateDate(scope, dateId, patch) {
  const monthDay3 = patch.month * 100 + patch.day;
  const { count } = await scope.db.importantDate.updateMany({ where: { id: dateId, workspaceId: scope.workspaceId }, data: { ...patch, monthDay: monthDay3 } });
  if (count === 0) throw new NotInWorkspaceError("date", dateId);
  return toDate(await scope.db.importantDate.findFirstOrThrow({ where: { id: dateId, workspaceId: scope.workspaceId } }));
}
async function removeDetail(scope, kind, id) {
  const where = { id, workspaceId: scope.workspaceId };
  const { count } = kind === "contact" ? await scope.db.contact.deleteMany({ where }) : kind === "family" ? await scope.db.familyMember.deleteMany({ where }) : kind === "date" ? await scope.db.importantDate.deleteMany({ where }) : await scope.db.like.deleteMany({ where });
  return count > 0;
}
async function findClientByMember(scope, platformUserId) {
  const row = await scope.db.client.findFirst({ where: { workspaceId: scope.workspaceId, platformUserId }, include: clientInclude, orderBy: { createdAt: "asc" } });
  return row === null ? null : toClient(row);
}
async function openFollowUpsInThreads(scope, threadIds) {
  const ids = [...new Set(threadIds)].filter((id) => id !== "").slice(0, 50);
  if (ids.length === 0) return [];
  const rows = await scope.db.followUp.findMany({
    where: { workspaceId: scope.workspaceId, state: { in: ["open", "snoozed"] }, OR: ids.map((id) => ({ threadIds: { contains: JSON.stringify(id) } })) },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }]
  });
  return rows.map(toFollowUp).filter((f) => f.threadIds.some((id) => ids.includes(id)));
}

// src/adapters/store/records.ts
var OPEN_STATES = ["open", "snoozed"];
async function addContact(scope, input) {
  await requireClient(scope, input.clientId);
  const { workspaceId } = scope;
  const addresses = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ""))];
  const row = await scope.db.contact.create({
    data: {
      workspaceId,
      clientId: input.clientId,
      name: input.name,
      role: input.role,
      phone: input.phone,
      emails: { create: addresses.map((address) => ({ workspaceId, address })) }
    },
    include: contactInclude
  });
  return toContact(row);
}
async function findContactByEmail(scope, address) {
  const row = await scope.db.contactEmail.findFirst({
    where: { workspaceId: scope.workspaceId, address: address.trim().toLowerCase() },
    include: { contact: { include: contactInclude } }
  });
  return row === null ? null : toContact(row.contact);
}
async function addFamilyMember(scope, input) {
  await requireClient(scope, input.clientId);
  const row = await scope.db.familyMember.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toFamilyMember(row);
}
async function addLike(scope, input) {
  await requireClient(scope, input.clientId);
  const row = await scope.db.like.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toLike(row);
}
async function addNote(scope, input) {
  await requireClient(scope, input.clientId);
  await requireMember(scope, input.authorId);
  const row = await scope.db.note.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toNote(row);
}
async function addDate(scope, input) {
  await requireClient(scope, input.clientId);
  if (input.familyMemberId !== null) {
    const family = await scope.db.familyMember.findFirst({
      where: { id: input.familyMemberId, workspaceId: scope.workspaceId, clientId: input.clientId },
      select: { id: true }
    });
    if (family === null) throw new NotInWorkspaceError("family member", input.familyMemberId);
  }
  const row = await scope.db.importantDate.create({
    data: { workspaceId: scope.workspaceId, ...input, monthDay: input.month * 100 + input.day }
  });
  return toDate(row);
}
async function recordInteraction(scope, input) {
  await requireClient(scope, input.clientId);
  await requireMember(scope, input.loggedById);
  const row = await scope.db.interaction.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toInteraction(row);
}
async function findInteractionByRef(scope, externalRef) {
  const row = await scope.db.interaction.findFirst({ where: { workspaceId: scope.workspaceId, externalRef } });
  return row === null ? null : toInteraction(row);
}
async function recordGift(scope, input) {
  await requireClient(scope, input.clientId);
  await requireMember(scope, input.loggedById);
  const row = await scope.db.gift.create({ data: { workspaceId: scope.workspaceId, ...input } });
  return toGift(row);
}
async function openFollowUp(scope, input) {
  await requireClient(scope, input.clientId);
  if (input.interactionId !== null) {
    const interaction = await scope.db.interaction.findFirst({
      where: { id: input.interactionId, workspaceId: scope.workspaceId },
      select: { id: true }
    });
    if (interaction === null) throw new NotInWorkspaceError("interaction", input.interactionId);
  }
  const row = await scope.db.followUp.create({
    data: { workspaceId: scope.workspaceId, ...input, threadIds: JSON.stringify(input.threadIds), state: input.snoozedUntil === null ? "open" : "snoozed" }
  });
  return toFollowUp(row);
}
async function getFollowUp(scope, followUpId) {
  const row = await scope.db.followUp.findFirst({ where: { id: followUpId, workspaceId: scope.workspaceId } });
  return row === null ? null : toFollowUp(row);
}
async function updateFollowUp(scope, followUpId, patch) {
  await requireMember(scope, patch.closedById);
  const { count } = await scope.db.followUp.updateMany({ where: { id: followUpId, workspaceId: scope.workspaceId }, data: patch });
  if (count === 0) throw new NotInWorkspaceError("follow-up", followUpId);
  const row = await getFollowUp(scope, followUpId);
  if (row === null) throw new NotInWorkspaceError("follow-up", followUpId);
  return row;
}
async function closeFollowUps(scope, input) {
  if (input.ids.length === 0) return 0;
  const { count } = await scope.db.followUp.updateMany({
    where: { workspaceId: scope.workspaceId, clientId: input.clientId, id: { in: [...input.ids] }, state: { in: OPEN_STATES } },
    data: { state: "done", closedAt: input.closedAt, closedById: input.closedById }
  });
  return count;
}
async function listOpenFollowUps(scope, clientId) {
  const rows = await scope.db.followUp.findMany({
    where: { workspaceId: scope.workspaceId, state: { in: OPEN_STATES }, ...clientId === void 0 ? {} : { clientId } },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }]
  });
  return rows.map(toFollowUp);
}
async function saveNudgeAck(scope, ack) {
  const { workspaceId } = scope;
  const data = { action: ack.action, until: ack.until, actorId: ack.actorId, at: ack.at };
  await scope.db.nudgeAck.upsert({
    where: { workspaceId_nudgeId: { workspaceId, nudgeId: ack.nudgeId } },
    create: { workspaceId, nudgeId: ack.nudgeId, ...data },
    update: data
  });
}
async function getNudgeAcks(scope, nudgeIds) {
  const rows = await inChunks([...new Set(nudgeIds)], (ids) => scope.db.nudgeAck.findMany({ where: { workspaceId: scope.workspaceId, nudgeId: { in: ids } } }));
  return rows.map(toNudgeAck);
}

// src/adapters/store/snapshot.ts
var ACK_LOOKBACK_DAYS = 400;
var DAY_MS = 864e5;
var LOCAL_DAY_MS = 25 * 36e5;
var TIERS2 = ["top", "standard", "light"];
function monthDay(md2) {
  return md2.month * 100 + md2.day;
}
function monthDayWindow(from, to) {
  const start = monthDay(from);
  const end = monthDay(to);
  if (start <= end) return [{ monthDay: { gte: start, lte: end } }];
  return [{ monthDay: { gte: start } }, { monthDay: { lte: end } }];
}
var sinceOf = (row, field2) => row[field2] ?? row.createdAt;
function clientFamilies(workspaceId, query) {
  const active = { workspaceId, status: "active" };
  const family = (where, field2, before, tier, parts) => ({
    where: tier === void 0 ? where : { ...where, tier },
    field: field2,
    before,
    ...parts ? { parts } : {},
    matches: (row) => row.status === "active" && (tier === void 0 || row.tier === tier) && sinceOf(row, field2) < before
  });
  const quiet = TIERS2.map((tier) => family(active, "lastInteractionAt", query.quietBeforeByTier?.[tier] ?? query.quietBefore, tier));
  return [
    ...quiet,
    family(active, "lastGestureAt", query.gestureBefore, void 0, [{ likes: { some: {} } }, { likes: { none: {} } }]),
    family(active, "lastAdviceAt", query.adviceBefore, "top")
  ];
}
async function overdue(scope, family, take) {
  const { db } = scope;
  const { field: field2, before } = family;
  const touched = (extra, range = { lt: before }) => ({ AND: [family.where, extra, { [field2]: range }] });
  const never = (extra, range = { lt: before }) => ({ AND: [family.where, extra, { [field2]: null, createdAt: range }] });
  if (take === void 0) {
    const rows = await db.client.findMany({ where: { OR: [touched({}), never({})] }, orderBy: { id: "asc" } });
    return { rows, count: null };
  }
  const byClock = (a, b) => sinceOf(a, field2).getTime() - sinceOf(b, field2).getTime() || a.id.localeCompare(b.id);
  const kept = /* @__PURE__ */ new Map();
  let cut = false;
  for (const part of family.parts ?? [{}]) {
    const [a, b] = await Promise.all([
      db.client.findMany({ where: touched(part), orderBy: [{ [field2]: "asc" }, { id: "asc" }], take }),
      db.client.findMany({ where: never(part), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take })
    ]);
    const first = [...a, ...b].sort(byClock).slice(0, take);
    for (const row of first) kept.set(row.id, row);
    if (a.length < take && b.length < take) continue;
    cut = true;
    const last = sinceOf(first.at(-1), field2);
    const range = { gte: last, lt: new Date(Math.min(last.getTime() + LOCAL_DAY_MS, before.getTime())) };
    const ties = await db.client.findMany({ where: { OR: [touched(part, range), never(part, range)] } });
    for (const row of ties) kept.set(row.id, row);
  }
  const count = cut ? await db.client.count({ where: { OR: [touched({}), never({})] } }) : null;
  return { rows: [...kept.values()], count };
}
async function upcomingDates(scope, query, take) {
  const { db, workspaceId } = scope;
  const segments = monthDayWindow(query.dateWindow.from, query.dateWindow.to);
  const base = { workspaceId, client: { status: "active" } };
  const orderBy = [{ monthDay: "asc" }, { id: "asc" }];
  if (take === void 0) return { rows: await db.importantDate.findMany({ where: { ...base, OR: segments }, orderBy }), count: null };
  const rows = [];
  for (const segment of segments) {
    if (rows.length >= take) break;
    rows.push(...await db.importantDate.findMany({ where: { ...base, ...segment }, orderBy, take: take - rows.length }));
  }
  if (rows.length < take) return { rows, count: null };
  const last = rows.at(-1).monthDay;
  const sameDay = await db.importantDate.findMany({ where: { ...base, OR: segments, monthDay: { in: last === 228 ? [228, 229] : [last] } }, orderBy });
  const seen = new Set(rows.map((r) => r.id));
  rows.push(...sameDay.filter((r) => !seen.has(r.id)));
  return { rows, count: await db.importantDate.count({ where: { ...base, OR: segments } }) };
}
async function careSnapshot(scope, query) {
  const { db, workspaceId } = scope;
  const workspaceRow = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (workspaceRow === null) throw new Error(`workspace ${workspaceId} does not exist`);
  const [followUps, moods, acks, exchanges, clientSince] = await Promise.all([
    db.followUp.findMany({
      where: { workspaceId, state: { in: ["open", "snoozed"] } },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }]
    }),
    db.interaction.findMany({
      where: { workspaceId, occurredAt: { gte: query.moodSince }, mood: query.moods === void 0 ? { not: null } : { in: [...query.moods] } },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }]
    }),
    db.nudgeAck.findMany({
      where: {
        workspaceId,
        OR: [{ until: { gte: query.now } }, { at: { gte: new Date(query.now.getTime() - ACK_LOOKBACK_DAYS * DAY_MS) } }]
      }
    }),
    oneSidedCandidates(scope, query),
    // Surprise candidates by their recorded client-since date, on the (workspaceId, kind, year)
    // index: a year up to gestureBefore's is wide enough (the rule decides), and never narrower in
    // any time zone, since a local date before gestureBefore is in its UTC year or earlier. Only the
    // long-standing clients added to Rapport since gestureBefore: the gesture family already brings
    // those added earlier, and reading every client-since date would load every client.
    db.importantDate.findMany({
      where: { workspaceId, kind: "client-since", year: { lte: query.gestureBefore.getUTCFullYear() }, client: { lastGestureAt: null, createdAt: { gte: query.gestureBefore } } },
      orderBy: [{ year: "asc" }, { monthDay: "asc" }, { id: "asc" }],
      ...query.limit === void 0 ? {} : { take: query.limit }
    })
  ]);
  const take = query.limit === void 0 ? void 0 : query.limit + acks.length;
  const families = clientFamilies(workspaceId, query);
  const [dates, ...selected] = await Promise.all([
    upcomingDates(scope, query, take),
    ...families.map(async (family2) => ({ family: family2, ...await overdue(scope, family2, take) }))
  ]);
  const rows = /* @__PURE__ */ new Map();
  for (const { rows: list } of selected) for (const row of list) rows.set(row.id, row);
  const missing = [...new Set([...dates.rows, ...followUps, ...moods, ...exchanges, ...clientSince].map((row) => row.clientId))].filter((id) => !rows.has(id));
  for (const row of await inChunks(missing, (ids) => db.client.findMany({ where: { workspaceId, id: { in: ids } } }))) rows.set(row.id, row);
  let unlisted = dates.count === null ? 0 : dates.count - dates.rows.length;
  for (const { family: family2, count } of selected) {
    if (count === null) continue;
    let seen = 0;
    for (const row of rows.values()) if (family2.matches(row)) seen += 1;
    unlisted += count - seen;
  }
  const clients = await withAliases(scope, [...rows.values()]);
  const clientIds = [...rows.keys()].sort();
  const ownerIds = [...new Set(clients.flatMap((c) => c.ownerId === null ? [] : [c.ownerId]))];
  const of = (ids) => ({ workspaceId, clientId: { in: ids } });
  const byCreated = [{ createdAt: "asc" }, { id: "asc" }];
  const [family, contacts, emails, likes, gifts, latest, members, sinceDates] = await Promise.all([
    inChunks(clientIds, (ids) => db.familyMember.findMany({ where: of(ids), orderBy: byCreated })),
    inChunks(clientIds, (ids) => db.contact.findMany({ where: of(ids), orderBy: byCreated })),
    inChunks(
      clientIds,
      (ids) => db.contactEmail.findMany({ where: { workspaceId, contact: of(ids) }, select: { contactId: true, address: true }, orderBy: [{ contactId: "asc" }, { address: "asc" }] })
    ),
    inChunks(clientIds, (ids) => db.like.findMany({ where: of(ids), orderBy: byCreated })),
    inChunks(clientIds, (ids) => db.gift.findMany({ where: { ...of(ids), givenAt: { gte: query.giftsSince } }, orderBy: [{ givenAt: "desc" }, { id: "asc" }] })),
    inChunks(clientIds, (ids) => latestInteractions(scope, ids)),
    inChunks(ownerIds, (ids) => db.member.findMany({ where: { workspaceId, id: { in: ids } } })),
    // The surprise clock of every client in the snapshot (never given anything) starts at its client-since date when earlier.
    inChunks(
      clientIds,
      (ids) => db.importantDate.findMany({ where: { ...of(ids), kind: "client-since", year: { not: null }, client: { lastGestureAt: null } }, orderBy: [{ clientId: "asc" }, { id: "asc" }] })
    )
  ]);
  const emailsOf = groupBy(emails, (e) => e.contactId);
  return {
    workspace: toWorkspace(workspaceRow),
    members: members.map(toMember),
    clients,
    openFollowUps: followUps.map(toFollowUp),
    upcomingDates: dates.rows.map(toDate),
    family: family.map(toFamilyMember),
    contacts: contacts.map((c) => toContact({ ...c, emails: emailsOf.get(c.id) ?? [] })),
    likes: likes.map(toLike),
    recentGifts: gifts.map(toGift),
    moodInteractions: moods.map(toInteraction),
    exchanges,
    lastInteractions: latest,
    clientSince: sinceDates.map(toDate),
    acks: acks.map(toNudgeAck),
    unlisted
  };
}
async function oneSidedCandidates(scope, query) {
  const { db, workspaceId } = scope;
  const since = { gte: query.moodSince, lte: query.now };
  const outbound = await db.interaction.groupBy({
    by: ["clientId"],
    where: { workspaceId, direction: "out", occurredAt: since, ...query.silentOnly ? { client: { interactions: { none: { direction: "in", occurredAt: since } } } } : {} },
    _count: { _all: true },
    _max: { occurredAt: true },
    having: { clientId: { _count: { gte: query.outreachAtLeast } } }
  });
  if (outbound.length === 0) return [];
  const inbound = /* @__PURE__ */ new Map();
  if (!query.silentOnly) {
    const rows = await inChunks(
      outbound.map((o) => o.clientId),
      (ids) => db.interaction.groupBy({ by: ["clientId"], where: { workspaceId, direction: "in", occurredAt: since, clientId: { in: ids } }, _count: { _all: true } })
    );
    for (const row of rows) inbound.set(row.clientId, row._count._all);
  }
  return outbound.map((o) => ({ clientId: o.clientId, inbound: inbound.get(o.clientId) ?? 0, outbound: o._count._all, lastOutboundAt: o._max.occurredAt ?? query.now })).sort((a, b) => a.clientId.localeCompare(b.clientId));
}
async function latestInteractions(scope, clientIds) {
  if (clientIds.length === 0) return [];
  const rows = await scope.db.$queryRaw`
    SELECT * FROM (
      SELECT i.*, ROW_NUMBER() OVER (PARTITION BY i."clientId" ORDER BY i."occurredAt" DESC, i."createdAt" DESC, i."id" DESC) AS rn
      FROM "Interaction" i
      WHERE i."workspaceId" = ${scope.workspaceId} AND i."clientId" IN (${prismaNamespace_exports.join([...clientIds])})
    ) t
    WHERE t.rn = 1`;
  return rows.map(({ rn: _rn, ...row }) => toInteraction(row));
}

// src/adapters/store/workspace-store.ts
var TRANSACTION_OPTIONS = { maxWait: 1e4, timeout: 3e4 };
var PrismaWorkspaceStore = class _PrismaWorkspaceStore {
  /** root is the client to open transactions on; null when already inside one. */
  constructor(db, workspaceId, root) {
    this.workspaceId = workspaceId;
    this.root = root;
    this.scope = { db, workspaceId };
  }
  workspaceId;
  root;
  scope;
  /** Nested calls reuse the current transaction: the outermost one decides commit or rollback. */
  async transaction(fn) {
    if (this.root === null) return fn(this);
    return this.root.$transaction((tx) => fn(new _PrismaWorkspaceStore(tx, this.workspaceId, null)), TRANSACTION_OPTIONS);
  }
  async getWorkspace() {
    const row = await this.scope.db.workspace.findUnique({ where: { id: this.workspaceId } });
    if (row === null) throw new Error(`workspace ${this.workspaceId} does not exist`);
    return toWorkspace(row);
  }
  async updateWorkspace(patch) {
    const { policy, businessDays, clearDeliveryBlock, ...fields } = patch;
    const row = await this.scope.db.workspace.update({
      where: { id: this.workspaceId },
      data: {
        ...fields,
        ...businessDays === void 0 ? {} : { businessDays: fromBusinessDays(businessDays) },
        ...policy === void 0 ? {} : { settings: JSON.stringify(policy) },
        ...clearDeliveryBlock ? { deliveryBlockedReason: null, deliveryBlockedAt: null } : {}
      }
    });
    return toWorkspace(row);
  }
  async ensureMember(platformUserId, displayName) {
    const { workspaceId } = this;
    const row = await this.scope.db.member.upsert({
      where: { workspaceId_platformUserId: { workspaceId, platformUserId } },
      create: { workspaceId, platformUserId, displayName },
      update: { displayName }
    });
    return toMember(row);
  }
  async findMember(platformUserId) {
    const row = await this.scope.db.member.findFirst({ where: { workspaceId: this.workspaceId, platformUserId } });
    return row === null ? null : toMember(row);
  }
  async getMembers(ids) {
    const rows = await inChunks([...new Set(ids)], (slice) => this.scope.db.member.findMany({ where: { workspaceId: this.workspaceId, id: { in: slice } } }));
    return rows.map(toMember);
  }
  clientDirectory() {
    return clientDirectory(this.scope);
  }
  clientsNamed(names) {
    return clientsNamed(this.scope, names);
  }
  findClientByMember(platformUserId) {
    return findClientByMember(this.scope, platformUserId);
  }
  openFollowUpsInThreads(threadIds) {
    return openFollowUpsInThreads(this.scope, threadIds);
  }
  async hasClients() {
    return await this.scope.db.client.findFirst({ where: { workspaceId: this.workspaceId }, select: { id: true } }) !== null;
  }
  updateContact(contactId, patch) {
    return updateContact(this.scope, contactId, patch);
  }
  updateFamilyMember(familyMemberId, patch) {
    return updateFamilyMember(this.scope, familyMemberId, patch);
  }
  updateDate(dateId, patch) {
    return updateDate(this.scope, dateId, patch);
  }
  removeDetail(kind, id) {
    return removeDetail(this.scope, kind, id);
  }
  getClient(clientId) {
    return getClient(this.scope, clientId);
  }
  listClients(filter) {
    return listClients(this.scope, filter);
  }
  getProfile(clientId, options) {
    return getProfile(this.scope, clientId, options);
  }
  getProfiles(filter, options) {
    return getProfiles(this.scope, filter, options);
  }
  createClient(input) {
    return createClient(this.scope, input);
  }
  updateClient(clientId, patch) {
    return updateClient(this.scope, clientId, patch);
  }
  touchClient(clientId, touch) {
    return touchClient(this.scope, clientId, touch);
  }
  forgetClient(clientId) {
    return forgetClient(this.scope, clientId);
  }
  addContact(input) {
    return addContact(this.scope, input);
  }
  findContactByEmail(address) {
    return findContactByEmail(this.scope, address);
  }
  addFamilyMember(input) {
    return addFamilyMember(this.scope, input);
  }
  addLike(input) {
    return addLike(this.scope, input);
  }
  addNote(input) {
    return addNote(this.scope, input);
  }
  addDate(input) {
    return addDate(this.scope, input);
  }
  recordInteraction(input) {
    return recordInteraction(this.scope, input);
  }
  findInteractionByRef(externalRef) {
    return findInteractionByRef(this.scope, externalRef);
  }
  recordGift(input) {
    return recordGift(this.scope, input);
  }
  openFollowUp(input) {
    return openFollowUp(this.scope, input);
  }
  getFollowUp(followUpId) {
    return getFollowUp(this.scope, followUpId);
  }
  updateFollowUp(followUpId, patch) {
    return updateFollowUp(this.scope, followUpId, patch);
  }
  closeFollowUps(input) {
    return closeFollowUps(this.scope, input);
  }
  listOpenFollowUps(clientId) {
    return listOpenFollowUps(this.scope, clientId);
  }
  saveNudgeAck(ack) {
    return saveNudgeAck(this.scope, ack);
  }
  getNudgeAcks(nudgeIds) {
    return getNudgeAcks(this.scope, nudgeIds);
  }
  careSnapshot(query) {
    return careSnapshot(this.scope, query);
  }
};

// src/adapters/store/prisma-store.ts
var PrismaStore = class {
  constructor(db, provider) {
    this.db = db;
    this.provider = provider;
    this.lifecycle = createWorkspaceLifecycle(db);
    this.installations = createInstallations(db);
    this.processedEvents = createProcessedEvents(db);
    this.deliveryLedger = createDeliveryLedger(db);
  }
  db;
  provider;
  /** Install, uninstall, erasure and delivery blocks (platform adapters, the scheduler, the erasure job). */
  lifecycle;
  /** Platform installations and their tokens. */
  installations;
  /** Event ids already acted on, so platform retries have no second effect. */
  processedEvents;
  /** What the scheduler claimed, posted and skipped. */
  deliveryLedger;
  /** Finds by (platform, externalId) or creates; an existing workspace keeps its settings. */
  async ensureWorkspace(input) {
    const { platform, externalId, name } = input;
    const row = await this.db.workspace.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: {
        platform,
        externalId,
        name,
        ...input.timeZone === void 0 ? {} : { timeZone: input.timeZone },
        ...input.digestChannel === void 0 ? {} : { digestChannel: input.digestChannel }
      },
      update: {}
    });
    return toWorkspace(row);
  }
  async findWorkspace(platform, externalId) {
    const row = await this.db.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
    return row === null ? null : toWorkspace(row);
  }
  async listWorkspaces() {
    const rows = await this.db.workspace.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map(toWorkspace);
  }
  /** Every row of the workspace goes with it through the schema's cascades. */
  async deleteWorkspace(workspaceId) {
    await this.db.workspace.deleteMany({ where: { id: workspaceId } });
  }
  workspace(workspaceId) {
    return new PrismaWorkspaceStore(this.db, workspaceId, this.db);
  }
  async close() {
    await this.db.$disconnect();
  }
};

// src/adapters/store/tick-coordinator.ts
import pg2 from "pg";
function postgresCoordinator(input) {
  const holdLimitMs = input.holdLimitMs ?? 15 * 6e4;
  const target = parseDatabaseUrl(input.databaseUrl);
  if (target.provider !== "postgresql") throw new Error("postgresCoordinator needs a PostgreSQL URL");
  const { connectionString, schema } = target;
  const lockName = `rapport:${input.name ?? "digest-scheduler"}:${schema ?? "public"}`;
  let client = null;
  let connecting = null;
  async function connection() {
    if (client) return client;
    connecting ??= (async () => {
      const c = new pg2.Client({ connectionString });
      c.on("error", () => {
        if (client === c) client = null;
      });
      await c.connect();
      try {
        await c.query(`SET idle_session_timeout = ${Math.floor(holdLimitMs)}`);
      } catch {
      }
      client = c;
      return c;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }
  async function drop(c) {
    if (client === c) client = null;
    await c.end().catch(() => void 0);
  }
  return {
    async tryAcquire() {
      const c = await connection();
      let locked;
      try {
        const res = await c.query("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [lockName]);
        locked = res.rows[0]?.locked === true;
      } catch (error) {
        await drop(c);
        throw error;
      }
      if (!locked) return null;
      return {
        async release() {
          try {
            await c.query("SELECT pg_advisory_unlock(hashtext($1))", [lockName]);
          } catch {
            await drop(c);
          }
        }
      };
    },
    async close() {
      const c = client;
      client = null;
      await c?.end().catch(() => void 0);
    }
  };
}

// src/adapters/store/processed-requests.ts
function prismaProcessedRequests(db, options) {
  let prunedAt = 0;
  return {
    async claim(id, at) {
      if (!id.startsWith(options.prefix)) throw new Error(`processed-request ids start with ${options.prefix}`);
      try {
        await db.processedEvent.create({ data: { id, processedAt: at } });
      } catch (error) {
        if (error.code === "P2002") return false;
        throw error;
      }
      if (at.getTime() - prunedAt > options.rememberMs) {
        prunedAt = at.getTime();
        await db.processedEvent.deleteMany({ where: { id: { startsWith: options.prefix }, processedAt: { lt: new Date(at.getTime() - options.rememberMs) } } });
      }
      return true;
    }
  };
}

// src/adapters/store/health.ts
function databaseAnswers(db, timeoutMs = 2e3) {
  return async () => {
    let timer;
    const late = new Promise((resolve2) => timer = setTimeout(() => resolve2(false), timeoutMs));
    try {
      return await Promise.race([db.$queryRawUnsafe("SELECT 1").then(() => true, () => false), late]);
    } finally {
      clearTimeout(timer);
    }
  };
}

// src/adapters/store/index.ts
async function openStore(options) {
  const { databaseUrl, logger } = options;
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite" && target.file === ":memory:") throw new Error("openStore needs a SQLite file, not :memory:");
  const applied = await applyMigrations(databaseUrl);
  const { db, provider } = await openDatabase(databaseUrl);
  if (applied.length > 0) logger?.info({ provider, applied }, "database migrations applied");
  else logger?.debug({ provider }, "database schema up to date");
  const store = new PrismaStore(db, provider);
  return { store, provider, close: () => store.close() };
}

// src/adapters/console/console-adapter.ts
import { createInterface } from "node:readline";

// src/core/time/calendar.ts
import { DateTime } from "luxon";
var HOUR_MS = 36e5;
var DAY_MS2 = 864e5;
function day(date, zone) {
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw new Error(`invalid local date ${date} in ${zone}`);
  return dt;
}
var QUARTER_MS = 9e5;
var offsets = /* @__PURE__ */ new Map();
function offsetAt(ms, zone) {
  const quarter = Math.floor(ms / QUARTER_MS);
  const key = `${zone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === void 0) {
    const dt = DateTime.fromMillis(quarter * QUARTER_MS, { zone });
    if (!dt.isValid) throw new Error(`invalid time zone ${zone}`);
    offset = dt.offset;
    if (offsets.size > 5e4) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}
function localDateOf(instant, zone) {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) return "";
  return new Date(ms + offsetAt(ms, zone) * 6e4).toISOString().slice(0, 10);
}
var wallTimes = /* @__PURE__ */ new Map();
function atLocalTime(date, hhmm2, zone) {
  const key = `${zone}|${date}|${hhmm2}`;
  let ms = wallTimes.get(key);
  if (ms === void 0) {
    const [h, m] = hhmm2.split(":").map(Number);
    ms = day(date, zone).set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 }).toMillis();
    if (wallTimes.size > 5e4) wallTimes.clear();
    wallTimes.set(key, ms);
  }
  return new Date(ms);
}
function dayNumber(date) {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`invalid local date ${date}`);
  return ms / DAY_MS2;
}
function fromDayNumber(n) {
  return new Date(n * DAY_MS2).toISOString().slice(0, 10);
}
function addDays(date, days2) {
  return fromDayNumber(dayNumber(date) + days2);
}
function daysBetween(a, b) {
  return dayNumber(b) - dayNumber(a);
}
function weekdayOf(date) {
  return ((dayNumber(date) + 3) % 7 + 7) % 7 + 1;
}
function isBusinessDay(cal, date) {
  return cal.businessDays.includes(weekdayOf(date));
}
function nextBusinessDay(cal, date) {
  for (let i = 1; i <= 7; i++) {
    const candidate = addDays(date, i);
    if (isBusinessDay(cal, candidate)) return candidate;
  }
  return addDays(date, 1);
}
function previousBusinessDay(cal, date) {
  for (let i = 1; i <= 7; i++) {
    const candidate = addDays(date, -i);
    if (isBusinessDay(cal, candidate)) return candidate;
  }
  return addDays(date, -1);
}
function businessDayOnOrBefore(cal, date) {
  return isBusinessDay(cal, date) ? date : previousBusinessDay(cal, date);
}
function addBusinessDays(cal, date, n) {
  let current = n === 0 && !isBusinessDay(cal, date) ? nextBusinessDay(cal, date) : date;
  for (let i = 0; i < n; i++) current = nextBusinessDay(cal, current);
  return current;
}
function businessWindow(cal, date) {
  if (!isBusinessDay(cal, date)) return null;
  const start = atLocalTime(date, cal.businessStart, cal.timeZone);
  const end = atLocalTime(date, cal.businessEnd, cal.timeZone);
  return end > start ? { start, end } : null;
}
function businessHoursBetween(cal, from, to) {
  if (to <= from) return 0;
  const zone = cal.timeZone;
  const first = localDateOf(from, zone);
  const last = localDateOf(to, zone);
  const walk = (a, b) => {
    let ms2 = 0;
    for (let d = a; d <= b; d = addDays(d, 1)) {
      const window = businessWindow(cal, d);
      if (!window) continue;
      const start = Math.max(window.start.getTime(), from.getTime());
      const end = Math.min(window.end.getTime(), to.getTime());
      if (end > start) ms2 += end - start;
    }
    return ms2;
  };
  if (daysBetween(first, last) < 21) return walk(first, last) / HOUR_MS;
  const weekly = new Set(cal.businessDays.filter((d) => d >= 1 && d <= 7)).size * businessDayHours(cal) * HOUR_MS;
  let ms = walk(first, addDays(first, 6));
  let week = addDays(first, 7);
  const stop = addDays(last, -7);
  let weekStart = atLocalTime(week, "00:00", zone).getTime();
  while (daysBetween(week, stop) >= 7) {
    const next = addDays(week, 7);
    const nextStart = atLocalTime(next, "00:00", zone).getTime();
    ms += nextStart - weekStart === 7 * DAY_MS2 ? weekly : walk(week, addDays(week, 6));
    week = next;
    weekStart = nextStart;
  }
  return (ms + walk(week, last)) / HOUR_MS;
}
function businessDayHours(cal) {
  const [sh, sm] = cal.businessStart.split(":").map(Number);
  const [eh, em] = cal.businessEnd.split(":").map(Number);
  return Math.max(0, (eh ?? 0) + (em ?? 0) / 60 - (sh ?? 0) - (sm ?? 0) / 60);
}
function localDaysBetween(from, to, zone) {
  return daysBetween(localDateOf(from, zone), localDateOf(to, zone));
}
function shortDate(date) {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("ccc d LLL");
}
function longDate(date) {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("cccc d LLLL");
}
function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}

// src/core/time/relative.ts
import { DateTime as DateTime2 } from "luxon";
function whenAhead(today, date) {
  const days2 = daysBetween(today, date);
  if (days2 === 0) return "today";
  if (days2 === 1) return "tomorrow";
  const weekday = DateTime2.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("cccc");
  const dm = DateTime2.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("d LLL");
  if (days2 > 1 && days2 < 7) {
    return weekdayOf(date) > weekdayOf(today) ? `on ${weekday} (${dm})` : `next ${weekday} (${dm})`;
  }
  if (days2 >= 7 && days2 < 14) return `next ${weekday} (${dm})`;
  return `on ${shortDate(date)}`;
}
function whenAgo(now, then, zone) {
  const today = localDateOf(now, zone);
  const date = localDateOf(then, zone);
  const days2 = daysBetween(date, today);
  if (days2 <= 0) return "today";
  if (days2 === 1) return "yesterday";
  const dm = DateTime2.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("d LLL");
  if (days2 < 21) return `${days2} days ago (${dm})`;
  if (days2 < 90) return `${Math.round(days2 / 7)} weeks ago (${dm})`;
  return `${Math.round(days2 / 30)} months ago (${shortDate(date)})`;
}
function businessAge(hours, dayHours) {
  const h = Math.floor(hours);
  if (dayHours > 0 && hours >= 40) {
    const d = Math.floor(hours / dayHours);
    return `${d} business days`;
  }
  if (h < 1) return "under an hour of business time";
  return h === 1 ? "1 business hour" : `${h} business hours`;
}

// src/core/rules/same-day-reply.rule.ts
import { DateTime as DateTime3 } from "luxon";

// src/core/rules/nudge-id.ts
import { createHash } from "node:crypto";
function nudgeId(rule, subject, occurrence) {
  const digest = createHash("sha256").update(`${rule}\0${subject}\0${occurrence}`).digest();
  const n = digest.readUIntBE(0, 5);
  return `n-${n.toString(36).padStart(8, "0")}`;
}

// src/core/rules/context.ts
var cache = /* @__PURE__ */ new WeakMap();
function group(rows) {
  const map = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const list = map.get(row.clientId);
    if (list) list.push(row);
    else map.set(row.clientId, [row]);
  }
  return map;
}
function indexSnapshot(snapshot) {
  const hit = cache.get(snapshot);
  if (hit) return hit;
  const likes = group(snapshot.likes);
  const family = group(snapshot.family);
  const contacts = group(snapshot.contacts);
  const gifts = group(snapshot.recentGifts);
  const last = /* @__PURE__ */ new Map();
  for (const i of snapshot.lastInteractions) {
    const prev = last.get(i.clientId);
    if (!prev || prev.occurredAt < i.occurredAt) last.set(i.clientId, i);
  }
  const index = {
    snapshot,
    cal: snapshot.workspace,
    clients: new Map(snapshot.clients.map((c) => [c.id, c])),
    likes: (id) => likes.get(id) ?? [],
    family: (id) => family.get(id) ?? [],
    contacts: (id) => contacts.get(id) ?? [],
    gifts: (id) => gifts.get(id) ?? [],
    lastInteraction: (id) => last.get(id),
    today: (now) => localDateOf(now, snapshot.workspace.timeZone)
  };
  cache.set(snapshot, index);
  return index;
}
function isActive(client) {
  return client.status === "active";
}
function isFollowedUp(client) {
  return client.status !== "former";
}
function dueFollowUps(snapshot, kinds, now) {
  return snapshot.openFollowUps.filter((f) => kinds.includes(f.kind) && f.state !== "done" && f.closedAt === null).filter((f) => f.snoozedUntil === null || f.snoozedUntil <= now).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id));
}
var TITLES = /* @__PURE__ */ new Set(["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd", "fr", "hon", "capt", "col", "maj", "gen", "herr", "frau", "mme", "mlle"]);
var INITIAL = /^(?:\p{L}\.?|(?:\p{L}\.){1,3}\p{L}?\.?|\p{Lu}{2}\.)$/u;
function firstName(name) {
  const words = name.trim().split(/\s+/).filter((w) => w.length > 0);
  let start = 0;
  while (start < words.length && TITLES.has(words[start].replace(/\.$/, "").toLowerCase())) start += 1;
  const first = words[start];
  if (first === void 0 || INITIAL.test(first)) return words.join(" ") || name;
  if (start > 0 && words.length - start < 2) return words.join(" ");
  return first;
}
function callName(ix, client) {
  const keyPerson = ix.contacts(client.id)[0];
  return firstName(keyPerson && keyPerson.name !== client.name ? keyPerson.name : client.name);
}
function quote(text, max = 70) {
  const clean = text.replace(/\s+/g, " ").trim();
  return `\u201C${clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean}\u201D`;
}
var KIND_WORDS = {
  call: "call",
  "email-in": "email from them",
  "email-out": "email to them",
  meeting: "meeting",
  message: "message",
  complaint: "complaint",
  "status-update": "status update",
  resolution: "resolution",
  gift: "gift",
  referral: "referral",
  mistake: "mistake logged",
  apology: "apology",
  feedback: "feedback",
  "advice-asked": "asked their advice",
  note: "note"
};
function lastContactLine(ix, clientId, now) {
  const last = ix.lastInteraction(clientId);
  if (!last) return "Nothing logged with them yet.";
  const when = whenAgo(now, last.occurredAt, ix.cal.timeZone);
  const summary = last.summary.trim() ? `: ${quote(last.summary)}` : "";
  return `Last contact: ${KIND_WORDS[last.kind] ?? last.kind}, ${when}${summary}.`;
}
function likesLine(ix, clientId) {
  const likes = ix.likes(clientId);
  return likes.length ? `Loves: ${likes.map((l) => l.value).join(", ")}.` : null;
}
function familyLine(ix, clientId) {
  const family = ix.family(clientId);
  return family.length ? `Family: ${family.map((f) => `${f.name} (${f.relation})`).join(", ")}.` : null;
}
function askAfterLine(ix, clientId) {
  const names = ix.family(clientId).map((f) => `${f.name} (${f.relation})`);
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Ask after ${list}.`;
}
function contactLine(ix, clientId) {
  const contact = ix.contacts(clientId)[0];
  if (!contact) return null;
  return `Contact: ${contact.name}${contact.role ? ` (${contact.role})` : ""}${contact.phone ? `, ${contact.phone}` : ""}.`;
}
function lines(...items) {
  return items.filter((l) => typeof l === "string" && l.length > 0);
}
function makeNudge(input) {
  const make2 = input.context;
  let context = typeof make2 === "function" ? null : make2;
  const nudge = {
    id: nudgeId(input.rule, input.subject, input.occurrence),
    rule: input.rule,
    clientId: input.client.id,
    clientName: input.client.name,
    ownerId: input.client.ownerId,
    group: input.group,
    urgency: input.urgency,
    title: input.title,
    get context() {
      context ??= make2();
      return context;
    },
    triggeredAt: input.triggeredAt,
    followUpId: input.followUpId ?? null,
    sweep: input.sweep ?? false
  };
  return nudge;
}

// src/core/rules/same-day-reply.rule.ts
var SAME_DAY_REPLY = "same-day-reply";
function sweepFor(cal, sweepAt, openedAt) {
  const date = localDateOf(openedAt, cal.timeZone);
  if (isBusinessDay(cal, date)) {
    const sweep = atLocalTime(date, sweepAt, cal.timeZone);
    if (openedAt < sweep) return sweep;
  }
  return atLocalTime(nextBusinessDay(cal, date), sweepAt, cal.timeZone);
}
function channelOf(f, interaction) {
  switch (f.channel) {
    case "email":
    case "call":
      return f.channel;
    case "chat":
      return "message";
    case "forum-post":
      return "forum post";
    default:
      return f.source === "mail" || interaction?.kind === "email-in" ? "email" : interaction?.id === f.interactionId && interaction?.kind === "call" ? "call" : "message";
  }
}
function sameDayReply(now, snapshot, policy) {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return dueFollowUps(snapshot, ["reply"], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const sweep = sweepFor(ix.cal, policy.sweepAt, f.openedAt);
    const channel = channelOf(f, ix.lastInteraction(f.clientId));
    const about = f.summary;
    const arrived = DateTime3.fromJSDate(f.openedAt, { zone }).setLocale("en-GB").toFormat("ccc d LLL 'at' HH:mm");
    const base = { rule: SAME_DAY_REPLY, subject: f.id, occurrence: f.openedAt.toISOString(), client, group: "today", triggeredAt: f.openedAt, followUpId: f.id };
    const aboutLine = about ? `About: ${quote(about)}.` : null;
    if (now < sweep) {
      const sweepDate = localDateOf(sweep, zone);
      const by = sweepDate === localDateOf(now, zone) ? "Reply today" : `Reply by ${DateTime3.fromJSDate(sweep, { zone }).setLocale("en-GB").toFormat("ccc d LLL")}`;
      return [
        makeNudge({
          ...base,
          urgency: 60,
          title: `${by}: ${client.name}'s ${channel} came in ${arrived}.`,
          context: () => lines(aboutLine, contactLine(ix, f.clientId), `A short \u201Cgot it, more by tomorrow\u201D before ${policy.sweepAt} keeps the same-day promise.`),
          sweep: false
        })
      ];
    }
    const hours = businessHoursBetween(ix.cal, f.openedAt, now);
    return [
      makeNudge({
        ...base,
        urgency: 80 + Math.min(19, Math.floor(hours / 4)),
        title: `Still unanswered: ${client.name}'s ${channel} has waited ${businessAge(hours, businessDayHours(ix.cal))}.`,
        context: () => lines(aboutLine, contactLine(ix, f.clientId), `Came in ${arrived}. Even \u201Cgot it, back to you tomorrow\u201D keeps the promise.`),
        sweep: true
      })
    ];
  });
}

// src/core/digest/build-digest.ts
var DUE_ALL_COMMAND = "/client due all";
var HEADINGS = {
  today: "Today",
  attention: "Needs attention",
  "coming-up": "Coming up"
};
function compareNudges(a, b) {
  return NUDGE_GROUPS.indexOf(a.group) - NUDGE_GROUPS.indexOf(b.group) || b.urgency - a.urgency || a.triggeredAt.getTime() - b.triggeredAt.getTime() || a.id.localeCompare(b.id);
}
function toItem(n) {
  return { nudgeId: n.id, clientId: n.clientId, clientName: n.clientName, ownerId: n.ownerId, title: n.title, context: n.context };
}
var replies = (n) => `${n} repl${n === 1 ? "y" : "ies"}`;
function sweepTitle(day2, late, due) {
  if (late === 0 && due === 0) return `End of day, ${day2}: every call and email answered`;
  if (due === 0) return `End of day, ${day2}: ${late} still unanswered`;
  if (late === 0) return `End of day, ${day2}: nothing late, ${replies(due)} still due`;
  return `End of day, ${day2}: ${late} still unanswered, ${due} more ${due === 1 ? "reply" : "replies"} due`;
}
function morningTitle(day2, count) {
  if (count === 0) return `Good morning: nothing pressing for ${day2}`;
  return `Good morning: ${count} thing${count === 1 ? "" : "s"} for your clients, ${day2}`;
}
var stillDue = (n) => n.rule === SAME_DAY_REPLY && !n.sweep;
function buildDigest(input) {
  const localDate = localDateOf(input.now, input.timeZone);
  const chosen = input.nudges.filter((n) => input.kind === "morning" || n.sweep || stillDue(n)).slice().sort(compareNudges);
  const shown = chosen.slice(0, Math.max(0, input.maxItems));
  const sections = NUDGE_GROUPS.map((group2) => ({
    group: group2,
    heading: HEADINGS[group2],
    items: shown.filter((n) => n.group === group2).map(toItem)
  })).filter((s) => s.items.length > 0);
  const unlisted = input.unlisted ?? 0;
  const hidden = chosen.length - shown.length + unlisted;
  return {
    kind: input.kind,
    workspaceId: input.workspaceId,
    localDate,
    title: input.kind === "sweep" ? sweepTitle(longDate(localDate), chosen.filter((n) => n.sweep).length, chosen.filter(stillDue).length) : morningTitle(longDate(localDate), chosen.length + unlisted),
    sections,
    overflow: hidden > 0 ? { count: hidden, command: DUE_ALL_COMMAND } : null,
    notices: [...input.notices ?? []]
  };
}

// src/core/digest/digest-text.ts
function ownerName(names, ownerId) {
  if (ownerId === null) return null;
  const name = names instanceof Map ? names.get(ownerId) : names[ownerId];
  return name ?? null;
}
function digestToText(digest, names = {}) {
  const out = [digest.title];
  for (const notice of digest.notices) out.push(`Note: ${notice}`);
  for (const section of digest.sections) {
    out.push("", `${section.heading.toUpperCase()}`);
    for (const item of section.items) {
      out.push(`\u2022 ${item.title}  [${item.nudgeId}]`);
      for (const line of item.context) out.push(`    ${line}`);
      if (item.ownerId === null) out.push(`    Owner: nobody yet (/client edit ${item.clientName.includes(" ") ? `"${item.clientName}"` : item.clientName} owner:@someone)`);
      else out.push(`    Owner: @${ownerName(names, item.ownerId) ?? "unknown member"}`);
    }
  }
  if (digest.overflow) out.push("", `\u2026and ${digest.overflow.count} more: ${digest.overflow.command}`);
  if (digest.sections.length > 0) out.push("", "Done or snooze any item: /client done <id>, /client snooze <id> 1d|1w|<date>");
  return `${out.join("\n")}
`;
}

// src/adapters/console/render.ts
function resolveMentions(text, names) {
  return text.replace(/<@!?([^>|]+)(\|[^>]*)?>/g, (_, id) => `@${names.get(id) ?? id}`);
}
function renderReply(reply2, names) {
  const out = [reply2.ok ? reply2.text : `\u2717 ${reply2.text}`];
  for (const section of reply2.sections ?? []) {
    out.push("");
    if (section.title) out.push(`${section.title}:`);
    for (const line of section.lines) out.push(`  ${line.replace(/\n/g, "\n  ")}`);
  }
  if (reply2.attachment) out.push("", reply2.attachment.content);
  if (!reply2.ok && reply2.suggestions && reply2.suggestions.length > 0) out.push("", "Try:", ...reply2.suggestions.map((s) => `  ${s}`));
  return resolveMentions(out.join("\n"), names);
}

// src/adapters/console/console-adapter.ts
var GREETING = "Rapport \u2014 type /client help for commands, /digest for today's digest, /quit to leave.";
async function runConsole(options) {
  const { core, store: root, clock, workspace, user, input, output, interactive } = options;
  const store = root.workspace(workspace.id);
  const write = (text) => new Promise((resolve2) => output.write(`${text}
`, () => resolve2()));
  const lines2 = createInterface({ input, terminal: false, crlfDelay: Infinity });
  if (interactive) await write(GREETING);
  const prompt = () => interactive && output.write("rapport> ");
  prompt();
  for await (const raw4 of lines2) {
    const line = raw4.trim();
    if (line === "/quit" || line === "/exit") break;
    if (line !== "" && !line.startsWith("#")) await write(await answer2(line));
    prompt();
  }
  lines2.close();
  async function answer2(line) {
    const now = clock.now();
    const current = await store.getWorkspace();
    if (/^\/digest\b/i.test(line)) {
      const kind = /\bsweep\b/i.test(line) ? "sweep" : "morning";
      const digest = await core.planDigest({ store, now, kind });
      const members = await knownMembers();
      return digestToText(digest, new Map(members.map((m) => [m.id, m.displayName])));
    }
    if (/^\/client\b/i.test(line)) {
      const reply2 = await core.runLine({ workspace: current, actor: user, now, mentionsByName: true }, line);
      const members = await knownMembers();
      return renderReply(reply2, new Map(members.map((m) => [m.platformUserId, m.displayName])));
    }
    if (/^\/help\b/i.test(line)) return GREETING;
    return `\u2717 Lines start with /client or /digest. Try /client help.`;
  }
  async function knownMembers() {
    const me = await store.findMember(user.platformUserId);
    const clients = await store.listClients();
    const owners = await store.getMembers([...new Set(clients.map((c) => c.ownerId).filter((id) => id !== null))]);
    return [...me ? [me] : [], ...owners];
  }
}

// src/adapters/console/demo.ts
import { DateTime as DateTime4 } from "luxon";
function demoScript(now, timeZone) {
  const today = DateTime4.fromJSDate(now, { zone: timeZone });
  const md2 = (days2) => `"${today.plus({ days: days2 }).toFormat("d LLL")}"`;
  const ago = (days2, hour = 10) => {
    const at = days2 === 0 ? today.minus({ hours: 2 }) : today.minus({ days: days2 }).set({ hour, minute: 0 });
    return `when:"${at.toFormat("yyyy-MM-dd HH:mm")}"`;
  };
  return [
    '/client add "Acme Corp" tier:top alias:acme',
    '/client contact acme "Jane Doe" role:COO email:jane@acme.example',
    "/client family acme husband Tom",
    '/client family acme daughter Lily birthday:"May 2"',
    `/client date acme wedding-anniversary ${md2(5)} for:Tom`,
    "/client likes acme wine pinot noir",
    "/client likes acme coffee flat white from Blue Bottle",
    "/client date acme client-since 2019-03-01",
    `/client log acme meeting ${ago(20)} quarterly review: happy with the pilot, wants the renewal in writing`,
    `/client log acme email-in ${ago(0)} with:Jane asks for the renewal paperwork and the Q3 invoice`,
    '/client add "Globex Corporation" tier:standard alias:globex',
    '/client contact globex "Hank Scorpio" role:CEO email:hank@globex.example',
    `/client date globex birthday ${md2(0)}`,
    "/client likes globex team Chicago Cubs",
    `/client log globex complaint mood:angry ${ago(3, 14)} invoice charged twice; wants it fixed today`,
    `/client log globex mistake ${ago(3, 15)} we billed the March invoice twice`,
    '/client add "Initech" tier:light',
    '/client contact initech "Bill Lumbergh" role:"VP Operations"',
    `/client log initech call ${ago(95)} annual check-in, all fine`,
    '/client add "Umbrella Health" tier:top alias:umbrella',
    '/client contact umbrella "Alice Abernathy" role:"Head of Partnerships"',
    "/client likes umbrella holiday Lisbon",
    `/client log umbrella referral ${ago(1)} introduced us to Wayne Clinics`,
    `/client log umbrella call ${ago(1, 16)} thanked Alice on the phone, will send something`,
    '/client add "Stark Studio" tier:standard alias:stark',
    '/client contact stark "Pepper Potts" role:Director',
    '/client family stark son Morgan birthday:"Aug 12"',
    `/client log stark call in ${ago(0)} Pepper called about the launch date, call her back`,
    `/client log stark gift ${ago(200)} hamper for the studio opening`
  ];
}

// src/adapters/gift-catalog-file.ts
import { readFileSync as readFileSync3 } from "node:fs";

// src/core/care/gift-catalog.ts
import { z as z6 } from "zod";

// src/core/care/gift-catalog.json
var gift_catalog_default = [
  { id: "pinot-bottle", for: "wine", match: ["pinot"], idea: "a bottle of good Burgundy pinot noir", cost: 40, keywords: ["pinot"] },
  { id: "wine-bottle", for: "wine", idea: "a bottle of {like}", cost: 35, keywords: ["wine", "bottle"] },
  { id: "wine-case", for: "wine", idea: "a mixed case of three {like}s", cost: 120, keywords: ["case of"] },
  { id: "coffee-roaster", for: "coffee", idea: "a bag of beans from their favourite roaster", cost: 25, keywords: ["coffee", "beans", "roaster"] },
  { id: "coffee-tasting", for: "coffee", idea: "a coffee tasting for two", cost: 70, keywords: ["tasting"] },
  { id: "drink-bottle", for: "drink", idea: "a bottle of {like}", cost: 45, keywords: ["bottle"] },
  { id: "team-tickets", for: "team", idea: "two tickets to see {like} at home", cost: 140, keywords: ["tickets"] },
  { id: "team-merch", for: "team", idea: "a scarf or mug from the {like} club shop", cost: 30, keywords: ["scarf", "mug", "shirt"] },
  { id: "sport-tickets", for: "sport", idea: "tickets to a {like} match", cost: 100, keywords: ["tickets"] },
  { id: "sport-kit", for: "sport", idea: "something small for their {like}", cost: 35, keywords: ["kit"] },
  { id: "food-voucher", for: "food", idea: "dinner for two at a good {like} restaurant", cost: 80, keywords: ["voucher", "dinner"] },
  { id: "food-treat", for: "food", idea: "a box of {like} treats", cost: 25, keywords: ["box of"] },
  { id: "hobby-gear", for: "hobby", idea: "something thoughtful for their {like}", cost: 45, keywords: ["gear"] },
  { id: "holiday-guide", for: "holiday", idea: "a good guidebook for {like}", cost: 25, keywords: ["guide"] },
  { id: "music-tickets", for: "music", idea: "tickets to see {like}", cost: 90, keywords: ["concert", "tickets"] },
  { id: "music-record", for: "music", idea: "a record by {like}", cost: 30, keywords: ["record", "vinyl"] },
  { id: "book-new", for: "book", idea: "the latest {like}", cost: 20, keywords: ["book"] },
  { id: "other-small", for: "other", idea: "something to do with {like}", cost: 30, keywords: [] },
  { id: "child-book", for: "children", idea: "a picture book or a novel", cost: 20, keywords: ["book"] },
  { id: "note-chocolates", for: "any", idea: "a handwritten card and a box of good local chocolates", cost: 20, keywords: ["chocolate"] }
];

// src/core/care/gift-catalog.ts
var GiftIdea = z6.object({
  id: z6.string().min(1),
  /** A like category, "children" (a child in the family) or "any" (a safe fallback). */
  for: z6.enum([...LIKE_CATEGORIES, "children", "any"]),
  /** Words one of which the like's value must contain (lower-case); absent means any value. */
  match: z6.array(z6.string()).optional(),
  /** "{like}" becomes the like's value, "{child}" the child's name. */
  idea: z6.string().min(1),
  cost: z6.number().int().min(0),
  /** A recent gift whose description contains one of these is not repeated. */
  keywords: z6.array(z6.string())
});
var DEFAULT_GIFT_CATALOG = z6.array(GiftIdea).parse(gift_catalog_default);
function parseGiftIdeas(input) {
  const parsed = z6.array(GiftIdea).safeParse(input);
  if (parsed.success) return { ok: true, ideas: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `gift catalog: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`.trim() };
}
function mergeGiftCatalog(extra = [], base = DEFAULT_GIFT_CATALOG) {
  const extraIds = new Set(extra.map((e) => e.id));
  return [...extra, ...base.filter((e) => !extraIds.has(e.id))];
}

// src/adapters/gift-catalog-file.ts
function loadGiftCatalog(path3) {
  if (path3 === void 0) return { ok: true, catalog: mergeGiftCatalog() };
  let raw4;
  try {
    raw4 = JSON.parse(readFileSync3(path3, "utf8"));
  } catch (error) {
    return { ok: false, message: `Configuration error: RAPPORT_GIFT_CATALOG could not be read as JSON (${path3}): ${error instanceof Error ? error.message.split("\n")[0] : "unreadable"}` };
  }
  const parsed = parseGiftIdeas(raw4);
  if (!parsed.ok) return { ok: false, message: `Configuration error: RAPPORT_GIFT_CATALOG ${parsed.message}` };
  return { ok: true, catalog: mergeGiftCatalog(parsed.ideas) };
}

// src/adapters/health/health-server.ts
import { createServer } from "node:http";
async function startHealthServer(options) {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/healthz") {
      res.writeHead(404).end();
      return;
    }
    void Promise.all(
      Object.entries(options.checks).map(async ([name, check2]) => [name, await check2().catch(() => false)])
    ).then((results) => {
      const failing = results.filter(([, ok]) => !ok).map(([name]) => name);
      res.writeHead(failing.length === 0 ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: failing.length === 0 ? "ok" : "unhealthy", failing }));
    });
  });
  await new Promise((resolve2) => server.listen(options.port, options.host ?? "0.0.0.0", resolve2));
  return { server, close: () => new Promise((resolve2) => server.close(() => resolve2())) };
}

// src/adapters/process/faults.ts
function installFaultHandlers(proc, logger) {
  proc.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection; Rapport keeps serving");
  });
  proc.on("uncaughtException", (error, origin2) => {
    logger.error({ err: error, origin: origin2 }, "uncaught exception; exiting so that a supervisor starts a clean process");
    proc.exit(1);
  });
}

// src/adapters/slack/app.ts
import { App, webApi } from "@slack/bolt";

// src/adapters/slack/deps.ts
async function contextFor(deps, caller2) {
  const workspace = await deps.store.ensureWorkspace({
    platform: "slack",
    externalId: caller2.teamId,
    name: caller2.teamName ?? caller2.teamId,
    ...deps.defaultTimeZone ? { timeZone: deps.defaultTimeZone } : {}
  });
  return {
    workspace,
    actor: { platformUserId: caller2.userId, displayName: caller2.userName ?? caller2.userId },
    now: deps.clock.now(),
    ...caller2.channel ? { channel: caller2.channel } : {}
  };
}
function unescapeCommandText(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
function paceKey(teamId, channel) {
  return `${teamId}/${channel}`;
}

// src/adapters/slack/mrkdwn.ts
var LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3e3,
  contextText: 3e3,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  blockId: 255,
  actionValue: 2e3,
  fallbackText: 3e3
};
function escapeMrkdwn(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function clip(text, max) {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,3}$/, "");
  return `${cut}\u2026`;
}
function chunk(text, max) {
  const out = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf("\n", max);
    if (at <= 0) at = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at -= 1;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest.length > 0) out.push(rest);
  return out;
}
function mention(slackUserId) {
  return `<@${slackUserId}>`;
}
function md(text) {
  return { type: "mrkdwn", text };
}
function plain(text, max) {
  return { type: "plain_text", text: clip(text, max) || " ", emoji: true };
}

// src/adapters/slack/render-reply.ts
function renderReply2(reply2, maxBlocks = LIMITS.messageBlocks) {
  return {
    response_type: reply2.visibility === "channel" ? "in_channel" : "ephemeral",
    text: clip(reply2.text, LIMITS.fallbackText),
    blocks: replyBlocks(reply2, maxBlocks)
  };
}
function replyBlocks(reply2, maxBlocks) {
  const blocks = [];
  const head = reply2.ok ? escapeMrkdwn(reply2.text) : `:warning: ${escapeMrkdwn(reply2.text)}`;
  for (const piece of chunk(head, LIMITS.sectionText)) blocks.push({ type: "section", text: md(piece) });
  for (const section of reply2.sections ?? []) {
    const title = section.title ? `*${escapeMrkdwn(section.title)}*
` : "";
    const body = section.lines.map((l) => l.length > 0 ? `\u2022 ${escapeMrkdwn(l)}` : "").join("\n");
    for (const piece of chunk(`${title}${body}`.trimEnd(), LIMITS.sectionText)) blocks.push({ type: "section", text: md(piece) });
  }
  if (reply2.attachment) {
    const fence = "```";
    const room = LIMITS.sectionText - 2 * fence.length - 2;
    blocks.push({ type: "context", elements: [md(clip(`${escapeMrkdwn(reply2.attachment.filename)} (${reply2.attachment.mimeType})`, LIMITS.contextText))] });
    for (const piece of chunk(escapeMrkdwn(reply2.attachment.content), room)) {
      blocks.push({ type: "section", text: md(`${fence}
${piece}
${fence}`) });
    }
  }
  const suggestions = (reply2.suggestions ?? []).slice(0, LIMITS.contextElements);
  if (suggestions.length > 0) {
    blocks.push({
      type: "context",
      elements: suggestions.map((s) => md(clip(`\`/client ${escapeMrkdwn(s.replace(/^\/client\s+/, ""))}\``, LIMITS.contextText)))
    });
  }
  if (blocks.length <= maxBlocks) return blocks;
  const kept = blocks.slice(0, maxBlocks - 1);
  kept.push({ type: "context", elements: [md(`\u2026${blocks.length - kept.length} more parts left out.`)] });
  return kept;
}

// src/adapters/slack/outgoing.ts
function slackFetch(inner = (url2, init) => globalThis.fetch(url2, init)) {
  return (url2, init) => {
    if (typeof init?.body !== "string") return inner(url2, init);
    const body = inertBody(init.body, contentType(init.headers));
    return inner(url2, body === init.body ? init : { ...init, body });
  };
}
function inertSpecialMentions(text) {
  return text.replace(/<(!(?:here|channel|everyone|subteam\^)[^<>]*)>/gi, "&lt;$1&gt;");
}
function contentType(headers) {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "content-type");
  return entry?.[1].split(";")[0]?.trim().toLowerCase() ?? "";
}
function inertBody(body, type) {
  if (type === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(body);
    const text = form.get("text");
    if (text === null || inertSpecialMentions(text) === text) return body;
    form.set("text", inertSpecialMentions(text));
    return form.toString();
  }
  if (type === "application/json") {
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      return body;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return body;
    const text = parsed.text;
    if (typeof text !== "string" || inertSpecialMentions(text) === text) return body;
    return JSON.stringify({ ...parsed, text: inertSpecialMentions(text) });
  }
  return body;
}

// src/adapters/slack/answer.ts
async function answer(deps, client, origin2, who, reply2) {
  const rendered = renderReply2(reply2);
  if (origin2.responseUrl) {
    await postToResponseUrl(origin2.responseUrl, { ...rendered, replace_original: false });
    return;
  }
  const channel = reply2.visibility === "channel" && origin2.channel ? origin2.channel : who.userId;
  await deps.pacer.run(paceKey(who.teamId, channel), () => client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks }));
}
var send = slackFetch();
async function postToResponseUrl(url2, body) {
  const res = await send(url2, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
var COULD_NOT_FINISH = "Rapport could not finish that just now; the error is logged. Please try again in a minute.";
function answerFaults(deps) {
  return async (args) => {
    try {
      await args.next();
    } catch (error) {
      const body = args.body;
      const kind = body.type ?? (body.command ? "slash_command" : "unknown");
      deps.logger.error({ err: error, kind, teamId: body.team?.id ?? body.team_id }, "slack request failed; answering with an apology");
      await apologise(args, body).catch((failure) => deps.logger.warn({ err: failure, kind }, "could not deliver the apology either"));
    }
  };
}
async function apologise(args, body) {
  if (body.type === "event_callback") return;
  const ack = "ack" in args && typeof args.ack === "function" ? args.ack : void 0;
  if (body.type === "view_submission") {
    const field2 = Object.keys(body.view?.state?.values ?? {})[0];
    if (ack && field2 && await ack({ response_action: "errors", errors: { [field2]: COULD_NOT_FINISH } }).then(() => true, () => false)) return;
  } else if (ack) {
    await ack(body.type === "block_suggestion" ? { options: [] } : void 0).catch(() => void 0);
  }
  if (body.type === "block_suggestion") return;
  if (body.response_url) {
    await postToResponseUrl(body.response_url, { response_type: "ephemeral", replace_original: false, text: COULD_NOT_FINISH });
    return;
  }
  const user = body.user?.id ?? body.user_id;
  if (user) await args.client.chat.postMessage({ channel: user, text: COULD_NOT_FINISH });
}
async function apologiseForAuthorization(error, body, notInstalled) {
  if (error.code !== "slack_bolt_authorization_error") return false;
  for (let cause = error; cause; cause = cause.original) if (notInstalled(cause)) return false;
  const url2 = body?.response_url;
  if (!url2) return false;
  await postToResponseUrl(url2, { response_type: "ephemeral", replace_original: false, text: COULD_NOT_FINISH });
  return true;
}

// src/adapters/slack/modals.ts
import { z as z8 } from "zod";

// src/core/commands/arguments.ts
import { distance as distance2 } from "fastest-levenshtein";
import { z as z7 } from "zod";

// src/core/commands/dates.ts
import * as chrono from "chrono-node";
import { DateTime as DateTime5 } from "luxon";
var LEAP_REFERENCE = /* @__PURE__ */ new Date("2028-01-01T12:00:00Z");
function reference(now, timeZone) {
  return { instant: now, timezone: DateTime5.fromJSDate(now, { zone: timeZone }).offset };
}
function parseWhole(text, ref, forwardDate = false) {
  const results = chrono.parse(text, ref, { forwardDate });
  const first = results[0];
  if (results.length !== 1 || first === void 0) return null;
  return first.index === 0 && first.text.length === text.trim().length ? first : null;
}
function parseCalendarDate(text, now, timeZone) {
  const trimmed = text.trim();
  if (trimmed === "") return fail("date.missing", 'Which date? For example "March 14" or 2026-03-14.');
  let parsed = parseWhole(trimmed, reference(now, timeZone));
  if (parsed === null) {
    const leap = parseWhole(trimmed, { instant: LEAP_REFERENCE, timezone: 0 });
    if (leap !== null && !leap.start.isCertain("year")) parsed = leap;
  }
  if (parsed === null) return fail("date.unreadable", `I couldn't read "${trimmed}" as a date. Try "March 14", "14 Mar" or 2026-03-14.`);
  const month = parsed.start.get("month");
  const day2 = parsed.start.get("day");
  if (month === null || day2 === null) return fail("date.unreadable", `"${trimmed}" needs a month and a day.`);
  const year = parsed.start.isCertain("year") ? parsed.start.get("year") : null;
  if (year !== null && (year < 1900 || year > DateTime5.fromJSDate(now).year + 50)) {
    return fail("date.out-of-range", `The year ${year} looks wrong for "${trimmed}".`);
  }
  if (!DateTime5.fromObject({ year: year ?? 2028, month, day: day2 }).isValid) {
    return fail("date.impossible", `"${trimmed}" is not a real date.`);
  }
  return succeed({ month, day: day2, year });
}
function parseMoment(text, now, timeZone, facing) {
  const trimmed = text.trim();
  if (trimmed === "") return fail("date.missing", 'When? For example "yesterday 3pm" or 2026-03-14.');
  const parsed = parseWhole(trimmed, reference(now, timeZone), facing === "future");
  if (parsed === null) return fail("date.unreadable", `I couldn't read "${trimmed}" as a time. Try "yesterday 3pm", "tomorrow" or 2026-03-14.`);
  let date = DateTime5.fromJSDate(parsed.start.date(), { zone: timeZone });
  if (!date.isValid) return fail("date.impossible", `"${trimmed}" is not a real date.`);
  const start = parsed.start;
  const implied = (unit) => !start.isCertain(unit);
  const shift = implied("year") && start.isCertain("month") ? { years: 1 } : implied("day") && start.isCertain("weekday") ? { weeks: 1 } : null;
  const slack = 6e4;
  if (shift && facing === "past" && date.toMillis() > now.getTime() + slack) date = date.minus(shift);
  if (shift && facing === "future" && date.toMillis() < now.getTime()) date = date.plus(shift);
  if (facing === "past" && date.toMillis() > now.getTime() + slack) return fail("when.future", `"${trimmed}" is in the future; log things once they have happened.`);
  return succeed(date.toJSDate());
}
function parseSnoozeUntil(text, now, timeZone) {
  const span = /^(\d{1,2})\s*(d|day|days|w|week|weeks)$/i.exec(text.trim());
  const local = DateTime5.fromJSDate(now, { zone: timeZone });
  if (span) {
    const count = Number(span[1]);
    if (count < 1) return fail("snooze.too-short", "Snooze for at least one day.");
    const unit = span[2].toLowerCase().startsWith("w") ? "weeks" : "days";
    return succeed(local.startOf("day").plus({ [unit]: count }).toJSDate());
  }
  const moment = parseMoment(text, now, timeZone, "future");
  if (!moment.ok) return fail("snooze.unreadable", `Snooze for 1d, 1w, or until a date such as "next monday" \u2014 "${text.trim()}" is none of those.`);
  const until = DateTime5.fromJSDate(moment.value, { zone: timeZone }).startOf("day");
  if (until <= local.startOf("day")) return fail("snooze.in-past", "Snooze until a day after today.");
  if (until > local.plus({ years: 1 })) return fail("snooze.too-long", "Snooze for at most a year.");
  return succeed(until.toJSDate());
}
function isAfterToday(date, now, timeZone) {
  if (date.year === null) return false;
  const today = DateTime5.fromJSDate(now, { zone: timeZone }).toISODate();
  const day2 = DateTime5.fromObject({ year: date.year, month: date.month, day: date.day }).toISODate();
  return day2 > today;
}

// src/core/commands/mentions.ts
function mentionOf(text) {
  const m = /^<@!?([A-Za-z0-9_.-]+)(?:\|([^>]+))?>$/.exec(text.trim());
  return m ? { id: m[1], name: m[2] ?? null } : null;
}

// src/core/commands/arguments.ts
function make(type, options, repeatable = false) {
  const base = { type, placement: options.placement, repeatable, label: options.label, placeholder: options.placeholder ?? "", ...options.onlyAfter ? { onlyAfter: options.onlyAfter } : {} };
  return {
    required: () => ({ name: "", ...base, required: true }),
    optional: () => ({ name: "", ...base, required: false })
  };
}
var arg = {
  client: (o = {}) => make({ kind: "client" }, { label: "Client", placeholder: "client", placement: "positional", ...o }),
  text: (what, o) => make({ kind: "text", what, ...o.max ? { max: o.max } : {} }, { placement: "rest", ...o }),
  name: (what, o) => make({ kind: "name", what }, { placement: "rest", ...o }),
  names: (what, o) => make({ kind: "name", what }, { placement: "option", ...o }, true),
  word: (what, pattern, example, o) => make({ kind: "word", what, pattern, example, ...o.lower ? { lower: true } : {} }, { placement: "positional", ...o }),
  choice: (what, values, o) => make(
    { kind: "enum", what, values, ...o.choices ? { choices: o.choices } : {}, ...o.synonyms ? { synonyms: o.synonyms } : {}, ...o.explain ? { explain: o.explain } : {}, ...o.listedAt ? { listedAt: o.listedAt } : {} },
    { placement: "option", ...o }
  ),
  moment: (facing, o) => make({ kind: "moment", facing }, { placement: "option", ...o }),
  yearly: (o) => make({ kind: "yearly" }, { placement: "option", ...o }),
  duration: (o) => make({ kind: "duration" }, { placement: "rest", ...o }),
  member: (o) => make({ kind: "member" }, { placement: "option", ...o }),
  emails: (o) => make({ kind: "email" }, { placement: "option", ...o }, true),
  phone: (o) => make({ kind: "phone" }, { placement: "option", ...o })
};
function defineArgs(specs) {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, name, placeholder: spec.placeholder || name }]));
}
var MAX_TEXT_LENGTH = 2e3;
var Email = z7.email();
function readArgs(specs, raw4, ctx) {
  const out = {};
  for (const spec of Object.values(specs)) {
    const value = raw4[spec.name];
    const empty4 = value === void 0 || typeof value === "string" && value.trim() === "" || Array.isArray(value) && value.length === 0;
    if (empty4) {
      if (spec.required) return withField(fail(`${spec.name}.missing`, missingMessage(spec)), spec.name);
      continue;
    }
    const read = readValue(spec, value, ctx);
    if (!read.ok) return withField(read, spec.name);
    out[spec.name] = read.value;
  }
  return succeed(out);
}
function withField(outcome, field2) {
  return outcome.ok ? outcome : { ...outcome, field: field2 };
}
function missingMessage(spec) {
  switch (spec.type.kind) {
    case "client":
      return "Which client? Give a name (quote it if it has spaces).";
    case "enum":
      return `Which ${spec.type.what}? One of ${(spec.type.choices ?? spec.type.values).join(", ")}.`;
    case "text":
      return `Add ${spec.type.what}.`;
    case "name":
      return `The ${spec.type.what} needs a name.`;
    case "word":
      return `Give ${spec.type.what}, for example ${spec.type.example}.`;
    case "yearly":
      return 'Which date? For example "March 14" or 2026-03-14.';
    case "moment":
      return 'When? For example "yesterday 3pm" or 2026-03-14.';
    case "duration":
      return 'For how long? 1d, 1w, or a date such as "next monday".';
    case "member":
      return "Who? Mention them (@name), or say me.";
    case "email":
      return "Which email address?";
    case "phone":
      return "Which phone number?";
  }
}
function readValue(spec, value, ctx) {
  const type = spec.type;
  if (typeof value === "object" && !Array.isArray(value)) {
    if (type.kind === "client" && "by" in value && (value.by === "id" || value.by === "name")) return succeed(value);
    if (type.kind === "member" && "by" in value) return succeed(value);
    return fail("input.wrong-type", `${spec.label} cannot take that value.`);
  }
  if (Array.isArray(value)) {
    if (!spec.repeatable) return fail("option.repeated", `"${spec.name}:" is given twice; give it once.`);
    const items = [];
    for (const one2 of value) {
      const read = readOne(spec, type, one2, ctx);
      if (!read.ok) return read;
      items.push(read.value);
    }
    return succeed(items);
  }
  const one = readOne(spec, type, value, ctx);
  return one.ok && spec.repeatable ? succeed([one.value]) : one;
}
var UNCLOSED = /^["'“‘«„]/;
function readOne(spec, type, text, ctx) {
  if ((type.kind === "client" || type.kind === "name") && UNCLOSED.test(text.trim())) {
    return fail("input.unclosed-quote", `A quote was opened but never closed in ${clip2(text.trim())}: add the closing quote.`);
  }
  switch (type.kind) {
    case "client":
      return succeed({ by: "name", name: text.trim() });
    case "text":
      return readText(text, type.what, type.max);
    case "name":
      return validateName(text, type.what);
    case "word": {
      const word = type.lower ? text.trim().toLowerCase() : text.trim();
      return type.pattern.test(word) ? succeed(word) : fail(`${spec.name}.unreadable`, `"${clip2(text)}" is not ${type.what}; for example ${type.example}.`);
    }
    case "enum":
      return readChoice(spec.name, type, text);
    case "moment":
      return parseMoment(text, ctx.now, ctx.timeZone, type.facing);
    case "yearly":
      return parseCalendarDate(text, ctx.now, ctx.timeZone);
    case "duration":
      return parseSnoozeUntil(text, ctx.now, ctx.timeZone);
    case "member":
      return readMember(text);
    case "email": {
      const email = text.trim().toLowerCase();
      return Email.safeParse(email).success ? succeed(email) : fail("email.invalid", `"${clip2(text)}" is not an email address.`);
    }
    case "phone": {
      const phone = text.trim();
      return /^[+()\d\s.-]{5,30}$/.test(phone) ? succeed(phone) : fail("phone.invalid", `"${clip2(text)}" doesn't look like a phone number.`);
    }
  }
}
function readText(text, what, max = MAX_TEXT_LENGTH) {
  const clean = text.trim();
  if (clean === "") return fail("text.empty", `Add ${what}.`);
  if (clean.length > max) return fail("text.too-long", `That ${what} is ${clean.length} characters; keep it under ${max}.`);
  return succeed(clean);
}
function readChoice(field2, type, text) {
  const word = text.trim().toLowerCase();
  const explained = type.explain?.[word];
  if (explained !== void 0) return fail(`${field2}.unclear`, explained);
  const direct = type.values.find((v) => v.toLowerCase() === word) ?? type.synonyms?.[word];
  if (direct !== void 0) return succeed(direct);
  const shown = type.choices ?? type.values;
  const near = nearMisses(word, [...type.values, ...Object.keys(type.synonyms ?? {})]);
  const hint = near.length > 0 ? ` Did you mean ${near.join(" or ")}?` : type.listedAt ? ` ${type.listedAt}` : ` Use one of ${shown.join(", ")}.`;
  return fail(`${field2}.unknown`, `"${clip2(text)}" is not a ${type.what}.${hint}`, near);
}
function nearMisses(typed, words, most = 3) {
  const key = typed.toLowerCase();
  if (key.length < 3) return [];
  const limit = key.length <= 3 ? 1 : 2;
  return [...new Set(words)].map((w) => ({ w, d: distance2(key, w.toLowerCase()) })).filter(({ d }) => d <= limit).sort((a, b) => a.d - b.d || a.w.localeCompare(b.w)).slice(0, most).map(({ w }) => w);
}
function readMember(text) {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === "me") return succeed({ by: "self" });
  const mention3 = mentionOf(trimmed);
  if (mention3) return succeed(mention3.name ? { by: "id", id: mention3.id, name: mention3.name } : { by: "id", id: mention3.id });
  const name = /^@?([\p{L}\p{N}._-][\p{L}\p{N} ._'-]{0,79})$/u.exec(trimmed)?.[1]?.trim();
  return name ? succeed({ by: "name", name }) : fail("member.unreadable", `"${clip2(text)}" is not a person; mention them (@name) or say me.`);
}
var clip2 = (text) => text.length > 60 ? `${text.slice(0, 59)}\u2026` : text;

// src/adapters/slack/modals.ts
var CALLBACKS = { log: "rapport_log", add: "rapport_add", snooze: "rapport_snooze" };
var CLIENT_PICKER = "client_pick";
var ModalOrigin = z8.object({
  responseUrl: z8.string().url().optional(),
  channel: z8.string().optional(),
  nudgeId: z8.string().optional(),
  messageTs: z8.string().optional()
});
function readOrigin(privateMetadata) {
  try {
    const parsed = ModalOrigin.safeParse(JSON.parse(privateMetadata || "{}"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
function writeOrigin(origin2) {
  const json = JSON.stringify(origin2);
  return json.length <= 3e3 ? json : JSON.stringify({ ...origin2, responseUrl: void 0 });
}
var humanize = (word) => word.charAt(0).toUpperCase() + word.slice(1).replace(/-/g, " ");
var option = (value, label = humanize(value)) => ({ text: plain(label, LIMITS.optionText), value });
var FORMS = {
  log: { callback: CALLBACKS.log, title: "Log an interaction", submit: "Log", fields: ["client", "kind", "mood", "note", "when"], initial: { kind: "call-out" }, labels: { kind: "What happened" } },
  add: { callback: CALLBACKS.add, title: "Add a client", submit: "Add", fields: ["name", "tier", "owner", "alias"], initial: { tier: "standard" }, labels: { owner: "Owner (you if empty)" } }
};
var HINTS = {
  moment: 'Empty means now. "yesterday 3pm" and "last monday" work.',
  yearly: '"March 14" or 1980-03-14; the year may be left out.'
};
function inputFor(spec, initial, preset) {
  const type = spec.type;
  switch (type.kind) {
    case "client":
      return {
        type: "external_select",
        action_id: CLIENT_PICKER,
        min_query_length: 0,
        placeholder: plain("Start typing a name", LIMITS.optionText),
        ...preset ? { initial_option: option(preset.id, preset.name) } : {}
      };
    case "enum": {
      const values = (type.choices ?? type.values).slice(0, 100);
      return { type: "static_select", action_id: spec.name, options: values.map((v) => option(v)), ...initial && values.includes(initial) ? { initial_option: option(initial) } : {} };
    }
    case "member":
      return { type: "users_select", action_id: spec.name };
    case "text":
      return { type: "plain_text_input", action_id: spec.name, multiline: spec.placement === "rest", max_length: Math.min(type.max ?? MAX_TEXT_LENGTH, 3e3) };
    case "moment":
      return { type: "plain_text_input", action_id: spec.name, placeholder: plain("now", 150) };
    default:
      return { type: "plain_text_input", action_id: spec.name, max_length: 200 };
  }
}
function formModal(command, origin2, preset) {
  const form = FORMS[command.name];
  const labels = form.labels;
  const initial = form.initial;
  const blocks = form.fields.map((name) => {
    const spec = command.args[name];
    if (spec === void 0) throw new Error(`form ${command.name} names ${name}, which the command does not describe`);
    const hint = HINTS[spec.type.kind];
    return {
      type: "input",
      block_id: name,
      ...spec.required ? {} : { optional: true },
      label: plain(labels[name] ?? spec.label, 2e3),
      ...hint ? { hint: plain(hint, 2e3) } : {},
      element: inputFor(spec, initial[name], preset)
    };
  });
  return { type: "modal", callback_id: form.callback, private_metadata: writeOrigin(origin2), title: plain(form.title, 24), submit: plain(form.submit, 24), close: plain("Cancel", 24), blocks };
}
function snoozeModal(origin2, title) {
  return {
    type: "modal",
    callback_id: CALLBACKS.snooze,
    private_metadata: writeOrigin(origin2),
    title: plain("Snooze until\u2026", 24),
    submit: plain("Snooze", 24),
    close: plain("Cancel", 24),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(title, LIMITS.sectionText) } },
      { type: "input", block_id: "until", label: plain("Until", 2e3), element: { type: "datepicker", action_id: "until" } }
    ]
  };
}
function field(values, block, action = block) {
  return values[block]?.[action];
}
function readForm(command, values) {
  const raw4 = {};
  for (const name of FORMS[command.name].fields) {
    const spec = command.args[name];
    if (spec === void 0) continue;
    const input = field(values, name, spec.type.kind === "client" ? CLIENT_PICKER : name);
    const picked = input?.selected_option?.value;
    if (spec.type.kind === "client" && picked) raw4[name] = { by: "id", id: picked };
    else if (spec.type.kind === "member" && input?.selected_user) raw4[name] = { by: "id", id: input.selected_user };
    else if (picked) raw4[name] = picked;
    else if (typeof input?.value === "string" && input.value.trim() !== "") raw4[name] = input.value;
  }
  return raw4;
}
function readSnoozeForm(values) {
  return field(values, "until")?.selected_date ?? null;
}
function errorField(reply2, fields, fallback) {
  if (reply2.field && fields.includes(reply2.field)) return reply2.field;
  const head = reply2.code?.split(".")[0] ?? "";
  return fields.includes(head) ? head : fallback;
}

// src/adapters/slack/render-digest.ts
var DIGEST_ACTIONS = {
  done: "nudge_done",
  snooze: "nudge_snooze",
  log: "nudge_log",
  /** The one-menu control used when the full layout does not fit. */
  menu: "nudge_menu"
};
var SNOOZE_CHOICES = [
  { value: "1d", label: "Snooze 1 day" },
  { value: "1w", label: "Snooze 1 week" },
  { value: "pick", label: "Pick a date\u2026" }
];
var ITEM_PARTS = { title: "t", context: "c", actions: "a", compact: "x", result: "r" };
var MAX_NUDGE_ID = LIMITS.blockId - 2;
function itemBlockId(part, nudgeId3) {
  return `${part}|${nudgeId3}`;
}
function parseItemBlockId(blockId) {
  const at = blockId?.indexOf("|") ?? -1;
  if (!blockId || at < 1) return null;
  return { part: blockId.slice(0, at), nudgeId: blockId.slice(at + 1) };
}
function renderDigest({ digest, slackUserIds }) {
  const items = uniqueItems(digest);
  const fixed = 1 + (digest.notices.length > 0 ? 1 : 0) + 1;
  const budget = LIMITS.messageBlocks - fixed;
  let layout = "full";
  if (cost(digest, items, "full") > budget) layout = "compact";
  const kept = /* @__PURE__ */ new Set();
  let used = 0;
  for (const section of digest.sections) {
    const sectionItems = section.items.filter((i) => items.has(i.nudgeId));
    let headingPaid = false;
    for (const item of sectionItems) {
      const need = itemCost(item, layout) + (headingPaid ? 0 : 1);
      if (used + need > budget) break;
      used += need;
      headingPaid = true;
      kept.add(item.nudgeId);
    }
  }
  const blocks = [{ type: "header", text: plain(digest.title, LIMITS.headerText) }];
  if (digest.notices.length > 0) {
    blocks.push({ type: "context", elements: noticeElements(digest.notices) });
  }
  for (const section of digest.sections) {
    const shown = section.items.filter((i) => kept.has(i.nudgeId));
    if (shown.length === 0) continue;
    blocks.push({ type: "section", text: md(clip(`*${escapeMrkdwn(section.heading)}*`, LIMITS.sectionText)) });
    for (const item of shown) blocks.push(...renderItem(item, layout, slackUserIds));
  }
  const left = items.size - kept.size + (digest.overflow?.count ?? 0);
  if (left > 0) {
    const command = digest.overflow?.command ?? DUE_ALL_COMMAND;
    blocks.push({ type: "context", elements: [md(clip(`\u2026and ${left} more \u2014 see all with \`${escapeMrkdwn(command)}\``, LIMITS.contextText))] });
  }
  return { text: clip(digest.title, LIMITS.fallbackText), blocks };
}
function uniqueItems(digest) {
  const out = /* @__PURE__ */ new Map();
  for (const section of digest.sections) for (const item of section.items) if (!out.has(item.nudgeId)) out.set(item.nudgeId, item);
  return out;
}
function cost(digest, items, layout) {
  let n = digest.sections.filter((s) => s.items.length > 0).length;
  for (const item of items.values()) n += itemCost(item, layout);
  return n;
}
function itemCost(item, layout) {
  if (layout === "compact") return 1;
  return 2 + (item.context.length > 0 ? 1 : 0);
}
function noticeElements(notices) {
  const shown = notices.slice(0, LIMITS.contextElements - 1).map((n) => md(clip(escapeMrkdwn(n), LIMITS.contextText)));
  const rest = notices.slice(LIMITS.contextElements - 1);
  if (rest.length > 0) shown.push(md(clip(rest.map(escapeMrkdwn).join(" \xB7 "), LIMITS.contextText)));
  return shown;
}
function itemHeadline(item, slackUserIds) {
  const owner = item.ownerId ? slackUserIds.get(item.ownerId) : void 0;
  const suffix = owner ? ` \xB7 ${mention(owner)}` : "";
  return `${clip(`*${escapeMrkdwn(item.title)}*`, LIMITS.sectionText - suffix.length)}${suffix}`;
}
function renderItem(item, layout, slackUserIds) {
  const controls = item.nudgeId.length <= MAX_NUDGE_ID;
  const id = (part) => controls ? { block_id: itemBlockId(part, item.nudgeId) } : {};
  const headline2 = itemHeadline(item, slackUserIds);
  const context = item.context.map(escapeMrkdwn).join("\n");
  if (layout === "compact") {
    const text = clip(context ? `${headline2}
${context}` : headline2, LIMITS.sectionText);
    const block = { type: "section", ...id(ITEM_PARTS.compact), text: md(text) };
    if (controls) block.accessory = compactMenu(item);
    return [block];
  }
  const blocks = [{ type: "section", ...id(ITEM_PARTS.title), text: md(headline2) }];
  if (context) blocks.push({ type: "context", ...id(ITEM_PARTS.context), elements: [md(clip(context, LIMITS.contextText))] });
  if (controls) {
    blocks.push({
      type: "actions",
      ...id(ITEM_PARTS.actions),
      elements: [
        { type: "button", action_id: DIGEST_ACTIONS.done, text: plain("Done", LIMITS.buttonText), style: "primary", value: clip(item.nudgeId, LIMITS.actionValue) },
        {
          type: "static_select",
          action_id: DIGEST_ACTIONS.snooze,
          placeholder: plain("Snooze", LIMITS.optionText),
          options: SNOOZE_CHOICES.map((c) => ({ text: plain(c.label, LIMITS.optionText), value: c.value }))
        },
        { type: "button", action_id: DIGEST_ACTIONS.log, text: plain("Log", LIMITS.buttonText), value: clip(item.clientId, LIMITS.actionValue) }
      ]
    });
  } else {
    blocks.push({ type: "context", elements: [md("Use `/client` to act on this one.")] });
  }
  return blocks;
}
function compactMenu(item) {
  const choices = [
    { value: "done", label: "Done" },
    ...SNOOZE_CHOICES,
    // The client id rides in the value so Log can open a prefilled form.
    { value: clip(`log:${item.clientId}`, LIMITS.optionValue), label: "Log\u2026" }
  ];
  return {
    type: "static_select",
    action_id: DIGEST_ACTIONS.menu,
    placeholder: plain("Act", LIMITS.optionText),
    options: choices.map((c) => ({ text: plain(c.label, LIMITS.optionText), value: c.value }))
  };
}
function markItem(blocks, nudgeId3, result) {
  const out = [];
  for (const block of blocks) {
    const parsed = parseItemBlockId(block.block_id);
    if (!parsed || parsed.nudgeId !== nudgeId3) {
      out.push(block);
      continue;
    }
    const resultBlock = {
      type: "context",
      block_id: itemBlockId(ITEM_PARTS.result, nudgeId3),
      elements: [md(clip(result, LIMITS.contextText))]
    };
    if (parsed.part === ITEM_PARTS.actions || parsed.part === ITEM_PARTS.result) {
      out.push(resultBlock);
    } else if (parsed.part === ITEM_PARTS.compact && block.type === "section") {
      const { accessory: _gone, text, ...rest } = block;
      const first = (text?.text ?? "").split("\n\u2192 ")[0] ?? "";
      out.push({ ...rest, text: md(clip(`${first}
\u2192 ${result}`, LIMITS.sectionText)) });
    } else {
      out.push(block);
    }
  }
  return out;
}

// src/adapters/slack/actions.ts
function registerDigestActions(app, deps) {
  app.action(DIGEST_ACTIONS.done, async ({ ack, body, action, client }) => {
    await ack();
    await act(deps, client, body, { nudgeId: action.value ?? "", action: "done" });
  });
  app.action(DIGEST_ACTIONS.snooze, async ({ ack, body, action, client }) => {
    await ack();
    const nudgeId3 = parseItemBlockId(action.block_id)?.nudgeId;
    if (nudgeId3) await snoozeOrPick(deps, client, body, nudgeId3, action.selected_option.value);
  });
  app.action(DIGEST_ACTIONS.log, async ({ ack, body, action, client }) => {
    await ack();
    const nudgeId3 = parseItemBlockId(action.block_id)?.nudgeId;
    await openLog(deps, client, body, action.value ?? "", nudgeId3);
  });
  app.action(DIGEST_ACTIONS.menu, async ({ ack, body, action, client }) => {
    await ack();
    const nudgeId3 = parseItemBlockId(action.block_id)?.nudgeId;
    const choice = action.selected_option.value;
    if (!nudgeId3) return;
    if (choice === "done") await act(deps, client, body, { nudgeId: nudgeId3, action: "done" });
    else if (choice.startsWith("log:")) await openLog(deps, client, body, choice.slice(4), nudgeId3);
    else await snoozeOrPick(deps, client, body, nudgeId3, choice);
  });
}
function origin(body, nudgeId3) {
  return {
    ...body.response_url ? { responseUrl: body.response_url } : {},
    ...body.channel?.id ? { channel: body.channel.id } : {},
    ...nudgeId3 ? { nudgeId: nudgeId3 } : {},
    ...body.message?.ts ? { messageTs: body.message.ts } : {}
  };
}
function caller(body) {
  return { teamId: body.team?.id ?? body.user.team_id ?? "", teamName: body.team?.domain, userId: body.user.id, userName: body.user.name ?? body.user.username, channel: body.channel?.id };
}
async function snoozeOrPick(deps, client, body, nudgeId3, choice) {
  if (choice === "1d" || choice === "1w") {
    await act(deps, client, body, { nudgeId: nudgeId3, action: "snooze", span: choice });
    return;
  }
  const title = titleOf(body.message?.blocks, nudgeId3);
  await client.views.open({ trigger_id: body.trigger_id, view: snoozeModal({ ...origin(body, nudgeId3), nudgeId: nudgeId3 }, title) });
}
async function openLog(deps, client, body, clientId, nudgeId3) {
  const ctx = await contextFor(deps, caller(body));
  const found = clientId ? await deps.core.getClient(ctx.workspace, clientId) : null;
  const preset = found ? { id: found.id, name: found.name } : void 0;
  const log = deps.core.commands.find((c) => c.name === "log");
  await client.views.open({ trigger_id: body.trigger_id, view: formModal(log, origin(body, nudgeId3), preset) });
}
async function act(deps, client, body, action) {
  const ctx = await contextFor(deps, caller(body));
  const reply2 = await deps.core.actOnNudge(ctx, action);
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  if (!reply2.ok || !channel || !ts) {
    await answer(deps, client, origin(body), { teamId: ctx.workspace.externalId, userId: body.user.id }, { ...reply2, visibility: "private" });
    return;
  }
  await updateDigestItem(deps, client, { teamId: ctx.workspace.externalId, channel, ts, blocks: body.message?.blocks, text: body.message?.text }, action.nudgeId, reply2, body.user.id);
}
async function updateDigestItem(deps, client, message, nudgeId3, reply2, userId) {
  const blocks = message.blocks ?? await readBlocks(client, message.channel, message.ts);
  if (!blocks) return;
  const result = `${escapeMrkdwn(reply2.text)} \u2014 ${mention(userId)}`;
  await deps.pacer.run(
    paceKey(message.teamId, message.channel),
    () => client.chat.update({ channel: message.channel, ts: message.ts, text: message.text ?? reply2.text, blocks: markItem(blocks, nudgeId3, result) })
  );
}
async function readBlocks(client, channel, ts) {
  const res = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  return res.messages?.find((m) => m.ts === ts)?.blocks;
}
function titleOf(blocks, nudgeId3) {
  for (const block of blocks ?? []) {
    const parsed = parseItemBlockId(block.block_id);
    if (parsed?.nudgeId === nudgeId3 && (parsed.part === ITEM_PARTS.title || parsed.part === ITEM_PARTS.compact) && block.type === "section") {
      return block.text?.text.split("\n")[0] ?? nudgeId3;
    }
  }
  return nudgeId3;
}

// src/adapters/slack/bolt-logger.ts
import { LogLevel } from "@slack/bolt";
function boltLogger(logger) {
  let level = LogLevel.INFO;
  const line = (at) => (...parts) => {
    const error = parts.find((p) => p instanceof Error);
    logger[at]({ lib: "bolt", ...error ? { err: error } : {} }, boltHead(parts));
  };
  return {
    // Bolt's debug lines quote request bodies (clients' names, notes): they never reach the log.
    debug: () => void 0,
    info: line("info"),
    warn: line("warn"),
    error: line("error"),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => void 0
  };
}
function boltHead(parts) {
  const first = parts.find((p) => typeof p === "string") ?? (parts[0] instanceof Error ? parts[0].name : "bolt");
  const colon = first.indexOf(":");
  return (colon >= 0 ? first.slice(0, colon) : first).slice(0, 160);
}

// src/adapters/slack/commands.ts
function registerCommands(app, deps, commandName = "/client") {
  app.command(commandName, async ({ command, ack, respond, client }) => {
    await ack();
    const text = unescapeCommandText(command.text ?? "").trim();
    const bare2 = text.toLowerCase();
    if (bare2 === "log" || bare2 === "add") {
      const origin2 = { responseUrl: command.response_url, channel: command.channel_id };
      const definition = deps.core.commands.find((c) => c.name === bare2);
      await client.views.open({ trigger_id: command.trigger_id, view: formModal(definition, origin2) });
      return;
    }
    const ctx = await contextFor(deps, {
      teamId: command.team_id,
      teamName: command.team_domain,
      userId: command.user_id,
      userName: command.user_name,
      channel: command.channel_id
    });
    try {
      await respond(renderReply2(await deps.core.runLine(ctx, text)));
    } catch (error) {
      deps.logger.error({ err: error, teamId: command.team_id }, "slash command failed");
      await respond({ response_type: "ephemeral", text: "Rapport could not finish that just now; the error is logged. Please try again in a minute." }).catch(() => void 0);
    }
  });
}

// src/adapters/slack/installation-store.ts
var NotInstalledError = class extends Error {
  name = "NotInstalledError";
};
function installationScope(q) {
  return { platform: "slack", teamId: q.teamId, enterpriseId: q.enterpriseId, orgWide: q.isEnterpriseInstall };
}
function createInstallationStore({ installations, lifecycle, store, defaultTimeZone }) {
  return {
    async storeInstallation(installation) {
      await installations.save(
        installationScope({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall }),
        installation
      );
      const team = installation.team;
      if (!team) return;
      const workspace = await lifecycle.installed({ platform: "slack", externalId: team.id, name: team.name ?? team.id, ...defaultTimeZone ? { timeZone: defaultTimeZone } : {} });
      const picked = installation.incomingWebhook?.channelId;
      if (picked && !workspace.digestChannel) await store.workspace(workspace.id).updateWorkspace({ digestChannel: picked });
    },
    async fetchInstallation(query) {
      const scope = installationScope(query);
      const found = await installations.find(scope);
      if (found === null) throw new NotInstalledError(`no Slack installation for team ${scope.teamId ?? "-"} / enterprise ${scope.enterpriseId ?? "-"}`);
      return found;
    },
    async deleteInstallation(query) {
      await installations.remove(installationScope(query));
    }
  };
}
async function removeInstallation(deps, team) {
  await deps.installations.forget("slack", team);
  if (team.teamId) await deps.lifecycle.uninstalled({ platform: "slack", externalId: team.teamId }, deps.clock.now());
}

// src/adapters/slack/events.ts
var REMEMBER_MS = 24 * 36e5;
function dedupeEvents(deps) {
  let prunedAt = 0;
  return async ({ body, next }) => {
    const eventId = body.type === "event_callback" ? body.event_id : void 0;
    if (typeof eventId !== "string") return next();
    const now = deps.clock.now();
    if (!await deps.processedEvents.claim("slack", eventId, now)) {
      deps.logger.info({ eventId }, "slack event already processed; skipping the retry");
      return;
    }
    if (now.getTime() - prunedAt > 36e5) {
      prunedAt = now.getTime();
      await deps.processedEvents.forgetBefore(new Date(now.getTime() - REMEMBER_MS));
    }
    try {
      await next();
    } catch (error) {
      await deps.processedEvents.release("slack", eventId);
      throw error;
    }
  };
}
function registerUninstall(app, deps) {
  app.event("app_uninstalled", async ({ body, context }) => {
    await removeInstallation(deps, { teamId: context.teamId ?? body.team_id, enterpriseId: context.enterpriseId });
    deps.logger.info({ teamId: context.teamId ?? body.team_id }, "slack app uninstalled; installation removed");
  });
  app.event("tokens_revoked", async ({ body, context }) => {
    await removeInstallation(deps, { teamId: context.teamId ?? body.team_id, enterpriseId: context.enterpriseId });
    deps.logger.info({ teamId: context.teamId ?? body.team_id }, "slack tokens revoked; installation removed");
  });
}

// src/adapters/slack/home.ts
var HOME_ACTIONS = { log: "home_log", add: "home_add" };
function registerHome(app, deps) {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const ctx = await contextFor(deps, { teamId: body.team_id, userId: event.user });
    const reply2 = await deps.core.run(ctx, "due", {});
    await client.views.publish({ user_id: event.user, view: homeView(reply2) });
  });
  for (const form of ["log", "add"]) {
    app.action(HOME_ACTIONS[form], async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: formModal(deps.core.commands.find((c) => c.name === form), {}) });
    });
  }
}
function homeView(reply2) {
  const top = [
    { type: "header", text: plain("Your clients today", LIMITS.headerText) },
    {
      type: "actions",
      elements: [
        { type: "button", action_id: HOME_ACTIONS.log, style: "primary", text: plain("Log an interaction", LIMITS.buttonText) },
        { type: "button", action_id: HOME_ACTIONS.add, text: plain("Add a client", LIMITS.buttonText) }
      ]
    },
    { type: "divider" }
  ];
  return { type: "home", blocks: [...top, ...replyBlocks(reply2, LIMITS.viewBlocks - top.length)] };
}

// src/adapters/slack/pacer.ts
var realSleep = (ms) => new Promise((resolve2) => setTimeout(resolve2, ms));
var ChannelPacer = class {
  constructor(clock, sleep2 = realSleep, gapMs = 1e3) {
    this.clock = clock;
    this.sleep = sleep2;
    this.gapMs = gapMs;
  }
  clock;
  sleep;
  gapMs;
  tails = /* @__PURE__ */ new Map();
  last = /* @__PURE__ */ new Map();
  async run(key, fn) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release = () => void 0;
    const mine = new Promise((resolve2) => release = resolve2);
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      const last = this.last.get(key);
      const wait = last === void 0 ? 0 : last + this.gapMs - this.clock.now().getTime();
      if (wait > 0) await this.sleep(wait);
      return await fn();
    } finally {
      this.last.set(key, this.clock.now().getTime());
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
};

// src/adapters/slack/publisher.ts
var DIGEST_EVENT_TYPE = "rapport_digest";
var LOOK_BACK_MS = 2 * 864e5;
var GONE = /* @__PURE__ */ new Set([
  "channel_not_found",
  "is_archived",
  "not_in_channel",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "invalid_auth",
  "not_authed",
  "missing_scope",
  "team_access_not_granted",
  "no_permission",
  "restricted_action",
  "ekm_access_denied"
]);
function createDigestPublisher(deps) {
  return {
    async publish({ workspaceExternalId, channel, digest, deliveryKey: deliveryKey2 }) {
      const client = await deps.clientFor(workspaceExternalId);
      if (!client) return { status: "gone", reason: `Rapport is not installed in Slack team ${workspaceExternalId}` };
      try {
        return await deps.pacer.run(paceKey(workspaceExternalId, channel), async () => {
          const earlier = await findEarlier(deps, client, channel, deliveryKey2);
          if (earlier) return { status: "already-posted", messageRef: messageRef(channel, earlier) };
          const slackUserIds = await ownerSlackIds(deps, workspaceExternalId, digest);
          const rendered = renderDigest({ digest, slackUserIds });
          const res = await client.chat.postMessage({
            channel,
            text: rendered.text,
            blocks: rendered.blocks,
            unfurl_links: false,
            metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { delivery_key: deliveryKey2 } }
          });
          return { status: "posted", messageRef: messageRef(res.channel ?? channel, res.ts ?? "") };
        });
      } catch (error) {
        return classify(error);
      }
    }
  };
}
function messageRef(channel, ts) {
  return `${channel}:${ts}`;
}
async function findEarlier(deps, client, channel, deliveryKey2) {
  const oldest = (deps.clock.now().getTime() - LOOK_BACK_MS) / 1e3;
  try {
    let cursor;
    for (let page = 0; page < 5; page += 1) {
      const res = await client.conversations.history({ channel, oldest: oldest.toFixed(6), limit: 200, include_all_metadata: true, ...cursor ? { cursor } : {} });
      for (const m of res.messages ?? []) {
        const meta = m.metadata;
        if (meta?.event_type === DIGEST_EVENT_TYPE && meta.event_payload?.delivery_key === deliveryKey2 && m.ts) return m.ts;
      }
      cursor = res.response_metadata?.next_cursor || void 0;
      if (!res.has_more || !cursor) break;
    }
    return null;
  } catch (error) {
    const code = slackError(error);
    if (code !== void 0 && code !== "missing_scope" && GONE.has(code)) throw error;
    deps.logger.warn({ channel, err: error }, "could not read channel history before posting a digest");
    return null;
  }
}
async function ownerSlackIds(deps, teamId, digest) {
  const ids = [...new Set(digest.sections.flatMap((s) => s.items.map((i) => i.ownerId)).filter((x) => x !== null))];
  if (ids.length === 0) return /* @__PURE__ */ new Map();
  const workspace = await deps.store.findWorkspace("slack", teamId);
  if (!workspace) return /* @__PURE__ */ new Map();
  const members = await deps.store.workspace(workspace.id).getMembers(ids);
  return new Map(members.map((m) => [m.id, m.platformUserId]));
}
function slackError(error) {
  const e = error;
  return e.code === "slack_webapi_platform_error" ? e.data?.error : void 0;
}
function classify(error) {
  const e = error;
  const platform = slackError(error);
  if (platform && GONE.has(platform)) return { status: "gone", reason: platform };
  if (e.code === "slack_webapi_rate_limited") return { status: "retryable", reason: "rate_limited", retryAfterMs: (e.retryAfter ?? 1) * 1e3 };
  const limited = /rate limit was exceeded.*retry-after: (\d+)/.exec(e.message ?? "");
  if (limited) return { status: "retryable", reason: "rate_limited", retryAfterMs: Number(limited[1]) * 1e3 };
  return { status: "retryable", reason: platform ?? e.message ?? String(error) };
}

// src/adapters/slack/notify.ts
function createMemberNotifier(deps) {
  return {
    async notifyMembers({ workspaceExternalId, platformUserIds, text }) {
      const client = await deps.clientFor(workspaceExternalId);
      if (!client) return 0;
      let reached = 0;
      for (const user of new Set(platformUserIds)) {
        try {
          await deps.pacer.run(paceKey(workspaceExternalId, user), () => client.chat.postMessage({ channel: user, text }));
          reached++;
        } catch (error) {
          deps.logger.warn({ team: workspaceExternalId, code: error.data?.error ?? "unknown" }, "could not message a member directly");
        }
      }
      return reached;
    }
  };
}

// src/adapters/slack/receiver.ts
import { HTTPModuleFunctions, HTTPReceiver, defaultBodyLimit, verifySlackRequest } from "@slack/bolt";
var SIGNATURE_WINDOW_SECONDS = 5 * 60;
var MAX_BODY_DEPTH = 64;
var REPLAY_ID_PREFIX = "slack-request:";
var REPLAY_MEMORY_MS = (2 * SIGNATURE_WINDOW_SECONDS + 60) * 1e3;
var ScreenedHTTPReceiver = class extends HTTPReceiver {
  constructor(options, screen) {
    super({ ...options, bodyLimit: screen.bodyLimit ?? defaultBodyLimit });
    const bolt = this.requestListener;
    const endpoint = screen.endpoint ?? "/slack/events";
    this.requestListener = (req, res) => {
      if (req.method !== "POST" || pathOf(req.url) !== endpoint) return bolt(req, res);
      screenRequest(req, screen).then(
        (verdict) => {
          if (verdict.pass) {
            req.rawBody = verdict.rawBody;
            bolt(req, res);
            return;
          }
          const log = verdict.reason === "replay" ? screen.logger.info : screen.logger.warn;
          log({ reason: verdict.reason, status: verdict.status }, refusals[verdict.reason]);
          res.writeHead(verdict.status).end();
        },
        (error) => {
          screen.logger.error({ err: error }, "screening a Slack request failed");
          if (!res.headersSent) res.writeHead(500);
          res.end();
        }
      );
    };
  }
};
var refusals = {
  unsigned: "refused a Slack request without a valid signature",
  stale: "refused a Slack request signed more than 5 minutes ago",
  future: "refused a Slack request signed more than 5 minutes in the future",
  malformed: "refused a signed Slack request whose body is not readable JSON or form data",
  "not-an-object": "refused a signed Slack request whose payload is not a JSON object",
  "too-deep": "refused a signed Slack request nested too deeply",
  "too-large": "refused a Slack request larger than the body limit",
  replay: "ignored a replayed Slack request (same signature as one already handled)"
};
function pathOf(url2) {
  try {
    return new URL(url2 ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
}
async function screenRequest(req, options) {
  let rawBody;
  try {
    rawBody = (await HTTPModuleFunctions.bufferIncomingMessage(req, options.bodyLimit ?? defaultBodyLimit)).rawBody;
  } catch (error) {
    if (HTTPModuleFunctions.isRawBodyError(error)) return { pass: false, status: error.statusCode === 413 ? 413 : 400, reason: error.statusCode === 413 ? "too-large" : "malformed" };
    throw error;
  }
  const text = rawBody.toString();
  const form = req.headers["content-type"] === "application/x-www-form-urlencoded";
  if (form && new URLSearchParams(text).get("ssl_check") === "1") return { pass: true, rawBody };
  const signature = req.headers["x-slack-signature"];
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  if (typeof signature !== "string" || !Number.isFinite(timestamp)) return { pass: false, status: 401, reason: "unsigned" };
  const nowMs = (options.nowMs ?? Date.now)();
  if (timestamp < Math.floor(nowMs / 1e3) - SIGNATURE_WINDOW_SECONDS) return { pass: false, status: 401, reason: "stale" };
  if (timestamp > Math.floor(nowMs / 1e3) + SIGNATURE_WINDOW_SECONDS) return { pass: false, status: 401, reason: "future" };
  try {
    verifySlackRequest({ signingSecret: options.signingSecret, body: text, headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp }, nowMilliseconds: nowMs });
  } catch {
    return { pass: false, status: 401, reason: "unsigned" };
  }
  const payload = form ? new URLSearchParams(text).getAll("payload") : [text];
  if (payload.length === 1 && jsonDepthExceeds(payload[0], MAX_BODY_DEPTH)) return { pass: false, status: 400, reason: "too-deep" };
  let body;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody({ rawBody, headers: req.headers });
  } catch {
    return { pass: false, status: 400, reason: "malformed" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { pass: false, status: 400, reason: "not-an-object" };
  const eventsApi = ["event_callback", "url_verification"].includes(String(body.type));
  if (options.firstDelivery && !eventsApi) {
    let first = true;
    try {
      first = await options.firstDelivery(`${REPLAY_ID_PREFIX}${signature}`);
    } catch (error) {
      options.logger.warn({ err: error }, "could not record a Slack request for replay protection; handling it anyway");
    }
    if (!first) return { pass: false, status: 200, reason: "replay" };
  }
  return { pass: true, rawBody };
}
function jsonDepthExceeds(json, limit) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

// src/adapters/slack/single-team.ts
function onlyServedTeam(servedTeam, logger) {
  return async (args) => {
    const served = servedTeam();
    const team = args.context.teamId;
    if (served === void 0 || team === served) return args.next();
    logger.warn({ teamId: team ?? "none", servedTeamId: served }, "refused a request from another Slack team: with SLACK_BOT_TOKEN set, Rapport serves only the team that token belongs to");
    if ("ack" in args && typeof args.ack === "function") await args.ack().catch(() => void 0);
  };
}

// src/adapters/slack/submissions.ts
import { DateTime as DateTime6 } from "luxon";
function registerSubmissions(app, deps) {
  for (const name of Object.keys(FORMS)) {
    const form = FORMS[name];
    app.view(form.callback, async ({ ack, body, view, client }) => {
      const command = deps.core.commands.find((c) => c.name === name);
      const origin2 = readOrigin(view.private_metadata);
      const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? "", userId: body.user.id, userName: body.user.name, channel: origin2.channel });
      const reply2 = await deps.core.run({ ...ctx, via: "modal" }, name, readForm(command, view.state.values));
      if (!reply2.ok) {
        const fields = form.fields;
        return void await ack({ response_action: "errors", errors: { [errorField(reply2, fields, fields[fields.length - 1])]: clip(reply2.text, 150) } });
      }
      await ack();
      await answer(deps, client, origin2, { teamId: ctx.workspace.externalId, userId: body.user.id }, reply2);
    });
  }
  app.view(CALLBACKS.snooze, async ({ ack, body, view, client }) => {
    const date = readSnoozeForm(view.state.values);
    const origin2 = readOrigin(view.private_metadata);
    if (!date || !origin2.nudgeId) return void await ack({ response_action: "errors", errors: { until: "Pick a date." } });
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? "", userId: body.user.id, userName: body.user.name, channel: origin2.channel });
    const until = DateTime6.fromISO(date, { zone: ctx.workspace.timeZone }).startOf("day");
    if (!until.isValid) return void await ack({ response_action: "errors", errors: { until: "Pick a date." } });
    const reply2 = await deps.core.actOnNudge(ctx, { nudgeId: origin2.nudgeId, action: "snooze", span: { until: until.toJSDate() } });
    if (!reply2.ok) return void await ack({ response_action: "errors", errors: { until: clip(reply2.text, 150) } });
    await ack();
    if (origin2.channel && origin2.messageTs) {
      await updateDigestItem(deps, client, { teamId: ctx.workspace.externalId, channel: origin2.channel, ts: origin2.messageTs, blocks: void 0, text: void 0 }, origin2.nudgeId, reply2, body.user.id);
    } else {
      await answer(deps, client, origin2, { teamId: ctx.workspace.externalId, userId: body.user.id }, { ...reply2, visibility: "private" });
    }
  });
  app.options(CLIENT_PICKER, async ({ ack, body, options }) => {
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? "", userId: body.user.id });
    const clients = await deps.core.suggestClients(ctx.workspace, options.value ?? "", 100);
    await ack({ options: clients.map((c) => ({ text: plain(c.name, LIMITS.optionText), value: c.id })) });
  });
}

// src/adapters/slack/app.ts
var BOT_SCOPES = ["commands", "chat:write", "channels:history", "groups:history", "incoming-webhook"];
function createSlackAdapter(options) {
  const oauth = options.botToken === void 0;
  checkOptions(options, oauth);
  const deps = {
    store: options.store,
    logger: options.logger,
    clock: options.clock,
    pacer: new ChannelPacer(options.clock, options.sleep ?? realSleep),
    core: options.core,
    ...options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {}
  };
  const clientOptions = {
    fetch: slackFetch(),
    ...options.apiUrl ? { slackApiUrl: options.apiUrl } : {},
    ...options.retries !== void 0 ? { retryConfig: { retries: options.retries } } : {},
    timeout: options.requestTimeoutMs ?? 1e4
  };
  const installationStore = createInstallationStore({
    installations: options.installations,
    lifecycle: options.lifecycle,
    store: options.store,
    clock: options.clock,
    ...options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {}
  });
  const logger = boltLogger(options.logger);
  const oauthOptions = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore,
    installerOptions: {
      directInstall: true,
      installPath: "/slack/install",
      redirectUriPath: "/slack/oauth_redirect",
      ...options.authorizeUrl ? { authorizationUrl: options.authorizeUrl } : {},
      ...options.mode === "socket" ? { port: options.port } : {}
    }
  };
  const receiver = options.mode === "http" ? new ScreenedHTTPReceiver(
    {
      signingSecret: options.signingSecret ?? "",
      logger,
      ...oauth ? { ...oauthOptions, installerOptions: { ...oauthOptions.installerOptions, clientOptions } } : {}
    },
    { signingSecret: options.signingSecret ?? "", logger: options.logger, firstDelivery: (id) => options.processedRequests.claim(id, options.clock.now()) }
  ) : void 0;
  const appOptions = {
    logger,
    clientOptions,
    deferInitialization: true,
    // The error handler gets the request body, to answer a person whose request failed authorisation.
    extendedErrorHandler: true,
    ...receiver ? { receiver } : { socketMode: true, appToken: options.appToken },
    ...oauth ? receiver ? {} : oauthOptions : { token: options.botToken }
  };
  const app = new App(appOptions);
  let servedTeam;
  app.use(answerFaults(deps));
  if (!oauth) app.use(onlyServedTeam(() => servedTeam, options.logger));
  app.use(dedupeEvents({ processedEvents: options.processedEvents, clock: options.clock, logger: options.logger }));
  registerUninstall(app, { installations: options.installations, lifecycle: options.lifecycle, clock: options.clock, logger: options.logger });
  registerCommands(app, deps);
  registerDigestActions(app, deps);
  registerSubmissions(app, deps);
  registerHome(app, deps);
  app.error(async ({ error, body }) => {
    options.logger.error({ err: error }, "slack listener failed");
    await apologiseForAuthorization(error, body, (cause) => cause instanceof NotInstalledError).catch(
      (failure) => options.logger.warn({ err: failure }, "could not deliver the apology either")
    );
  });
  const clients = /* @__PURE__ */ new Map();
  const clientFor = async (teamId) => {
    let token = options.botToken;
    if (oauth) {
      try {
        const installation = await installationStore.fetchInstallation({ teamId, enterpriseId: void 0, isEnterpriseInstall: false });
        token = installation.bot?.token;
      } catch {
        return null;
      }
    }
    if (!token) return null;
    const client = clients.get(token) ?? new webApi.WebClient(token, { ...clientOptions, logger });
    clients.set(token, client);
    return client;
  };
  return {
    async start() {
      await app.init();
      if (!oauth) {
        const team = (await app.client.auth.test()).team_id;
        servedTeam = team;
        if (team) await options.lifecycle.returned({ platform: "slack", externalId: team });
      }
      const started = await app.start(options.port);
      const address = started?.address?.();
      return { port: address && typeof address === "object" ? address.port : null };
    },
    async stop() {
      await app.stop();
    },
    publisher: createDigestPublisher({ ...deps, clientFor }),
    notifier: createMemberNotifier({ ...deps, clientFor })
  };
}
function checkOptions(o, oauth) {
  const missing = [];
  if (o.mode === "http" && !o.signingSecret) missing.push("signingSecret (SLACK_SIGNING_SECRET)");
  if (o.mode === "socket" && !o.appToken) missing.push("appToken (SLACK_APP_TOKEN)");
  if (oauth) {
    if (!o.clientId) missing.push("clientId (SLACK_CLIENT_ID) or botToken (SLACK_BOT_TOKEN)");
    if (!o.clientSecret) missing.push("clientSecret (SLACK_CLIENT_SECRET)");
    if (!o.stateSecret) missing.push("stateSecret (SLACK_STATE_SECRET)");
  }
  if (missing.length > 0) throw new Error(`Slack adapter (${o.mode} mode) is missing: ${missing.join(", ")}`);
}

// src/adapters/discord/adapter.ts
import { Client, Events, GatewayIntentBits, Status } from "discord.js";

// src/adapters/discord/buttons.ts
import { MessageFlags as MessageFlags3 } from "discord.js";

// src/core/access.ts
function mayUseCommands(facts) {
  if (facts.managesServer) return succeed(true);
  if (!facts.staffRoleExists || facts.hasStaffRole) return succeed(true);
  return fail("access.not-staff", "Only the staff role can use /client in this server; ask a server manager to give you the role.");
}
function speaksForTeam(facts) {
  return facts.managesServer || facts.staffRoleExists && facts.hasStaffRole;
}

// src/adapters/discord/guilds.ts
var PLATFORM = "discord";
async function guildJoined(deps, guild) {
  await deps.lifecycle.installed({ platform: PLATFORM, externalId: guild.id, name: guild.name, ...deps.defaultTimeZone ? { timeZone: deps.defaultTimeZone } : {} });
  deps.logger.info({ guildId: guild.id }, "discord server joined; workspace ready");
}
async function guildPresent(deps, guild) {
  const known = await deps.store.findWorkspace(PLATFORM, guild.id);
  if (known) await deps.lifecycle.returned({ platform: PLATFORM, externalId: guild.id });
  else await guildJoined(deps, guild);
}
async function guildLeft(deps, guildId) {
  await deps.lifecycle.uninstalled({ platform: PLATFORM, externalId: guildId }, deps.clock.now());
  deps.logger.info({ guildId }, "discord server left; its data is erased after the grace period");
}
async function guildsGoneWhileAway(deps, present) {
  const gone = (await deps.store.listWorkspaces()).filter((w) => w.platform === PLATFORM && !present.has(w.externalId));
  for (const w of gone) await guildLeft(deps, w.externalId);
  return gone.length;
}

// src/adapters/discord/interactions.ts
import {
  ApplicationCommandOptionType,
  GuildMember,
  MessageFlags as MessageFlags2,
  PermissionFlagsBits
} from "discord.js";

// src/adapters/discord/forms.ts
import { ComponentType, MessageFlags, TextInputStyle } from "discord.js";
var MODAL = { inputs: 5, label: 45, value: 4e3 };
var KEEP = 1e3;
var PREFIX = "rapport:form:";
var clip3 = (text, max) => text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
function askedInForm(spec) {
  return spec.required && spec.type.kind === "text";
}
function missingText(definition, given) {
  return Object.values(definition.args).filter((spec) => askedInForm(spec) && !given.some((o) => o.name === spec.name && String(o.value ?? "").trim() !== ""));
}
var PendingForms = class {
  forms = /* @__PURE__ */ new Map();
  open(form, definition, missing) {
    const id = `${PREFIX}${form.interactionId}`;
    this.forms.set(id, form);
    if (this.forms.size > KEEP) this.forms.delete(this.forms.keys().next().value);
    return {
      custom_id: id,
      title: clip3(`/client ${definition.name}`, MODAL.label),
      components: missing.slice(0, MODAL.inputs).map((spec) => ({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: spec.name,
            label: clip3(spec.label, MODAL.label),
            style: spec.type.kind === "text" ? TextInputStyle.Paragraph : TextInputStyle.Short,
            required: spec.required,
            max_length: Math.min(spec.type.kind === "text" ? spec.type.max ?? MODAL.value : 200, MODAL.value),
            // A form has no choice list: the choices are shown as the hint, and the core reads synonyms and near misses.
            ...spec.type.kind === "enum" ? { placeholder: clip3((spec.type.choices ?? spec.type.values).join(", "), 100) } : {}
          }
        ]
      }))
    };
  }
  /** The form, once: only for the person it was shown to, in the server it was shown in. */
  take(customId, guildId, userId) {
    const form = this.forms.get(customId);
    if (!form || form.guildId !== guildId || form.userId !== userId) return null;
    this.forms.delete(customId);
    return form;
  }
};
async function handleFormSubmit(deps, forms, interaction) {
  if (!interaction.customId.startsWith(PREFIX) || !interaction.inGuild()) return;
  if (!await deps.processedEvents.claim(PLATFORM, interaction.id, deps.clock.now())) return;
  const form = forms.take(interaction.customId, interaction.guildId, interaction.user.id);
  if (!form) {
    await interaction.reply({ content: "That form has expired; run the command again.", flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const fields = {};
  for (const field2 of interaction.fields.fields.values()) if ("value" in field2 && typeof field2.value === "string") fields[field2.customId] = field2.value;
  await runAndAnswer(deps, interaction, form.command, async () => ({ ...form.values, ...fields }), "modal");
}
async function openLogForm(deps, forms, interaction, clientId) {
  if (!interaction.inGuild()) return;
  if (!await deps.processedEvents.claim(PLATFORM, interaction.id, deps.clock.now())) return;
  const allowed = mayUseCommands(accessFacts(deps, interaction));
  if (!allowed.ok) {
    await interaction.reply({ content: `\u26A0\uFE0F ${allowed.message}`, flags: MessageFlags.Ephemeral });
    return;
  }
  const log = deps.core.commands.find((c) => c.name === "log");
  if (!log) return;
  const asked = Object.values(log.args).filter((spec) => spec.type.kind !== "client" && (spec.required || spec.name === "mood")).slice(0, MODAL.inputs);
  const form = { command: "log", values: { client: { by: "id", id: clientId } }, guildId: interaction.guildId, userId: interaction.user.id, interactionId: interaction.id };
  await interaction.showModal(forms.open(form, log, asked));
}

// src/adapters/discord/render-digest.ts
var DISCORD_LIMITS = {
  content: 2e3,
  embeds: 10,
  embedTotal: 6e3,
  description: 4096,
  title: 256,
  footer: 2048
};
var COLORS = { today: 14242639, attention: 15773006, "coming-up": 6013150 };
var FOOTER_RESERVE = 120;
var ITEM_MAX = 900;
function clip4(text, max) {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}\u2026`;
}
function embedSize(e) {
  return e.title.length + e.description.length + (e.footer?.text.length ?? 0);
}
function itemText(item, owners) {
  const owner = item.ownerId ? owners.get(item.ownerId) ?? "someone" : "nobody yet";
  const body = [`**${clip4(item.title, 300)}**`, ...item.context.map((l) => `\u203A ${l}`)].join("\n");
  return `${clip4(body, ITEM_MAX)}
Owner: ${owner} \xB7 \`${item.nudgeId}\``;
}
function renderDiscordDigest(digest, owners = /* @__PURE__ */ new Map()) {
  const embeds = [];
  let total = 0;
  let hidden = digest.overflow?.count ?? 0;
  let full = false;
  for (const section of digest.sections.slice(0, DISCORD_LIMITS.embeds)) {
    const title = clip4(`${section.heading} (${section.items.length})`, DISCORD_LIMITS.title);
    const parts = [];
    let description = "";
    section.items.forEach((item) => {
      const text = itemText(item, owners);
      const next = description ? `${description}

${text}` : text;
      const fits = next.length <= DISCORD_LIMITS.description && total + title.length + next.length <= DISCORD_LIMITS.embedTotal - FOOTER_RESERVE;
      if (fits && !full) {
        description = next;
        parts.push(text);
      } else {
        full = true;
        hidden += 1;
      }
    });
    if (parts.length === 0) continue;
    total += title.length + description.length;
    embeds.push({ title, description, color: COLORS[section.group] });
  }
  for (const section of digest.sections.slice(DISCORD_LIMITS.embeds)) hidden += section.items.length;
  if (hidden > 0) {
    const text = `\u2026and ${hidden} more: ${digest.overflow?.command ?? DUE_ALL_COMMAND}`;
    const last = embeds.at(-1);
    if (last) last.footer = { text: clip4(text, FOOTER_RESERVE) };
    else embeds.push({ title: "More", description: clip4(text, FOOTER_RESERVE), color: COLORS.attention });
  }
  const head = [digest.title, ...digest.notices.map((n) => `_${n}_`)].join("\n");
  const content = clip4(head, DISCORD_LIMITS.content);
  const size = embeds.reduce((s, e) => s + embedSize(e), 0);
  if (size > DISCORD_LIMITS.embedTotal) throw new Error(`bug: digest embeds total ${size} characters`);
  return { content, embeds };
}

// src/adapters/discord/render-reply.ts
var COLOR_OK = 5793266;
var COLOR_ERROR = 14242639;
var clip5 = (text, max) => text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}\u2026`;
function renderReply3(reply2) {
  const suggestions = (reply2.suggestions ?? []).map((s) => `\`/client ${s.replace(/^\/client\s+/, "")}\``);
  const head = reply2.ok ? reply2.text : `\u26A0\uFE0F ${reply2.text}`;
  const content = clip5(suggestions.length > 0 ? `${head}
Try: ${suggestions.join(" \xB7 ")}` : head, DISCORD_LIMITS.content);
  const embeds = [];
  let total = 0;
  let left = 0;
  for (const section of reply2.sections ?? []) {
    const title = clip5(section.title ?? "\u200B", DISCORD_LIMITS.title);
    const description = clip5(section.lines.map((l) => l.length > 0 ? `\u2022 ${l}` : "").join("\n") || "\u200B", DISCORD_LIMITS.description);
    if (embeds.length === DISCORD_LIMITS.embeds || total + title.length + description.length > DISCORD_LIMITS.embedTotal - 100) {
      left += 1;
      continue;
    }
    total += title.length + description.length;
    embeds.push({ title, description, color: reply2.ok ? COLOR_OK : COLOR_ERROR });
  }
  if (left > 0 && embeds.length > 0) {
    const last = embeds.pop();
    embeds.push({ ...last, footer: { text: `\u2026${left} more section${left === 1 ? "" : "s"} left out.` } });
  }
  return {
    content,
    embeds,
    ...reply2.attachment ? { files: [{ attachment: Buffer.from(reply2.attachment.content, "utf8"), name: reply2.attachment.filename }] } : {},
    allowedMentions: { parse: [] },
    ephemeral: reply2.visibility === "private"
  };
}
function messageOptions(rendered) {
  return {
    content: rendered.content,
    embeds: rendered.embeds,
    allowedMentions: rendered.allowedMentions,
    ...rendered.files ? { files: rendered.files } : {}
  };
}

// src/adapters/discord/interactions.ts
var FAULT_TEXT = "Rapport could not finish that just now; the error is logged. Please try again in a minute.";
async function handleChatInput(deps, interaction, forms) {
  if (!interaction.inGuild()) {
    await interaction.reply({ content: "Use /client in a server.", flags: MessageFlags2.Ephemeral });
    return;
  }
  if (!await deps.processedEvents.claim(PLATFORM, interaction.id, deps.clock.now())) {
    deps.logger.info({ interactionId: interaction.id }, "discord interaction already handled; skipping the replay");
    return;
  }
  const command = interaction.options.getSubcommand(true);
  const definition = deps.core.commands.find((c) => c.name === command);
  const given = interaction.options.data[0]?.options ?? [];
  const missing = definition ? missingText(definition, given) : [];
  if (forms && definition && missing.length > 0 && mayUseCommands(accessFacts(deps, interaction)).ok) {
    const workspace = await workspaceOf(deps, interaction.guildId, interaction.guild);
    const values = await optionValues(deps.core, workspace, command, given);
    await interaction.showModal(forms.open({ command, values, guildId: interaction.guildId, userId: interaction.user.id, interactionId: interaction.id }, definition, missing));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags2.Ephemeral });
  await runAndAnswer(deps, interaction, command, async (workspace) => optionValues(deps.core, workspace, command, given));
}
async function runAndAnswer(deps, interaction, command, valuesFor, via) {
  try {
    const allowed = mayUseCommands(accessFacts(deps, interaction));
    if (!allowed.ok) {
      await interaction.editReply({ content: `\u26A0\uFE0F ${allowed.message}`, allowedMentions: { parse: [] } });
      return;
    }
    const ctx = await contextFor2(deps, interaction);
    const reply2 = await deps.core.run(via ? { ...ctx, via } : ctx, command, await valuesFor(ctx.workspace));
    const rendered = renderReply3(reply2);
    if (rendered.ephemeral) {
      await interaction.editReply(messageOptions(rendered));
    } else {
      await interaction.followUp(messageOptions(rendered));
      await interaction.deleteReply();
    }
  } catch (error) {
    deps.logger.error({ err: error, guildId: interaction.guildId }, "discord command failed");
    await interaction.editReply({ content: FAULT_TEXT }).catch(() => void 0);
  }
}
async function handleAutocomplete(deps, interaction) {
  if (!interaction.inGuild() || !mayUseCommands(accessFacts(deps, interaction)).ok) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const workspace = await workspaceOf(deps, interaction.guildId, interaction.guild);
  const found = await deps.core.suggestClients(workspace, String(focused.value));
  await interaction.respond(found.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.id })));
}
function accessFacts(deps, interaction) {
  const role = deps.staffRoleId;
  const member = interaction.member;
  const roles = member instanceof GuildMember ? [...member.roles.cache.keys()] : member.roles;
  return {
    staffRoleExists: role !== void 0 && (interaction.guild ? interaction.guild.roles.cache.has(role) : roles.includes(role)),
    hasStaffRole: role !== void 0 && roles.includes(role),
    managesServer: interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)
  };
}
async function workspaceOf(deps, guildId, guild) {
  return deps.store.ensureWorkspace({ platform: PLATFORM, externalId: guildId, name: guild?.name ?? guildId, ...deps.defaultTimeZone ? { timeZone: deps.defaultTimeZone } : {} });
}
async function contextFor2(deps, interaction) {
  const member = interaction.member;
  const displayName = member instanceof GuildMember ? member.displayName : member.nick ?? interaction.user.globalName ?? interaction.user.username;
  return {
    workspace: await workspaceOf(deps, interaction.guildId, interaction.guild),
    actor: { platformUserId: interaction.user.id, displayName },
    now: deps.clock.now(),
    ...interaction.channelId ? { channel: interaction.channelId } : {}
  };
}
async function optionValues(core, workspace, command, options) {
  const args = core.commands.find((c) => c.name === command)?.args ?? {};
  const values = {};
  for (const option2 of options) {
    if (option2.type === ApplicationCommandOptionType.User) {
      const user = option2.user;
      const name = option2.member instanceof GuildMember ? option2.member.displayName : user?.globalName ?? user?.username;
      values[option2.name] = { by: "id", id: String(option2.value), ...name ? { name } : {} };
      continue;
    }
    const text = String(option2.value ?? "");
    if (args[option2.name]?.type.kind === "client" && await core.getClient(workspace, text)) {
      values[option2.name] = { by: "id", id: text };
      continue;
    }
    values[option2.name] = text;
  }
  return values;
}

// src/adapters/discord/digest-buttons.ts
import { ButtonStyle, ComponentType as ComponentType2 } from "discord.js";
var MAX_BUTTON_ROWS = 5;
var PREFIX2 = "rapport";
var clip6 = (text, max) => text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}\u2026`;
function digestButtons(digest, rendered) {
  const shown = rendered.embeds.map((e) => e.description).join("\n");
  return digest.sections.flatMap((s) => s.items).filter((item) => shown.includes(`\`${item.nudgeId}\``)).slice(0, MAX_BUTTON_ROWS).map((item) => ({
    type: ComponentType2.ActionRow,
    components: [
      { type: ComponentType2.Button, style: ButtonStyle.Success, label: clip6(`Done: ${item.clientName}`, 80), custom_id: `${PREFIX2}:done:${item.nudgeId}` },
      { type: ComponentType2.Button, style: ButtonStyle.Secondary, label: "Snooze a day", custom_id: `${PREFIX2}:snooze-1d:${item.nudgeId}` },
      { type: ComponentType2.Button, style: ButtonStyle.Secondary, label: "Snooze a week", custom_id: `${PREFIX2}:snooze-1w:${item.nudgeId}` },
      { type: ComponentType2.Button, style: ButtonStyle.Primary, label: "Log", custom_id: `${PREFIX2}:log:${item.clientId}:${item.nudgeId}` }
    ]
  }));
}
function logButtonClient(customId) {
  return /^rapport:log:([\w-]{1,40}):[\w-]{1,80}$/.exec(customId)?.[1] ?? null;
}
function buttonAction(customId) {
  const m = /^rapport:(done|snooze-1d|snooze-1w):([\w-]{1,80})$/.exec(customId);
  if (!m) return null;
  const nudgeId3 = m[2];
  if (m[1] === "done") return { nudgeId: nudgeId3, action: "done" };
  return { nudgeId: nudgeId3, action: "snooze", span: m[1] === "snooze-1d" ? "1d" : "1w" };
}
function markItem2(message, nudgeId3, outcome) {
  const tag = `\`${nudgeId3}\``;
  const total = message.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);
  const embeds = message.embeds.map((embed) => {
    const description = embed.description ?? "";
    if (!description.includes(tag)) return embed;
    const room = Math.min(DISCORD_LIMITS.description - description.length, DISCORD_LIMITS.embedTotal - total) - 3;
    if (room < 10) return embed;
    return { ...embed, description: description.replace(tag, `${tag}
\u2705 ${clip6(outcome, room)}`) };
  });
  const components = message.components.filter((row) => !row.components.some((c) => "custom_id" in c && c.custom_id.endsWith(`:${nudgeId3}`)));
  return { embeds, components };
}

// src/adapters/discord/buttons.ts
async function handleDigestButton(deps, interaction) {
  const action = buttonAction(interaction.customId);
  if (!action || !interaction.inGuild()) return;
  if (!await deps.processedEvents.claim(PLATFORM, interaction.id, deps.clock.now())) return;
  await interaction.deferUpdate();
  try {
    const allowed = mayUseCommands(accessFacts(deps, interaction));
    if (!allowed.ok) {
      await interaction.followUp({ content: `\u26A0\uFE0F ${allowed.message}`, flags: MessageFlags3.Ephemeral });
      return;
    }
    const reply2 = await deps.core.actOnNudge(await contextFor2(deps, interaction), action);
    if (!reply2.ok) {
      await interaction.followUp({ content: `\u26A0\uFE0F ${reply2.text}`, flags: MessageFlags3.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    const message = interaction.message;
    const marked = markItem2(
      { embeds: message.embeds.map((e) => e.toJSON()), components: message.components.map((c) => c.toJSON()) },
      action.nudgeId,
      `${reply2.text} \u2014 <@${interaction.user.id}>`
    );
    await interaction.editReply({ embeds: marked.embeds, components: marked.components, allowedMentions: { parse: [] } });
  } catch (error) {
    deps.logger.error({ err: error, guildId: interaction.guildId }, "discord digest button failed");
    await interaction.followUp({ content: "Rapport could not finish that just now; the error is logged. Please try again in a minute.", flags: MessageFlags3.Ephemeral }).catch(() => void 0);
  }
}

// src/adapters/discord/publisher.ts
import { createHash as createHash2 } from "node:crypto";
import { DiscordAPIError, RateLimitError, Routes } from "discord.js";
var GONE2 = /* @__PURE__ */ new Map([
  [10003, "unknown channel"],
  [10004, "unknown server"],
  [50001, "missing access to the channel"],
  [50013, "missing permissions in the channel"],
  [50008, "cannot post in this kind of channel"]
]);
function nonceOf(deliveryKey2) {
  return createHash2("sha256").update(deliveryKey2).digest("base64url").slice(0, 25);
}
function createDigestPublisher2(deps) {
  return {
    async publish({ workspaceExternalId, channel, digest, deliveryKey: deliveryKey2 }) {
      try {
        const found = await deps.rest.get(Routes.channel(channel));
        if (found.guild_id !== workspaceExternalId) return { status: "gone", reason: `channel ${channel} is not in this server` };
        const owners = await ownerMentions(deps, workspaceExternalId, digest);
        const rendered = renderDiscordDigest(digest, owners);
        const message = await deps.rest.post(Routes.channelMessages(channel), {
          body: { content: rendered.content, embeds: rendered.embeds, components: digestButtons(digest, rendered), nonce: nonceOf(deliveryKey2), enforce_nonce: true, allowed_mentions: { parse: [] } }
        });
        return { status: "posted", messageRef: `${channel}:${message.id}` };
      } catch (error) {
        return classify2(error);
      }
    }
  };
}
function createMemberNotifier2(deps) {
  return {
    async notifyMembers({ workspaceExternalId, platformUserIds, text }) {
      let reached = 0;
      for (const user of new Set(platformUserIds)) {
        try {
          const dm = await deps.rest.post(Routes.userChannels(), { body: { recipient_id: user } });
          await deps.rest.post(Routes.channelMessages(dm.id), { body: { content: text.slice(0, 2e3), allowed_mentions: { parse: [] } } });
          reached += 1;
        } catch (error) {
          deps.logger.warn({ guildId: workspaceExternalId, code: error instanceof DiscordAPIError ? error.code : "unknown" }, "could not message a member directly");
        }
      }
      return reached;
    }
  };
}
async function ownerMentions(deps, guildId, digest) {
  const ids = [...new Set(digest.sections.flatMap((s) => s.items.map((i) => i.ownerId)).filter((x) => x !== null))];
  if (ids.length === 0) return /* @__PURE__ */ new Map();
  const workspace = await deps.store.findWorkspace(PLATFORM, guildId);
  if (!workspace) return /* @__PURE__ */ new Map();
  const members = await deps.store.workspace(workspace.id).getMembers(ids);
  return new Map(members.map((m) => [m.id, `<@${m.platformUserId}>`]));
}
function classify2(error) {
  if (error instanceof DiscordAPIError) {
    const gone = typeof error.code === "number" ? GONE2.get(error.code) : void 0;
    if (gone) return { status: "gone", reason: gone };
    if (error.status === 401) return { status: "gone", reason: "the bot token was refused" };
    if (error.status === 404) return { status: "gone", reason: "channel not found" };
    return { status: "retryable", reason: `discord ${error.status} ${error.code}` };
  }
  if (error instanceof RateLimitError) return { status: "retryable", reason: "rate_limited", retryAfterMs: error.retryAfter };
  return { status: "retryable", reason: error instanceof Error ? error.message : String(error) };
}

// src/adapters/discord/register.ts
import { Routes as Routes2 } from "discord.js";

// src/adapters/discord/command-spec.ts
import {
  ApplicationCommandOptionType as ApplicationCommandOptionType2,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits as PermissionFlagsBits2
} from "discord.js";
var COMMAND_LIMITS = { description: 100, choices: 25, choiceText: 100, options: 25, subcommands: 25, total: 8e3 };
var DEFAULT_MEMBER_PERMISSIONS = PermissionFlagsBits2.ManageGuild;
var INVITE_PERMISSIONS = PermissionFlagsBits2.ViewChannel | PermissionFlagsBits2.SendMessages | PermissionFlagsBits2.EmbedLinks;
var clip7 = (text, max) => text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
function clientCommand(commands, name = "client") {
  if (commands.length > COMMAND_LIMITS.subcommands) throw new Error(`bug: ${commands.length} subcommands; Discord allows ${COMMAND_LIMITS.subcommands}`);
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: "Rapport: look after your clients and members.",
    default_member_permissions: DEFAULT_MEMBER_PERMISSIONS.toString(),
    contexts: [InteractionContextType.Guild],
    options: commands.map((command) => ({
      type: ApplicationCommandOptionType2.Subcommand,
      name: command.name,
      description: clip7(command.summary, COMMAND_LIMITS.description),
      // Discord wants required options first; the core reads them by name, so order is free.
      options: Object.values(command.args).map((spec, index) => ({ spec, index })).sort((a, b) => Number(b.spec.required) - Number(a.spec.required) || a.index - b.index).map(({ spec }) => optionOf(spec))
    }))
  };
}
function optionOf(spec) {
  const base = { name: spec.name, description: clip7(describe(spec), COMMAND_LIMITS.description), required: spec.required && !askedInForm(spec) };
  const type = spec.type;
  switch (type.kind) {
    case "member":
      return { ...base, type: ApplicationCommandOptionType2.User };
    case "client":
      return { ...base, type: ApplicationCommandOptionType2.String, autocomplete: true };
    case "enum": {
      const shown = type.choices ?? type.values;
      if (shown.length > COMMAND_LIMITS.choices) return { ...base, type: ApplicationCommandOptionType2.String };
      return { ...base, type: ApplicationCommandOptionType2.String, choices: shown.map((v) => ({ name: clip7(v, COMMAND_LIMITS.choiceText), value: v })) };
    }
    case "text":
      return { ...base, type: ApplicationCommandOptionType2.String, max_length: Math.min(type.max ?? 2e3, 6e3) };
    default:
      return { ...base, type: ApplicationCommandOptionType2.String };
  }
}
function describe(spec) {
  const type = spec.type;
  if (type.kind === "word") return `${spec.label}, e.g. ${type.example}`;
  if (type.kind === "moment") return `${spec.label}, e.g. yesterday 3pm or 2026-03-14`;
  if (type.kind === "yearly") return `${spec.label}, e.g. March 14`;
  if (type.kind === "duration") return `${spec.label}: 1d, 1w, or a date`;
  return spec.label;
}

// src/adapters/discord/register.ts
async function registerCommands2(input) {
  const route = input.guildId ? Routes2.applicationGuildCommands(input.applicationId, input.guildId) : Routes2.applicationCommands(input.applicationId);
  await input.rest.put(route, { body: [clientCommand(input.commands)] });
}

// src/adapters/discord/support-watch.ts
import { ChannelType, PermissionFlagsBits as PermissionFlagsBits3 } from "discord.js";
async function watchSupportMessage(deps, message) {
  if (!message.inGuild() || message.author.bot || message.webhookId !== null || message.system) return;
  const channel = message.channel;
  const inThread = channel.isThread();
  const watched = deps.channels.has(message.channelId) || inThread && channel.parentId !== null && deps.channels.has(channel.parentId);
  if (!watched) return;
  const workspace = await deps.store.findWorkspace(PLATFORM, message.guildId);
  if (!workspace) return;
  const member = message.member;
  const role = deps.staffRoleId;
  const staff = speaksForTeam({
    staffRoleExists: role !== void 0 && message.guild.roles.cache.has(role),
    hasStaffRole: role !== void 0 && (member?.roles.cache.has(role) ?? false),
    managesServer: member?.permissions.has(PermissionFlagsBits3.ManageGuild) ?? false
  });
  const forum = inThread && channel.parent?.type === ChannelType.GuildForum;
  const summary = message.content.trim() || (inThread ? channel.name : `a message in #${"name" in channel ? channel.name : message.channelId}`);
  const event = {
    direction: staff ? "out" : "in",
    channel: forum ? "forum-post" : "chat",
    occurredAt: message.createdAt,
    externalId: `discord:${message.id}`,
    threadIds: [message.channelId],
    summary,
    source: PLATFORM,
    ...staff ? { sender: { platformUserId: message.author.id, displayName: member?.displayName ?? message.author.username } } : { party: { by: "member", platformUserId: message.author.id } }
  };
  const outcome = await deps.core.recordMessage({ workspace, now: deps.clock.now() }, event);
  deps.logger.info({ guildId: message.guildId, status: outcome.status, direction: event.direction }, "support channel message recorded");
}

// src/adapters/discord/adapter.ts
var INTENTS = [GatewayIntentBits.Guilds];
var SUPPORT_WATCH_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
function createDiscordAdapter(options) {
  const watch = new Set(options.supportChannels ?? []);
  const client = new Client({
    intents: [...watch.size > 0 ? SUPPORT_WATCH_INTENTS : INTENTS],
    rest: {
      ...options.apiUrl ? { api: options.apiUrl } : {},
      ...options.restRetries !== void 0 ? { retries: options.restRetries } : {},
      timeout: options.requestTimeoutMs ?? 15e3
    }
  });
  client.rest.setToken(options.token);
  const { logger } = options;
  const guildDeps = { store: options.store, lifecycle: options.lifecycle, clock: options.clock, logger, ...options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {} };
  const interactionDeps = {
    core: options.core,
    store: options.store,
    processedEvents: options.processedEvents,
    clock: options.clock,
    logger,
    ...options.staffRoleId ? { staffRoleId: options.staffRoleId } : {},
    ...options.defaultTimeZone ? { defaultTimeZone: options.defaultTimeZone } : {}
  };
  const forms = new PendingForms();
  const handle = (what, work) => {
    work().catch((error) => logger.error({ err: error }, `discord ${what} failed`));
  };
  client.on(Events.GuildCreate, (guild) => handle("server join", () => guildJoined(guildDeps, guild)));
  client.on(Events.GuildAvailable, (guild) => client.isReady() && handle("server return", () => guildPresent(guildDeps, guild)));
  client.on(Events.GuildDelete, (guild) => handle("server removal", () => guildLeft(guildDeps, guild.id)));
  client.on(Events.GuildUnavailable, (guild) => logger.warn({ guildId: guild.id }, "discord server unavailable (an outage); nothing is deleted"));
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) handle("command", () => handleChatInput(interactionDeps, interaction, forms));
    else if (interaction.isModalSubmit()) handle("form", () => handleFormSubmit(interactionDeps, forms, interaction));
    else if (interaction.isAutocomplete()) handle("autocomplete", () => handleAutocomplete(interactionDeps, interaction));
    else if (interaction.isButton()) {
      const clientId = logButtonClient(interaction.customId);
      if (clientId) handle("log button", () => openLogForm(interactionDeps, forms, interaction, clientId));
      else handle("digest button", () => handleDigestButton(interactionDeps, interaction));
    }
  });
  if (watch.size > 0) {
    const supportDeps = { core: options.core, store: options.store, clock: options.clock, logger, channels: watch, ...options.staffRoleId ? { staffRoleId: options.staffRoleId } : {} };
    client.on(Events.MessageCreate, (message) => handle("support message", () => watchSupportMessage(supportDeps, message)));
  }
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  return {
    async start() {
      const ready = new Promise((resolve2) => client.once(Events.ClientReady, resolve2));
      await client.login(options.token);
      const c = await ready;
      const present = [...c.guilds.cache.values()].filter((g) => g.available);
      for (const guild of present) await guildPresent(guildDeps, guild);
      if (c.shard === null) await guildsGoneWhileAway(guildDeps, new Set(c.guilds.cache.keys()));
      await registerCommands2({ rest: client.rest, applicationId: c.application.id, commands: options.core.commands, ...options.guildId ? { guildId: options.guildId } : {} });
      logger.info({ servers: present.length, applicationId: c.application.id }, "Rapport is connected to Discord");
    },
    async stop() {
      await client.destroy();
    },
    connected: () => client.ws.status === Status.Ready,
    publisher: createDigestPublisher2({ rest: client.rest, store: options.store, logger }),
    notifier: createMemberNotifier2({ rest: client.rest, store: options.store, logger }),
    rest: client.rest
  };
}

// src/adapters/scheduler/scheduler.ts
import cron from "node-cron";

// src/core/delivery/slots.ts
var DEFAULT_GRACE_MINUTES = 180;
var DEFAULT_LATE_AFTER_MINUTES = 10;
var MINUTE_MS = 6e4;
var MAX_GRACE_MINUTES = 24 * 60;
var KINDS = ["morning", "sweep"];
function slotTime(workspace, kind) {
  return kind === "morning" ? workspace.policy.digestAt : workspace.policy.sweepAt;
}
function slotsAt(input) {
  const { workspace, now } = input;
  const grace = Math.min(Math.max(0, input.graceMinutes), MAX_GRACE_MINUTES) * MINUTE_MS;
  const lateAfter = Math.min(input.lateAfterMinutes ?? DEFAULT_LATE_AFTER_MINUTES, input.graceMinutes) * MINUTE_MS;
  const today = localDateOf(now, workspace.timeZone);
  const earliest = minDate(addDays(today, -1), previousBusinessDay(workspace, today));
  const out = [];
  for (let date = earliest; date <= today; date = addDays(date, 1)) {
    if (!isBusinessDay(workspace, date)) continue;
    for (const kind of KINDS) {
      const dueAt = atLocalTime(date, slotTime(workspace, kind), workspace.timeZone);
      const age = now.getTime() - dueAt.getTime();
      if (age < 0) continue;
      const status = age > grace ? "missed" : age >= lateAfter ? "late" : "on-time";
      if (status === "missed" && (input.servedSince === null || date < input.servedSince)) continue;
      out.push({ kind, localDate: date, dueAt, status });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
function minDate(a, b) {
  return a < b ? a : b;
}

// src/core/delivery/notices.ts
var KIND_NAME = { morning: "morning digest", sweep: "end-of-day sweep" };
function lateNotice(slot, slotTime2) {
  return `Posted late: this ${KIND_NAME[slot.kind]} was due at ${slotTime2}.`;
}
function missedNotices(missed) {
  if (missed.length === 0) return [];
  const sorted = [...missed].sort((a, b) => a.localDate === b.localDate ? a.kind.localeCompare(b.kind) : a.localDate < b.localDate ? -1 : 1);
  const names = sorted.map((m) => `the ${KIND_NAME[m.kind]} of ${shortDate(m.localDate)}`);
  return [`Missed while Rapport was unavailable: ${names.join(", ")}.`];
}

// src/core/use-cases/deliver-digests.ts
function undeliverableReason(workspace, blockedReason) {
  if (blockedReason !== null) return `delivery blocked: ${blockedReason}`;
  if (workspace.digestChannel === null || workspace.digestChannel === "") return "no digest channel";
  return null;
}
function slotId(kind, localDate) {
  return `${kind}:${localDate}`;
}
function workspaceSlots(input) {
  if (undeliverableReason(input.workspace, input.blockedReason) !== null) return [];
  return slotsAt({ workspace: input.workspace, now: input.now, graceMinutes: input.graceMinutes, servedSince: input.servedSince }).filter(
    (slot) => !input.settled.has(slotId(slot.kind, slot.localDate))
  );
}
async function digestForSlot(planDigest2, input) {
  const notices = [
    ...input.slot.status === "late" ? [lateNotice(input.slot, slotTime(input.workspace, input.slot.kind))] : [],
    ...missedNotices(input.missed)
  ];
  return planDigest2({ store: input.store, now: planningTime(input.workspace, input.slot, input.now), kind: input.slot.kind, notices });
}
function planningTime(workspace, slot, now) {
  return localDateOf(now, workspace.timeZone) === slot.localDate ? now : slot.dueAt;
}

// src/core/rules/apology.rule.ts
var APOLOGY = "apology";
function apology(now, snapshot, policy) {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return dueFollowUps(snapshot, ["apology"], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const dueDate = addBusinessDays(ix.cal, localDateOf(f.openedAt, zone), policy.apologyWithinDays);
    if (now < atLocalTime(dueDate, "00:00", zone)) return [];
    return [
      makeNudge({
        rule: APOLOGY,
        subject: f.id,
        occurrence: f.openedAt.toISOString(),
        client,
        group: "today",
        urgency: 88,
        title: `Apologise to ${client.name} for the mistake logged ${whenAgo(now, f.openedAt, zone)}.`,
        context: () => lines(
          f.summary ? `What happened: ${quote(f.summary)}.` : null,
          "Own it plainly, say what changes so it does not happen again, and skip the excuses.",
          contactLine(ix, f.clientId)
        ),
        triggeredAt: f.openedAt,
        followUpId: f.id
      })
    ];
  });
}

// src/core/rules/ask-advice.rule.ts
var ASK_ADVICE = "ask-advice";
function askAdvice(now, snapshot, policy) {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return snapshot.clients.filter((c) => isActive(c) && c.tier === "top").flatMap((client) => {
    const since = client.lastAdviceAt ?? client.createdAt;
    const days2 = localDaysBetween(since, now, zone);
    if (days2 < policy.adviceEveryDays) return [];
    return [
      makeNudge({
        rule: ASK_ADVICE,
        subject: client.id,
        occurrence: since.toISOString(),
        client,
        group: "attention",
        urgency: 25,
        title: client.lastAdviceAt ? `Ask ${client.name} for their advice: the last time was ${days2} days ago.` : `Ask ${client.name} for their advice: we never have.`,
        context: () => lines("What should we do better? What are they seeing in their market? People like being asked.", lastContactLine(ix, client.id, now)),
        triggeredAt: atLocalTime(addDays(localDateOf(since, zone), policy.adviceEveryDays), "00:00", zone)
      })
    ];
  });
}

// src/core/rules/complaint-update.rule.ts
var COMPLAINT_UPDATE = "complaint-update";
function complaintUpdate(now, snapshot, policy) {
  const ix = indexSnapshot(snapshot);
  return dueFollowUps(snapshot, ["complaint"], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const hours = businessHoursBetween(ix.cal, f.openedAt, now);
    if (hours < policy.complaintUpdateHours) return [];
    return [
      makeNudge({
        rule: COMPLAINT_UPDATE,
        subject: f.id,
        occurrence: f.openedAt.toISOString(),
        client,
        group: "attention",
        urgency: 85,
        title: `Update ${client.name} on their complaint: ${businessAge(hours, businessDayHours(ix.cal))} without news.`,
        context: () => lines(
          f.summary ? `Complaint: ${quote(f.summary)}.` : null,
          "Send an update even without an answer yet: what you are doing, and when they will hear next.",
          contactLine(ix, f.clientId)
        ),
        triggeredAt: f.openedAt,
        followUpId: f.id
      })
    ];
  });
}

// src/core/rules/follow-up.rule.ts
var FOLLOW_UP = "follow-up";
function followUp(now, snapshot) {
  const ix = indexSnapshot(snapshot);
  return dueFollowUps(snapshot, ["check-in", "custom"], now).flatMap((f) => {
    const client = ix.clients.get(f.clientId);
    if (!client || !isFollowedUp(client)) return [];
    const start = f.snoozedUntil ?? f.openedAt;
    return [
      makeNudge({
        rule: FOLLOW_UP,
        subject: f.id,
        occurrence: start.toISOString(),
        client,
        group: "today",
        urgency: 60,
        title: f.kind === "check-in" ? `Check in with ${client.name}: ${f.summary}` : `Follow up with ${client.name}: ${f.summary}`,
        context: () => lines(lastContactLine(ix, client.id, now)),
        triggeredAt: start,
        followUpId: f.id
      })
    ];
  });
}

// src/core/care/tiers.ts
function giftBudget(policy, tier) {
  return tier === "top" ? policy.giftBudgetTop : tier === "standard" ? policy.giftBudgetStandard : policy.giftBudgetLight;
}
function keepInTouchDays(policy, tier) {
  return tier === "top" ? policy.keepInTouchTopDays : tier === "standard" ? policy.keepInTouchStandardDays : policy.keepInTouchLightDays;
}

// src/core/rules/keep-in-touch.rule.ts
var KEEP_IN_TOUCH = "keep-in-touch";
function keepInTouch(now, snapshot, policy) {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  return snapshot.clients.filter(isActive).flatMap((client) => {
    const since = client.lastInteractionAt ?? client.createdAt;
    const days2 = localDaysBetween(since, now, zone);
    const limit = keepInTouchDays(policy, client.tier);
    if (days2 < limit) return [];
    return [
      makeNudge({
        rule: KEEP_IN_TOUCH,
        subject: client.id,
        occurrence: since.toISOString(),
        client,
        group: "attention",
        urgency: 30 + Math.min(20, days2 - limit),
        title: `Reconnect with ${client.name}: ${days2} days without a word${client.tier === "top" ? " (top client)" : ""}.`,
        context: () => lines(lastContactLine(ix, client.id, now), askAfterLine(ix, client.id), likesLine(ix, client.id)),
        triggeredAt: atLocalTime(addDays(localDateOf(since, zone), limit), "00:00", zone)
      })
    ];
  });
}

// src/core/care/one-sided.ts
var ONE_SIDED_OUTREACH = 6;
function isOneSided(exchange) {
  return exchange.outbound >= ONE_SIDED_OUTREACH && exchange.inbound === 0;
}

// src/core/rules/one-sided.rule.ts
var ONE_SIDED = "one-sided";
function oneSided(now, snapshot, policy) {
  const ix = indexSnapshot(snapshot);
  const out = [];
  for (const exchange of snapshot.exchanges) {
    const client = ix.clients.get(exchange.clientId);
    if (!client || !isActive(client) || !isOneSided(exchange)) continue;
    out.push(
      makeNudge({
        rule: ONE_SIDED,
        subject: client.id,
        occurrence: String(exchange.outbound),
        client,
        group: "attention",
        urgency: 40,
        title: `Review the relationship with ${client.name}: ${exchange.outbound} calls, emails or messages from us in ${Math.max(policy.abuseWindowDays, 90)} days, and nothing back.`,
        context: () => lines(
          `Last reached out on ${shortDate(localDateOf(exchange.lastOutboundAt, ix.cal.timeZone))}.`,
          "Ask the owner whether it is still a partnership worth the effort. Keeping or ending it is a person\u2019s decision, never the bot\u2019s."
        ),
        triggeredAt: exchange.lastOutboundAt
      })
    );
  }
  return out;
}

// src/core/care/occasions.ts
var pad = (n) => String(n).padStart(2, "0");
function occurrenceIn(month, day2, year) {
  const d = month === 2 && day2 === 29 && !isLeapYear(year) ? 28 : day2;
  return `${year}-${pad(month)}-${pad(d)}`;
}
function nextOccurrence(date, today) {
  const year = Number(today.slice(0, 4));
  const thisYear = occurrenceIn(date.month, date.day, year);
  return thisYear >= today ? thisYear : occurrenceIn(date.month, date.day, year + 1);
}
function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}
function describeOccasion(date, client, member, occurrence, keyPerson) {
  const years = date.year !== null ? Number(occurrence.slice(0, 4)) - date.year : null;
  const known = years !== null && years > 0;
  const person = keyPerson && keyPerson.name !== client.name ? keyPerson.name : null;
  const owned = (what) => person ? `${person}'s ${what} (${client.name})` : `${client.name}'s ${what}`;
  const relative = (m, what) => `${m.name}'s ${what} (${person ?? client.name}'s ${m.relation})`;
  switch (date.kind) {
    case "birthday":
      if (member) return { name: relative(member, "birthday"), milestone: known ? `${member.name} turns ${years}.` : null, giftish: true };
      return { name: owned("birthday"), milestone: known ? `Turns ${years}.` : null, giftish: true };
    case "child-birthday":
      return { name: member ? relative(member, "birthday") : owned("child's birthday"), milestone: known ? `${member?.name ?? "They"} turns ${years}.` : null, giftish: true };
    case "wedding-anniversary":
      return {
        name: member ? `${person ?? client.name} and ${member.name}'s wedding anniversary${person ? ` (${client.name})` : ""}` : owned("wedding anniversary"),
        milestone: known ? `${years} year${years === 1 ? "" : "s"} married.` : null,
        giftish: true
      };
    case "client-since":
      return {
        name: known ? `${client.name}'s ${ordinal(years)} anniversary as a client` : `${client.name}'s anniversary as a client`,
        milestone: null,
        giftish: false
      };
    case "custom":
      return { name: `${client.name}: ${date.label ?? "an important date"}`, milestone: null, giftish: false };
  }
}

// src/core/care/gifts.ts
var CURRENCY = "$";
var CHILD_RELATIONS = ["child", "son", "daughter", "kid"];
function isChild(member) {
  return CHILD_RELATIONS.includes(member.relation.toLowerCase());
}
function fill(template, like, child) {
  return template.replaceAll("{like}", like).replaceAll("{child}", child);
}
function givenRecently(idea, rendered, gifts) {
  return gifts.some((g) => {
    const d = g.description.toLowerCase();
    return d === rendered.toLowerCase() || idea.keywords.some((k) => k.length > 0 && d.includes(k.toLowerCase()));
  });
}
function suggestGifts(input) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const consider = (idea, like, child2, because) => {
    if (seen.has(idea.id) || idea.cost > input.budget) return;
    const rendered = fill(idea.idea, like, child2);
    if (givenRecently(idea, rendered, input.recentGifts)) return;
    seen.add(idea.id);
    out.push({ ideaId: idea.id, text: `${rendered} (about ${CURRENCY}${idea.cost})`, because });
  };
  const ordered = input.catalog;
  for (const like of input.likes) {
    const value = like.value.toLowerCase();
    for (const idea of ordered) {
      if (idea.for !== like.category) continue;
      if (idea.match && !idea.match.some((m) => value.includes(m.toLowerCase()))) continue;
      consider(idea, like.value, "", { like: like.value });
      if (seen.has(idea.id)) break;
    }
  }
  const child = input.family.find(isChild);
  if (child) {
    for (const idea of ordered.filter((i) => i.for === "children")) consider(idea, "", child.name, { child: child.name, relation: child.relation });
  }
  if (out.length === 0) {
    for (const idea of ordered.filter((i) => i.for === "any")) consider(idea, "", "", null);
  }
  return out.slice(0, input.limit ?? 2);
}
function ideaLine(firstName2, idea, index, closing) {
  const because = idea.because;
  if (because && "like" in because) {
    return index === 0 ? `${firstName2} loves ${because.like}: ${idea.text} ${closing}.` : `Or, since ${firstName2} loves ${because.like}: ${idea.text}.`;
  }
  if (because && "child" in because) return `${index === 0 ? "For" : "Or, for"} ${because.child} (their ${because.relation}): ${idea.text}.`;
  return `${index === 0 ? "Idea" : "Or"}: ${idea.text}.`;
}

// src/core/rules/personal-dates.rule.ts
var PERSONAL_DATES = "personal-dates";
function personalDates(catalog) {
  return (now, snapshot, policy) => {
    const ix = indexSnapshot(snapshot);
    const today = ix.today(now);
    const out = [];
    for (const date of snapshot.upcomingDates) {
      const client = ix.clients.get(date.clientId);
      if (!client || !isActive(client)) continue;
      const occ = nextOccurrence(date, today);
      const dayFrom = businessDayOnOrBefore(ix.cal, occ);
      const member = date.familyMemberId ? ix.family(client.id).find((f) => f.id === date.familyMemberId) : void 0;
      const occasion = describeOccasion(date, client, member, occ, ix.contacts(client.id)[0]);
      const triggeredAt = atLocalTime(occ, "00:00", ix.cal.timeZone);
      const base = { rule: PERSONAL_DATES, subject: date.id, client, triggeredAt };
      if (today >= dayFrom) {
        const when = whenAhead(today, occ);
        const action = when === "today" ? "send a note today" : "send your note today, before the weekend";
        out.push(
          makeNudge({
            ...base,
            occurrence: `${occ}:day`,
            group: "today",
            urgency: 70,
            title: `${occasion.name} is ${when}: ${action}.`,
            context: () => lines(occasion.milestone, date.kind !== "birthday" ? null : familyLine(ix, client.id), lastContactLine(ix, client.id, now))
          })
        );
        continue;
      }
      if (today < addDays(occ, -policy.dateLeadDays)) continue;
      const ideas = () => occasion.giftish ? suggestGifts({
        likes: date.kind === "child-birthday" ? [] : ix.likes(client.id),
        family: date.kind === "child-birthday" && member ? [member] : [],
        recentGifts: ix.gifts(client.id),
        budget: giftBudget(policy, client.tier),
        catalog
      }) : [];
      const first = callName(ix, client);
      const ask = occasion.giftish ? "time to order a gift" : "a good moment for a thank-you";
      out.push(
        makeNudge({
          ...base,
          occurrence: `${occ}:ahead`,
          group: "coming-up",
          urgency: 40 - daysBetween(today, occ),
          title: `${occasion.name} is ${whenAhead(today, occ)}: ${ask}.`,
          context: () => {
            const suggested = ideas();
            return lines(
              occasion.milestone,
              ...suggested.map((g, i) => ideaLine(first, g, i, "would land well")),
              occasion.giftish && suggested.length === 0 ? "No likes known yet: a handwritten card is never wrong." : null,
              occasion.giftish ? null : "A handwritten note on what working together has meant goes a long way.",
              lastContactLine(ix, client.id, now)
            );
          }
        })
      );
    }
    return out;
  };
}

// src/core/rules/referral-thanks.rule.ts
var REFERRAL_THANKS = "referral-thanks";
function referralThanks(catalog) {
  return (now, snapshot, policy) => {
    const ix = indexSnapshot(snapshot);
    const today = ix.today(now);
    return dueFollowUps(snapshot, ["referral-thanks"], now).flatMap((f) => {
      const client = ix.clients.get(f.clientId);
      if (!client || !isFollowedUp(client)) return [];
      const deadline = addDays(localDateOf(f.openedAt, ix.cal.timeZone), policy.thankReferralDays);
      const late = daysBetween(deadline, today);
      const idea = suggestGifts({
        likes: ix.likes(client.id),
        family: [],
        recentGifts: ix.gifts(client.id),
        budget: giftBudget(policy, client.tier),
        catalog,
        limit: 1
      })[0];
      const first = callName(ix, client);
      return [
        makeNudge({
          rule: REFERRAL_THANKS,
          subject: f.id,
          occurrence: f.openedAt.toISOString(),
          client,
          group: "today",
          urgency: late > 0 ? 90 : 75,
          title: late > 0 ? `Thank ${client.name} for the referral: it has waited ${late + policy.thankReferralDays} days.` : `Thank ${client.name} for the referral, ${whenAhead(today, deadline) === "today" ? "today" : `by ${whenAhead(today, deadline).replace(/^on /, "")}`}.`,
          context: () => lines(
            f.summary ? `Referral: ${quote(f.summary)}.` : null,
            idea ? ideaLine(first, idea, 0, "says thank you nicely") : null
          ),
          triggeredAt: f.openedAt,
          followUpId: f.id
        })
      ];
    });
  };
}

// src/core/rules/relationship-review.rule.ts
var RELATIONSHIP_REVIEW = "relationship-review";
var HOSTILE_MOODS = ["rude", "abusive"];
function relationshipReview(now, snapshot, policy) {
  const ix = indexSnapshot(snapshot);
  const zone = ix.cal.timeZone;
  const since = now.getTime() - policy.abuseWindowDays * 864e5;
  const hostile = /* @__PURE__ */ new Map();
  for (const i of snapshot.moodInteractions) {
    if (!i.mood || !HOSTILE_MOODS.includes(i.mood)) continue;
    if (i.occurredAt.getTime() < since || i.occurredAt > now) continue;
    hostile.set(i.clientId, [...hostile.get(i.clientId) ?? [], i]);
  }
  const out = [];
  for (const [clientId, list] of [...hostile].sort(([a], [b]) => a.localeCompare(b))) {
    const client = ix.clients.get(clientId);
    if (!client || !isActive(client) || list.length < policy.abuseCount) continue;
    const sorted = [...list].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || a.id.localeCompare(b.id));
    const latest = sorted[0];
    out.push(
      makeNudge({
        rule: RELATIONSHIP_REVIEW,
        subject: clientId,
        occurrence: latest.id,
        client,
        group: "attention",
        urgency: 50,
        title: `Review the relationship with ${client.name}: ${list.length} rude or abusive interactions in ${policy.abuseWindowDays} days.`,
        context: () => lines(
          ...sorted.slice(0, 3).map((i) => `${shortDate(localDateOf(i.occurredAt, zone))}, ${i.mood}: ${quote(i.summary, 60)}.`),
          "Talk it over with the team. Keeping or ending it is a person\u2019s decision, never the bot\u2019s."
        ),
        triggeredAt: latest.occurredAt
      })
    );
  }
  return out;
}

// src/core/rules/surprise.rule.ts
import { DateTime as DateTime7 } from "luxon";
var SURPRISE = "surprise";
function clientSinceOf(client, dates, zone) {
  let at = client.createdAt;
  let recorded = false;
  for (const d of dates) {
    if (d.clientId !== client.id || d.kind !== "client-since" || d.year === null) continue;
    const start = atLocalTime(occurrenceIn(d.month, d.day, d.year), "00:00", zone);
    if (start < at) [at, recorded] = [start, true];
  }
  return { at, recorded };
}
function surprise(catalog) {
  return (now, snapshot, policy) => {
    const ix = indexSnapshot(snapshot);
    const zone = ix.cal.timeZone;
    return snapshot.clients.filter(isActive).flatMap((client) => {
      const joined = clientSinceOf(client, snapshot.clientSince, zone);
      const since = client.lastGestureAt ?? joined.at;
      const days2 = localDaysBetween(since, now, zone);
      if (days2 < policy.surpriseAfterDays) return [];
      const likes = ix.likes(client.id);
      const first = callName(ix, client);
      const ideas = () => suggestGifts({ likes, family: ix.family(client.id), recentGifts: ix.gifts(client.id), budget: giftBudget(policy, client.tier), catalog });
      const gap = client.lastGestureAt ? `no gift or gesture in ${days2} days` : joined.recorded ? `a client since ${DateTime7.fromJSDate(joined.at, { zone }).setLocale("en-GB").toFormat("LLLL yyyy")}, and no gift or gesture on record` : `nothing given in the ${days2} days since they joined`;
      const base = {
        rule: SURPRISE,
        subject: client.id,
        occurrence: since.toISOString(),
        client,
        group: "attention",
        triggeredAt: atLocalTime(addDays(localDateOf(since, zone), policy.surpriseAfterDays), "00:00", zone)
      };
      if (likes.length === 0) {
        return [
          makeNudge({
            ...base,
            urgency: 15,
            title: `Find out what ${client.name} loves (${gap}).`,
            context: () => lines(
              "Next time you talk, ask about family, holidays, their team: then a surprise can be personal.",
              lastContactLine(ix, client.id, now)
            )
          })
        ];
      }
      return [
        makeNudge({
          ...base,
          urgency: 20,
          title: `Surprise ${client.name}: ${gap}.`,
          context: () => lines(
            ...ideas().map((g, i) => ideaLine(first, g, i, "would make their week")),
            lastContactLine(ix, client.id, now)
          )
        })
      ];
    });
  };
}

// src/core/rules/query.ts
var DAY_MS3 = 864e5;
function monthDay2(date) {
  return { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}
function careQuery(workspace, now, options = {}) {
  const p = workspace.policy;
  const zone = workspace.timeZone;
  const today = localDateOf(now, zone);
  let to = addDays(today, p.dateLeadDays);
  for (let ahead = p.dateLeadDays + 1; ahead <= 7; ahead++) {
    if (businessDayOnOrBefore(workspace, addDays(today, ahead)) <= today) to = addDays(today, ahead);
  }
  if (to.endsWith("-02-28") && !isLeapYear(Number(to.slice(0, 4)))) to = `${to.slice(0, 4)}-02-29`;
  const before = (days2) => atLocalTime(addDays(today, -(days2 - 1)), "00:00", zone);
  return {
    now,
    dateWindow: { from: monthDay2(today), to: monthDay2(to) },
    quietBefore: before(Math.min(p.keepInTouchTopDays, p.keepInTouchStandardDays, p.keepInTouchLightDays)),
    quietBeforeByTier: { top: before(p.keepInTouchTopDays), standard: before(p.keepInTouchStandardDays), light: before(p.keepInTouchLightDays) },
    gestureBefore: before(p.surpriseAfterDays),
    adviceBefore: before(p.adviceEveryDays),
    moodSince: new Date(now.getTime() - Math.max(p.abuseWindowDays, 90) * DAY_MS3),
    giftsSince: new Date(now.getTime() - 366 * DAY_MS3),
    outreachAtLeast: ONE_SIDED_OUTREACH,
    // Only what the rules act on: hostile moods, and outreach that got nothing back.
    moods: HOSTILE_MOODS,
    silentOnly: true,
    ...options.limit === void 0 ? {} : { limit: options.limit }
  };
}

// src/core/rules/index.ts
function careRules(catalog = DEFAULT_GIFT_CATALOG) {
  return [
    { name: SAME_DAY_REPLY, run: sameDayReply },
    { name: APOLOGY, run: apology },
    { name: COMPLAINT_UPDATE, run: complaintUpdate },
    { name: REFERRAL_THANKS, run: referralThanks(catalog) },
    { name: FOLLOW_UP, run: followUp },
    { name: PERSONAL_DATES, run: personalDates(catalog) },
    { name: RELATIONSHIP_REVIEW, run: relationshipReview },
    { name: ONE_SIDED, run: oneSided },
    { name: KEEP_IN_TOUCH, run: keepInTouch },
    { name: SURPRISE, run: surprise(catalog) },
    { name: ASK_ADVICE, run: askAdvice }
  ];
}
function isSilenced(id, acks, now) {
  return acks.some((a) => a.nudgeId === id && (a.action === "done" || a.until !== null && a.until > now));
}
function runRules(now, snapshot, policy, rules = careRules()) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const rule of rules) {
    for (const nudge of rule.run(now, snapshot, policy)) {
      if (seen.has(nudge.id) || isSilenced(nudge.id, snapshot.acks, now)) continue;
      seen.add(nudge.id);
      out.push(nudge);
    }
  }
  return out;
}

// src/core/use-cases/plan-digest.ts
async function dueNudges(store, now, catalog, options = {}) {
  const workspace = await store.getWorkspace();
  const snapshot = await store.careSnapshot(careQuery(workspace, now, options.digestOnly ? { limit: workspace.policy.digestMaxItems } : {}));
  const nudges = runRules(now, snapshot, workspace.policy, careRules(catalog));
  return { workspace, snapshot, nudges, unlisted: snapshot.unlisted ?? 0 };
}
async function planDigest(input) {
  const { workspace, nudges, unlisted } = await dueNudges(input.store, input.now, input.catalog, { digestOnly: true });
  return buildDigest({
    workspaceId: workspace.id,
    timeZone: workspace.timeZone,
    now: input.now,
    kind: input.kind,
    nudges,
    maxItems: workspace.policy.digestMaxItems,
    notices: input.notices ?? [],
    // Families cut at the limit are all morning material (dates, keeping in touch, gifts, advice).
    unlisted: input.kind === "morning" ? unlisted : 0
  });
}

// src/core/use-cases/tell-owners-blocked.ts
function blockedDeliveryText(workspace, reason) {
  const channel = workspace.digestChannel ? `<#${workspace.digestChannel}>` : "the digest channel";
  return [
    `Rapport could not post today's client digest for ${workspace.name} to ${channel} (${reason}), so digests are paused rather than retried forever.`,
    `To fix it, invite Rapport to the channel (/invite @Rapport) or choose another with /client settings channel #name; digests resume on the next slot.`
  ].join(" ");
}
async function tellOwnersDeliveryBlocked(input) {
  const ws = input.store.workspace(input.workspace.id);
  const clients = await ws.listClients({ status: "active" });
  const ownerIds = [...new Set(clients.flatMap((c) => c.ownerId ? [c.ownerId] : []))];
  const owners = await ws.getMembers(ownerIds);
  if (owners.length === 0) return 0;
  return input.notifier.notifyMembers({
    workspaceExternalId: input.workspace.externalId,
    platformUserIds: owners.map((o) => o.platformUserId).sort(),
    text: blockedDeliveryText(input.workspace, input.reason)
  });
}

// src/adapters/scheduler/coordinator.ts
var singleProcess = {
  async tryAcquire() {
    return { release: async () => void 0 };
  },
  async close() {
  }
};

// src/adapters/scheduler/retry.ts
var DEFAULT_BACKOFF = { baseMs: 1e3, maxMs: 6e4, attemptsPerTick: 6 };
function backoffDelay(attempt, random, policy, retryAfterMs) {
  const bound = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  const jittered = Math.floor(random() * bound);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, policy.maxMs * 5));
}

// src/adapters/scheduler/deliver-slot.ts
function deliveryKey(slot) {
  return `rapport:${slot.kind}:${slot.localDate}:${slot.workspaceId}:${slot.channel}`;
}
async function deliverSlot(deps, workspace, channel, slot) {
  const key = { workspaceId: workspace.id, channel, kind: slot.kind, localDate: slot.localDate };
  const fields = { workspaceId: workspace.id, channel, kind: slot.kind, localDate: slot.localDate, status: slot.status };
  if (slot.status === "missed") {
    const recorded = await deps.ledger.recordSkipped(key, { now: deps.clock.now(), leaseMs: deps.leaseMs });
    if (recorded) deps.logger.warn(fields, "digest skipped: its grace window passed while it could not be posted");
    return recorded ? "skipped" : "done-before";
  }
  const claim = await deps.ledger.claim(key, {
    instanceId: deps.instanceId,
    now: deps.clock.now(),
    late: slot.status === "late",
    leaseMs: deps.leaseMs,
    inFlight: (id) => deps.inFlight.has(id)
  });
  if (claim.outcome === "done") return "done-before";
  if (claim.outcome === "busy") {
    deps.logger.debug({ ...fields, claimedBy: claim.claimedBy }, "digest claimed by another process");
    return "busy";
  }
  deps.inFlight.add(claim.id);
  try {
    const missed = await deps.ledger.unreportedMisses(workspace.id, channel);
    const digest = await digestForSlot(deps.planDigest, {
      store: deps.store.workspace(workspace.id),
      workspace,
      slot,
      missed,
      now: deps.clock.now()
    });
    const ref = deliveryKey(key);
    const channelKey = `${workspace.id}:${channel}`;
    if (claim.resumed) deps.logger.info({ ...fields, attempts: claim.attempts }, "resuming a digest whose earlier attempt has no recorded outcome");
    for (let attempt = 0; ; attempt++) {
      await deps.pacer.wait(channelKey);
      const result = await publishSafely(deps.publisher, { workspaceExternalId: workspace.externalId, channel, digest, deliveryKey: ref });
      switch (result.status) {
        case "posted":
        case "already-posted":
          await deps.ledger.markPosted(claim.id, { messageRef: result.messageRef, now: deps.clock.now(), instanceId: deps.instanceId });
          await deps.ledger.markReported(
            missed.map((m) => m.id),
            ref
          );
          deps.logger.info({ ...fields, messageRef: result.messageRef }, result.status === "posted" ? "digest posted" : "digest was already posted");
          return result.status;
        case "gone": {
          await deps.ledger.markFailed(claim.id, { reason: result.reason });
          const first = await deps.block(workspace, result.reason);
          if (first) deps.logger.warn({ ...fields, reason: result.reason }, "digest delivery blocked: the channel or token is gone; an owner must fix it");
          return "gone";
        }
        case "retryable": {
          if (attempt + 1 >= deps.backoff.attemptsPerTick) {
            await deps.ledger.release(claim.id, { instanceId: deps.instanceId, reason: result.reason });
            deps.logger.warn({ ...fields, reason: result.reason, attempt }, "digest deferred to a later tick after retryable errors");
            return "deferred";
          }
          const delay = backoffDelay(attempt, deps.random, deps.backoff, result.retryAfterMs);
          deps.logger.debug({ ...fields, reason: result.reason, attempt, delay }, "digest post will be retried");
          await deps.sleep(delay);
        }
      }
    }
  } finally {
    deps.inFlight.delete(claim.id);
  }
}
async function publishSafely(publisher, input) {
  try {
    return await publisher.publish(input);
  } catch (error) {
    return { status: "retryable", reason: error instanceof Error ? error.message : String(error) };
  }
}

// src/adapters/scheduler/pacer.ts
function createPacer(input) {
  const spacing = input.spacingMs ?? 1e3;
  const nextFree = /* @__PURE__ */ new Map();
  return {
    async wait(channelKey) {
      const now = input.clock.now().getTime();
      const slot = Math.max(now, nextFree.get(channelKey) ?? now);
      nextFree.set(channelKey, slot + spacing);
      if (slot > now) await input.sleep(slot - now);
    }
  };
}

// src/adapters/scheduler/scheduler.ts
function settledKey(workspaceId, channel) {
  return `${workspaceId}\0${channel}`;
}
var DEFAULT_LEASE_MS = 15 * 6e4;
var LOOKBACK_DAYS = 9;
var NONE = /* @__PURE__ */ new Set();
function createScheduler(deps) {
  const graceMinutes = deps.graceMinutes ?? DEFAULT_GRACE_MINUTES;
  const coordinator = deps.coordinator ?? singleProcess;
  const ledger = deps.ledger;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const slotDeps = {
    store: deps.store,
    ledger,
    planDigest: deps.planDigest ?? planDigest,
    clock: deps.clock,
    logger: deps.logger,
    random: deps.random,
    sleep: deps.sleep,
    pacer: createPacer({ clock: deps.clock, sleep: deps.sleep }),
    backoff: deps.backoff ?? DEFAULT_BACKOFF,
    instanceId: deps.instanceId,
    leaseMs,
    inFlight: /* @__PURE__ */ new Set()
  };
  async function block(workspace, outlet, reason) {
    if (!await deps.lifecycle.blockDelivery(workspace.id, reason, deps.clock.now())) return false;
    try {
      const told = outlet.notifier ? await tellOwnersDeliveryBlocked({ store: deps.store, notifier: outlet.notifier, workspace, reason }) : 0;
      deps.logger.warn({ workspaceId: workspace.id, platform: workspace.platform, reason, ownersTold: told }, "digest delivery is blocked until an owner fixes the channel or reinstalls the app");
    } catch (error) {
      deps.logger.error({ workspaceId: workspace.id, err: error }, "telling an owner about blocked delivery failed");
    }
    return true;
  }
  const unreachable = /* @__PURE__ */ new Set();
  function outletFor(workspace) {
    const outlet = deps.platforms.get(workspace.platform);
    if (outlet) return outlet;
    if (!unreachable.has(workspace.id)) {
      unreachable.add(workspace.id);
      deps.logger.warn({ workspaceId: workspace.id, platform: workspace.platform }, "workspace skipped: no publisher for its platform in this process");
    }
    return null;
  }
  const servedSinceCache = /* @__PURE__ */ new Map();
  async function servedSince(workspaceId) {
    const cached = servedSinceCache.get(workspaceId);
    if (cached !== void 0) return cached;
    const first = await ledger.servedSince(workspaceId);
    if (first !== null) servedSinceCache.set(workspaceId, first);
    return first;
  }
  async function runWorkspace(workspace, blocked, settled, now) {
    const channel = workspace.digestChannel;
    const out = [];
    if (channel === null) return out;
    const outlet = outletFor(workspace);
    if (outlet === null) return out;
    const slotDepsHere = { ...slotDeps, publisher: outlet.publisher, block: (ws, reason) => block(ws, outlet, reason) };
    const input = { workspace, blockedReason: blocked, now, graceMinutes, settled };
    let slots = workspaceSlots({ ...input, servedSince: "" });
    if (slots.some((s) => s.status === "missed")) slots = workspaceSlots({ ...input, servedSince: await servedSince(workspace.id) });
    for (const slot of slots) {
      let outcome;
      try {
        outcome = await deliverSlot(slotDepsHere, workspace, channel, slot);
      } catch (error) {
        deps.logger.error({ workspaceId: workspace.id, kind: slot.kind, localDate: slot.localDate, err: error }, "digest delivery failed; a later tick retries");
        outcome = "error";
      }
      out.push({ workspaceId: workspace.id, kind: slot.kind, localDate: slot.localDate, outcome });
      if (outcome === "gone") break;
    }
    return out;
  }
  async function settledByChannel(since) {
    const out = /* @__PURE__ */ new Map();
    for (const r of await ledger.settledSince(since)) {
      const key = settledKey(r.workspaceId, r.channel);
      const set = out.get(key) ?? /* @__PURE__ */ new Set();
      set.add(slotId(r.kind, r.localDate));
      out.set(key, set);
    }
    return out;
  }
  async function runTick(now = deps.clock.now()) {
    const lease = await coordinator.tryAcquire();
    if (!lease) {
      deps.logger.debug({ instanceId: deps.instanceId }, "tick skipped: another process is elected");
      return { elected: false, outcomes: [] };
    }
    try {
      const since = addDays(localDateOf(now, "UTC"), -LOOKBACK_DAYS);
      const [workspaces, blocked, settled] = await Promise.all([deps.store.listWorkspaces(), deps.lifecycle.undeliverable(), settledByChannel(since)]);
      const queue = [...workspaces];
      const outcomes = [];
      const worker = async () => {
        for (let ws = queue.shift(); ws; ws = queue.shift()) {
          try {
            const done = settled.get(settledKey(ws.id, ws.digestChannel ?? "")) ?? NONE;
            outcomes.push(...await runWorkspace(ws, blocked.get(ws.id) ?? null, done, now));
          } catch (error) {
            deps.logger.error({ workspaceId: ws.id, err: error }, "workspace tick failed; other workspaces go on");
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 8) }, worker));
      return { elected: true, outcomes };
    } finally {
      await lease.release();
    }
  }
  let task = null;
  let running = Promise.resolve();
  return {
    runTick,
    start() {
      if (task) return;
      task = cron.schedule(
        deps.cronExpression ?? "* * * * *",
        () => {
          running = runTick(deps.clock.now()).catch((error) => deps.logger.error({ err: error }, "tick failed"));
          return running;
        },
        { name: "rapport-digests", noOverlap: true }
      );
    },
    async stop() {
      const t = task;
      task = null;
      if (t) await t.destroy();
      await running;
      await coordinator.close();
    }
  };
}

// src/core/commands/command.ts
var defineCommand = (definition) => definition;
function reply(text, options = {}) {
  return { ok: true, text, visibility: options.visibility ?? "private", ...options.sections ? { sections: options.sections } : {}, ...options.attachment ? { attachment: options.attachment } : {}, ...options.suggestions ? { suggestions: options.suggestions } : {} };
}
var mention2 = (member) => `<@${member.platformUserId}>`;

// src/core/commands/owner.ts
async function resolveMember(env, ref) {
  if (ref === void 0 || ref.by === "self") return env.actor;
  if (ref.by === "id") return await env.store.findMember(ref.id) ?? await env.store.ensureMember(ref.id, ref.name ?? ref.id);
  const known = await env.store.findMember(ref.name) ?? await env.store.findMember(ref.name.toLowerCase());
  if (known) return known;
  if (env.mentionsByName) return env.store.ensureMember(ref.name.toLowerCase(), ref.name);
  return refuse("owner.unknown", `I don't know "@${ref.name}" yet. Mention them (@name) so the platform sends their id, or use owner:me.`);
}

// src/core/commands/tokenize.ts
var MAX_LINE_LENGTH = 4e3;
var QUOTES = { '"': '"', "'": "'", "\u201C": "\u201D", "\u2018": "\u2019", "\xAB": "\xBB", "\u201E": "\u201C" };
function tokenize(line) {
  if (line.length > MAX_LINE_LENGTH) {
    return fail("input.too-long", `That line is ${line.length} characters; the most I take is ${MAX_LINE_LENGTH}.`);
  }
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(line)) {
    return fail("input.control-characters", "That line contains control characters; please type it again as plain text.");
  }
  const tokens = [];
  let i = 0;
  while (i < line.length) {
    if (/\s/.test(line[i])) {
      i++;
      continue;
    }
    const start = i;
    let text = "";
    let quoted = false;
    while (i < line.length && !/\s/.test(line[i])) {
      const ch = line[i];
      const close = QUOTES[ch];
      const opensHere = i === start || /^[a-z-]+:$/i.test(text) && line[i - 1] === ":";
      const end = close !== void 0 && opensHere ? closingQuote(line, i + 1, close) : -1;
      if (end >= 0) {
        text += line.slice(i + 1, end);
        quoted = true;
        i = end + 1;
        continue;
      }
      text += ch;
      i++;
    }
    tokens.push({ text, quoted, start, end: i });
  }
  return succeed(tokens);
}
function closingQuote(line, from, close) {
  for (let j = line.indexOf(close, from); j >= 0; j = line.indexOf(close, j + 1)) {
    const next = line[j + 1];
    if (next === void 0 || /\s/.test(next)) return j;
  }
  return -1;
}
function sourceText(line, tokens) {
  if (tokens.length === 1 && tokens[0].quoted && isWhollyQuoted(line, tokens[0])) return tokens[0].text;
  const runs = [];
  let runStart = -1;
  let runEnd = -1;
  for (const t of tokens) {
    if (runStart >= 0 && line.slice(runEnd, t.start).trim() === "") {
      runEnd = t.end;
      continue;
    }
    if (runStart >= 0) runs.push(line.slice(runStart, runEnd));
    runStart = t.start;
    runEnd = t.end;
  }
  if (runStart >= 0) runs.push(line.slice(runStart, runEnd));
  return runs.join(" ");
}
function isWhollyQuoted(line, token) {
  const first = line[token.start];
  return QUOTES[first] !== void 0 && QUOTES[first] === line[token.end - 1] && token.end - token.start === token.text.length + 2;
}
function quoteIfNeeded(word) {
  return /[\s"]/.test(word) || /^['‘“«]/.test(word) || word === "" ? `"${word.replace(/"/g, "'")}"` : word;
}

// src/core/commands/add.command.ts
var addCommand = defineCommand({
  name: "add",
  summary: "Add a client. You own it unless you name another owner.",
  examples: ['/client add "Acme Corp" tier:top alias:acme', "/client add Globex owner:@sam"],
  args: defineArgs({
    name: arg.name("client", { label: "Name" }).required(),
    tier: arg.choice("tier", TIERS, { label: "Tier" }).optional(),
    owner: arg.member({ label: "Owner" }).optional(),
    alias: arg.names("alias", { label: "Short name", placeholder: "short name" }).optional(),
    member: arg.member({ label: "Community member" }).optional()
  }),
  async execute(args, env) {
    const aliases = args.alias ?? [];
    const owner = await resolveMember(env, args.owner);
    const taken = await env.store.clientsNamed([args.name, ...aliases]);
    for (const candidate of [args.name, ...aliases]) {
      if (taken.some((c) => [c.name, ...c.aliases].some((n) => normalizeName(n) === normalizeName(candidate)))) {
        refuse("client.exists", `"${candidate}" is already a client's name or alias. See /client show ${quoteIfNeeded(candidate)}`);
      }
    }
    const member = args.member === void 0 ? null : args.member.by === "self" ? env.actor.platformUserId : args.member.by === "id" ? args.member.id : args.member.name;
    const client = await env.store.createClient({
      name: args.name,
      normalizedName: normalizeName(args.name),
      aliases: aliases.map((alias) => ({ alias, normalized: normalizeName(alias) })),
      ownerId: owner.id,
      tier: args.tier ?? "standard",
      status: "active",
      platformUserId: member,
      createdAt: env.now
    });
    const aka = aliases.length > 0 ? ` (also "${aliases.join('", "')}")` : "";
    return reply(`Added ${client.name}${aka}, ${client.tier} tier, owned by ${owner.displayName}. Next: /client log ${quoteIfNeeded(aliases[0] ?? args.name)} call <what you talked about>`);
  }
});

// src/core/commands/resolve-client.ts
async function resolveClient(env, ref) {
  if (ref.by === "id") {
    const client = await env.store.getClient(ref.id);
    return client === null ? fail("client.unknown", "That client no longer exists.") : succeed(client);
  }
  const typed = ref.name;
  const exact = await env.store.clientsNamed([typed]);
  const match = exact.length === 1 ? { kind: "found", client: exact[0] } : matchClient(typed, await env.store.clientDirectory());
  const retry = (name) => env.suggestLine?.(quoteIfNeeded(name));
  const lines2 = (names) => names.map(retry).filter((l) => l !== void 0);
  if (match.kind === "found") {
    const client = await env.store.getClient(match.client.id);
    return client === null ? fail("client.unknown", "That client was just removed.") : succeed(client);
  }
  if (match.kind === "ambiguous") {
    const names = match.candidates.map((c) => c.name);
    return fail("client.ambiguous", `"${typed}" matches ${names.length} clients: ${names.join(", ")}. Type more of the name.`, lines2(names));
  }
  if (match.nearMisses.length > 0) {
    const names = match.nearMisses.map((c) => c.name);
    return fail("client.unknown", `No client called "${typed}". Did you mean ${names.map((n) => `"${n}"`).join(" or ")}?`, lines2(names));
  }
  return fail("client.unknown", `No client called "${typed}". Add it first: /client add ${quoteIfNeeded(typed)}`, [`/client add ${quoteIfNeeded(typed)}`]);
}

// src/core/commands/contact.command.ts
var contactCommand = defineCommand({
  name: "contact",
  summary: "Add a person you deal with at a client, with their role, email addresses and phone; name one already known to correct them.",
  details: ["Naming a contact who is already on file changes what you give (role:, phone:, more email:, or rename: to correct the name) instead of adding them twice.", "To remove one: /client remove <client> contact <name>."],
  examples: ['/client contact acme "Jane Doe" role:CFO email:jane@acme.example phone:"+1 555 0100"', '/client contact acme "Jane Doe" role:CEO', '/client contact acme "Jane Doe" rename:"Jane Smith"'],
  args: defineArgs({
    client: arg.client().required(),
    name: arg.name("contact", { label: "Name" }).required(),
    role: arg.text("a role", { label: "Role", placement: "option", max: 120 }).optional(),
    email: arg.emails({ label: "Email", placeholder: "address" }).optional(),
    phone: arg.phone({ label: "Phone", placeholder: "number" }).optional(),
    rename: arg.name("contact", { label: "Correct name", placement: "option", placeholder: "new name" }).optional()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const emails = args.email ?? [];
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    const existing = profile?.contacts.find((c) => normalizeName(c.name) === normalizeName(args.name));
    for (const email of emails) {
      const holder = await env.store.findContactByEmail(email);
      if (holder && holder.id !== existing?.id) refuse("email.taken", `${email} already belongs to ${holder.name}.`);
    }
    if (existing === void 0) {
      if (args.rename !== void 0) refuse("contact.unknown", `${client.name} has no contact called "${args.name}" to rename.`);
      const contact = await env.store.addContact({ clientId: client.id, name: args.name, role: args.role ?? null, phone: args.phone ?? null, emails });
      return reply(`Added ${contact.name}${contact.role ? ` (${contact.role})` : ""} at ${client.name}.`);
    }
    const patch = {};
    const changes = [];
    if (args.rename !== void 0 && args.rename !== existing.name) {
      if (profile?.contacts.some((c) => c.id !== existing.id && normalizeName(c.name) === normalizeName(args.rename))) refuse("contact.exists", `${client.name} already has a contact called ${args.rename}.`);
      patch.name = args.rename;
      changes.push(`name ${args.rename}`);
    }
    if (args.role !== void 0 && args.role !== existing.role) {
      patch.role = args.role;
      changes.push(`role ${args.role}`);
    }
    if (args.phone !== void 0 && args.phone !== existing.phone) {
      patch.phone = args.phone;
      changes.push(`phone ${args.phone}`);
    }
    const newEmails = emails.filter((e) => !existing.emails.includes(e));
    if (newEmails.length > 0) {
      patch.addEmails = newEmails;
      changes.push(`email ${newEmails.join(", ")}`);
    }
    if (changes.length === 0) return reply(`${existing.name} is already known at ${client.name}; nothing new to add.`);
    await env.store.updateContact(existing.id, patch);
    return reply(`Updated ${existing.name} at ${client.name}: ${changes.join(", ")}.`);
  }
});

// src/core/commands/format.ts
import { DateTime as DateTime8 } from "luxon";
function formatMoment(at, timeZone) {
  return DateTime8.fromJSDate(at, { zone: timeZone }).toFormat("ccc d LLL yyyy, HH:mm");
}
function formatCalendarDate(date) {
  const text = DateTime8.fromObject({ year: date.year ?? 2028, month: date.month, day: date.day }).toFormat("d LLLL");
  return date.year === null ? text : `${text} ${date.year}`;
}

// src/core/commands/save-date.ts
var CHILDREN = /* @__PURE__ */ new Set(["child", "daughter", "son", "kid", "stepdaughter", "stepson"]);
var birthdayKind = (relation) => CHILDREN.has(relation) ? "child-birthday" : "birthday";
var LIVED = ["birthday", "child-birthday", "wedding-anniversary", "client-since"];
async function saveDate(env, profile, input) {
  const { date, kind } = input;
  if (LIVED.includes(kind) && isAfterToday(date, env.now, env.workspace.timeZone)) {
    return fail("date.in-future", `A ${kind.replace(/-/g, " ")} in ${date.year} has not happened yet; give the date it happened.`);
  }
  const same = (profile?.dates ?? []).find(
    (d) => d.kind === kind && d.familyMemberId === input.familyMemberId && (kind !== "custom" || (d.label ?? "").toLowerCase() === (input.label ?? "").toLowerCase())
  );
  if (same === void 0) {
    await env.store.addDate({ clientId: input.clientId, familyMemberId: input.familyMemberId, kind, label: input.label, month: date.month, day: date.day, year: date.year });
    return succeed("added");
  }
  if (same.month === date.month && same.day === date.day && (date.year === null || same.year === date.year)) return succeed("unchanged");
  await env.store.updateDate(same.id, { month: date.month, day: date.day, year: date.year ?? same.year });
  return succeed("corrected");
}

// src/core/commands/date.command.ts
var KIND_SYNONYMS = { anniversary: "wedding-anniversary", wedding: "wedding-anniversary", since: "client-since" };
var dateCommand = defineCommand({
  name: "date",
  summary: "Remember a date that matters to a client: birthdays, anniversaries, when they became a client. The year may be left out.",
  details: ["Giving the same kind of date again for the same person corrects it. Dates that have already happened (birthdays, anniversaries, client-since) cannot be in the future. To remove one: /client remove <client> date <kind>."],
  examples: [
    '/client date acme birthday "March 14"',
    "/client date acme anniversary 2015-06-20",
    '/client date acme child-birthday "May 2" for:Lily',
    "/client date acme client-since 2019-01-15",
    '/client date acme custom "Oct 1" label:"Founding day"'
  ],
  args: defineArgs({
    client: arg.client().required(),
    kind: arg.choice("kind of date", DATE_KINDS, { label: "Which date", placement: "positional", synonyms: KIND_SYNONYMS }).required(),
    date: arg.yearly({ label: "Date", placement: "rest" }).required(),
    for: arg.name("family member", { label: "For", placement: "option", placeholder: "family member" }).optional(),
    label: arg.text("a label", { label: "Label", placement: "option", max: 120 }).optional()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const kind = args.kind;
    if (kind === "custom" && args.label === void 0) refuse("date.label-missing", 'A custom date needs a label, e.g. label:"Founding day".');
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    let familyMember = null;
    if (args.for !== void 0) {
      const key = normalizeName(args.for);
      const matches = (profile?.family ?? []).filter((f) => normalizeName(f.name) === key || normalizeName(f.name).split(" ")[0] === key);
      if (matches.length !== 1) {
        refuse("family.unknown", `${client.name} has no family member called "${args.for}" on file. Add them: /client family ${quoteIfNeeded(client.name)} <relation> ${args.for}`);
      }
      familyMember = matches[0];
    }
    if (kind === "child-birthday" && familyMember === null) refuse("date.child-missing", "Whose birthday? Add for:<child's name>.");
    const label = kind === "custom" ? args.label ?? null : null;
    const saved = must(await saveDate(env, profile, { clientId: client.id, familyMemberId: familyMember?.id ?? null, kind, label, date: args.date }));
    const whose = familyMember ? ` (${familyMember.name})` : "";
    const what = `${label ?? kind.replace(/-/g, " ")}${whose}`;
    if (saved === "unchanged") return reply(`Already known: ${what} for ${client.name} is ${formatCalendarDate(args.date)}.`);
    const verb = saved === "corrected" ? "Corrected" : "Saved";
    return reply(`${verb} ${what} for ${client.name}: ${formatCalendarDate(args.date)}. I'll give you a heads-up ${env.workspace.policy.dateLeadDays} days ahead and on the day.`);
  }
});

// src/core/use-cases/act-on-nudge.ts
import { DateTime as DateTime9 } from "luxon";

// src/core/use-cases/command-env.ts
async function runInCommandEnv(deps, ctx, body, usage) {
  try {
    return await deps.store.workspace(ctx.workspace.id).transaction(async (store) => {
      const actor = await store.ensureMember(ctx.actor.platformUserId, ctx.actor.displayName);
      return body({
        store,
        workspace: ctx.workspace,
        actor,
        now: ctx.now,
        logger: deps.logger,
        giftCatalog: deps.giftCatalog ?? DEFAULT_GIFT_CATALOG,
        via: ctx.via ?? "command",
        mentionsByName: ctx.mentionsByName ?? false,
        ...ctx.channel ? { channel: ctx.channel } : {}
      });
    });
  } catch (error) {
    if (error instanceof CommandFailure) return errorReply(error.failure, usage);
    deps.logger.error({ err: error, workspaceId: ctx.workspace.id }, "command failed");
    return { ok: false, code: "internal", text: "Something went wrong on our side and nothing was saved. Please try again in a moment.", visibility: "private" };
  }
}
function errorReply(failure, usage) {
  return {
    ok: false,
    code: failure.code,
    text: failure.message,
    visibility: "private",
    ...failure.field ? { field: failure.field } : {},
    ...usage ? { sections: [{ title: "Usage", lines: [usage] }] } : {},
    ...failure.suggestions ? { suggestions: failure.suggestions } : {}
  };
}

// src/core/use-cases/act-on-nudge.ts
function actOnNudge(deps, ctx, action) {
  return runInCommandEnv(deps, ctx, (env) => applyNudgeAction(env, action));
}
async function applyNudgeAction(env, action) {
  const { store, now, actor, workspace } = env;
  const find = async (digestOnly) => (await dueNudges(store, now, env.giftCatalog, { digestOnly })).nudges.find((n) => n.id === action.nudgeId);
  const nudge = await find(true) ?? await find(false);
  if (nudge === void 0) {
    const [ack] = await store.getNudgeAcks([action.nudgeId]);
    if (ack?.action === "done") return reply("That one is already done.");
    if (ack?.action === "snoozed") return reply("That one is already snoozed.");
    refuse("nudge.unknown", `Nothing due has the id ${action.nudgeId}. /client due all lists what is due.`);
  }
  const due = nudge;
  if (action.action === "done") {
    await store.saveNudgeAck({ nudgeId: due.id, action: "done", until: null, actorId: actor.id, at: now });
    if (due.followUpId) await store.updateFollowUp(due.followUpId, { state: "done", closedAt: now, closedById: actor.id });
    return reply(`Done: ${due.title} (by ${actor.displayName})`, { visibility: "channel" });
  }
  const local = DateTime9.fromJSDate(now, { zone: workspace.timeZone }).startOf("day");
  const until = action.span === "1d" ? local.plus({ days: 1 }).toJSDate() : action.span === "1w" ? local.plus({ weeks: 1 }).toJSDate() : action.span.until;
  await store.saveNudgeAck({ nudgeId: due.id, action: "snoozed", until, actorId: actor.id, at: now });
  if (due.followUpId) await store.updateFollowUp(due.followUpId, { state: "snoozed", snoozedUntil: until });
  const untilText = DateTime9.fromJSDate(until, { zone: workspace.timeZone }).toFormat("ccc d LLL");
  return reply(`Snoozed until ${untilText}: ${due.title} (by ${actor.displayName})`, { visibility: "channel" });
}

// src/core/commands/done.command.ts
var nudgeId2 = () => arg.word("a nudge id", /^\[?n-[a-z0-9]{4,16}\]?$/, "n-3k9x2a (as shown in the digest or /client due)", { label: "Nudge", placeholder: "nudge id", lower: true });
var bare = (id) => id.replace(/^\[|\]$/g, "");
var doneCommand = defineCommand({
  name: "done",
  summary: "Mark a nudge done; it stays quiet until its next trigger.",
  examples: ["/client done n-3k9x2a"],
  args: defineArgs({ nudge: nudgeId2().required() }),
  async execute(args, env) {
    return applyNudgeAction(env, { nudgeId: bare(args.nudge), action: "done" });
  }
});
var snoozeCommand = defineCommand({
  name: "snooze",
  summary: "Put a nudge off for a day, a week, or until a date.",
  examples: ["/client snooze n-3k9x2a 1d", "/client snooze n-3k9x2a 1w", '/client snooze n-3k9x2a "next monday"'],
  args: defineArgs({
    nudge: nudgeId2().required(),
    until: arg.duration({ label: "For how long", placeholder: "1d|1w|date" }).required()
  }),
  async execute(args, env) {
    return applyNudgeAction(env, { nudgeId: bare(args.nudge), action: "snooze", span: { until: args.until } });
  }
});

// src/core/commands/edit.command.ts
var editCommand = defineCommand({
  name: "edit",
  summary: "Change a client's name, owner, tier or status, or give it another alias.",
  examples: ["/client edit acme owner:@sam", '/client edit acme tier:top alias:"acme co"', "/client edit initech status:former"],
  args: defineArgs({
    client: arg.client().required(),
    name: arg.name("client", { label: "New name", placement: "option", placeholder: "new name" }).optional(),
    owner: arg.member({ label: "Owner" }).optional(),
    tier: arg.choice("tier", TIERS, { label: "Tier" }).optional(),
    status: arg.choice("status", CLIENT_STATUSES, { label: "Status" }).optional(),
    alias: arg.names("alias", { label: "Short name", placeholder: "short name" }).optional()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const aliases = args.alias ?? [];
    if (args.name === void 0 && args.owner === void 0 && args.tier === void 0 && args.status === void 0 && aliases.length === 0) {
      refuse("edit.nothing", "Say what to change, e.g. owner:@sam or tier:top.");
    }
    const patch = {};
    const changes = [];
    const holders = await env.store.clientsNamed([...args.name ? [args.name] : [], ...aliases]);
    const holderOf = (name) => holders.find((c) => [c.name, ...c.aliases].some((n) => normalizeName(n) === normalizeName(name)));
    if (args.name !== void 0) {
      const holder = holderOf(args.name);
      if (holder !== void 0 && holder.id !== client.id) refuse("client.exists", `"${args.name}" is already another client's name or alias.`);
      Object.assign(patch, { name: args.name, normalizedName: normalizeName(args.name) });
      changes.push(`renamed to ${args.name}`);
    }
    if (args.owner !== void 0) {
      const owner = await resolveMember(env, args.owner);
      patch.ownerId = owner.id;
      changes.push(`owner ${mention2(owner)}`);
    }
    if (args.tier !== void 0) {
      patch.tier = args.tier;
      changes.push(`${args.tier} tier`);
    }
    if (args.status !== void 0) {
      patch.status = args.status;
      changes.push(args.status);
    }
    for (const alias of aliases) {
      if (holderOf(alias) !== void 0) refuse("client.exists", `"${alias}" is already a client's name or alias.`);
    }
    if (aliases.length > 0) {
      patch.addAliases = aliases.map((alias) => ({ alias, normalized: normalizeName(alias) }));
      changes.push(`also called "${aliases.join('", "')}"`);
    }
    await env.store.updateClient(client.id, patch);
    return reply(`Updated ${client.name}: ${changes.join(", ")}.`);
  }
});

// src/core/use-cases/due.ts
async function listDue(input) {
  const { nudges } = await dueNudges(input.store, input.now, input.catalog);
  const mine = input.ownerId ? nudges.filter((n) => n.ownerId === input.ownerId) : nudges;
  return mine.sort(compareNudges);
}

// src/core/commands/due.command.ts
var dueCommand = defineCommand({
  name: "due",
  summary: "What needs doing now: your clients' nudges, or the whole team's with all.",
  examples: ["/client due", "/client due all"],
  args: defineArgs({ scope: arg.choice("scope", ["mine", "all"], { label: "Whose", placement: "positional" }).optional() }),
  async execute(args, env) {
    const all = args.scope === "all";
    const nudges = await listDue({ store: env.store, now: env.now, ownerId: all ? null : env.actor.id, catalog: env.giftCatalog });
    if (nudges.length === 0) return reply(all ? "Nothing is due for the team. Good work." : "Nothing is due for your clients. /client due all shows the team.");
    return reply(`${nudges.length} thing${nudges.length === 1 ? "" : "s"} to do${all ? " for the team" : ""}:`, { sections: [{ lines: nudges.map(nudgeLine) }] });
  }
});
var nudgeLine = (n) => [`[${n.id}] ${n.title}`, ...n.context.map((c) => `    ${c}`)].join("\n");

// src/core/commands/export.command.ts
var EXPORT_FORMAT = "rapport.export.v1";
var exportCommand = defineCommand({
  name: "export",
  summary: "Everything Rapport holds about one client (or the whole workspace), as JSON.",
  examples: ["/client export acme", "/client export"],
  args: defineArgs({ client: arg.client().optional() }),
  async execute(args, env) {
    let profiles;
    let scope;
    if (args.client !== void 0) {
      const client = must(await resolveClient(env, args.client));
      const profile = await env.store.getProfile(client.id);
      profiles = profile ? [profile] : [];
      scope = client.name;
    } else {
      profiles = await env.store.getProfiles();
      scope = env.workspace.name;
    }
    const document = {
      format: EXPORT_FORMAT,
      exportedAt: env.now.toISOString(),
      workspace: { name: env.workspace.name, platform: env.workspace.platform, timeZone: env.workspace.timeZone },
      clients: profiles
    };
    const slug = scope.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "export";
    return reply(`Export of ${scope}: ${profiles.length} client${profiles.length === 1 ? "" : "s"}.`, {
      attachment: { filename: `rapport-${slug}.json`, mimeType: "application/json", content: JSON.stringify(document, null, 2) }
    });
  }
});

// src/core/commands/family.command.ts
var familyCommand = defineCommand({
  name: "family",
  summary: "Remember someone in a client's family: spouse, partner, children, parents.",
  details: ["Naming someone already on file adds or corrects their birthday instead of adding them twice. To remove one: /client remove <client> family <name>."],
  examples: ["/client family acme wife Maria", '/client family acme daughter Lily birthday:"May 2"'],
  args: defineArgs({
    client: arg.client().required(),
    relation: arg.word("a relation", /^[\p{L}-]{2,30}$/u, "partner or son", { label: "Relation", lower: true }).required(),
    name: arg.name("family member", { label: "Name" }).required(),
    birthday: arg.yearly({ label: "Birthday", placeholder: "date" }).optional()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    const known = profile?.family.find((f) => normalizeName(f.name) === normalizeName(args.name));
    const member = known ?? await env.store.addFamilyMember({ clientId: client.id, relation: args.relation, name: args.name });
    if (known && known.relation !== args.relation) await env.store.updateFamilyMember(known.id, { relation: args.relation });
    const birthdayPart = args.birthday ? `, birthday ${formatCalendarDate(args.birthday)}` : "";
    if (args.birthday) {
      const saved = must(await saveDate(env, profile, { clientId: client.id, familyMemberId: member.id, kind: birthdayKind(args.relation), label: null, date: args.birthday }));
      if (known && saved === "unchanged" && known.relation === args.relation) return reply(`${known.name} and that birthday are already known for ${client.name}.`);
    } else if (known && known.relation === args.relation) {
      return reply(`${known.name} (${known.relation}) is already known for ${client.name}.`);
    }
    return reply(`${known ? "Updated" : "Saved"} ${member.name}, ${client.name}'s ${args.relation}${birthdayPart}.`);
  }
});

// src/core/commands/forget.command.ts
import { createHash as createHash3 } from "node:crypto";
var forgetCode = (clientId) => createHash3("sha256").update(`forget:${clientId}`).digest("hex").slice(0, 6);
var forgetCommand = defineCommand({
  name: "forget",
  summary: "Erase a client and everything about it. Asks for a confirmation code first; this cannot be undone.",
  examples: ["/client forget acme", "/client forget acme confirm:3f9a1c"],
  args: defineArgs({
    client: arg.client().required(),
    confirm: arg.word("a confirmation code", /^[0-9a-f]{6}$/, "3f9a1c", { label: "Confirmation code", placement: "option", placeholder: "code", lower: true }).optional()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const code = forgetCode(client.id);
    const line = `/client forget ${quoteIfNeeded(client.name)} confirm:${code}`;
    if (args.confirm === void 0) {
      return reply(`This erases ${client.name} and everything about it: contacts, family, dates, likes, notes, interactions, gifts. It cannot be undone. To go ahead, run: ${line}`, { suggestions: [line] });
    }
    if (args.confirm !== code) refuse("forget.wrong-code", `That confirmation code is not the one for ${client.name}; nothing was erased.`);
    await env.store.forgetClient(client.id);
    return reply(`Erased ${client.name} and everything about it.`);
  }
});

// src/core/care/replies.ts
function wantsReply(i) {
  return i.kind === "email-in" || (i.kind === "call" || i.kind === "message") && i.direction === "in";
}
function isReply(i) {
  return i.kind === "email-out" || i.kind === "meeting" || (i.kind === "call" || i.kind === "message") && i.direction === "out";
}

// src/core/care/health.ts
var DAY_MS4 = 864e5;
var MOOD_SCORE = { happy: 100, neutral: 70, upset: 40, angry: 25, rude: 10, abusive: 0 };
var WEIGHTS = { recency: 0.35, frequency: 0.2, responsiveness: 0.2, mood: 0.25 };
var quietFor = (days2) => days2 < 1 ? "today" : days2 < 2 ? "yesterday" : `${Math.floor(days2)} days ago`;
var clamp = (n) => Math.max(0, Math.min(100, Math.round(n)));
var labelOf = (score) => score >= 75 ? "strong" : score >= 55 ? "steady" : score >= 35 ? "cooling" : "at risk";
var CEILING = { hostile: 34, oneSided: 54 };
function replyHours(chronological) {
  const waits = [];
  chronological.forEach((i, n) => {
    if (!wantsReply(i)) return;
    const answer2 = chronological.slice(n + 1).find(isReply);
    if (answer2) waits.push((answer2.occurredAt.getTime() - i.occurredAt.getTime()) / 36e5);
  });
  if (waits.length === 0) return null;
  const sorted = waits.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}
function healthOf(profile, now, policy) {
  const { client } = profile;
  const all = [...profile.interactions].filter((i) => i.occurredAt <= now).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const limit = keepInTouchDays(policy, client.tier);
  const last = all.at(-1)?.occurredAt ?? client.lastInteractionAt;
  const daysQuiet = Math.max(0, (now.getTime() - (last ?? client.createdAt).getTime()) / DAY_MS4);
  const recency = clamp(100 - Math.max(0, daysQuiet - limit / 4) / limit * 80);
  const window = Math.max(90, limit * 3);
  const recent = all.filter((i) => now.getTime() - i.occurredAt.getTime() <= window * DAY_MS4);
  const expected = Math.max(1, window / limit);
  const frequency = clamp(recent.length / expected * 100);
  const hours = replyHours(all.slice(-40));
  const responsiveness = hours === null ? 70 : clamp(100 - Math.max(0, hours - 4) * 2);
  const moods = all.filter((i) => i.mood !== null).slice(-5);
  const mood = moods.length === 0 ? 70 : clamp(moods.reduce((s, i) => s + MOOD_SCORE[i.mood ?? "neutral"], 0) / moods.length);
  const flags = [];
  let ceiling = 100;
  const hostile = all.filter((i) => (i.mood === "rude" || i.mood === "abusive") && now.getTime() - i.occurredAt.getTime() <= policy.abuseWindowDays * DAY_MS4);
  if (hostile.length >= policy.abuseCount) {
    flags.push(`${hostile.length} rude or abusive interactions in the last ${policy.abuseWindowDays} days: worth a conversation with the team.`);
    ceiling = Math.min(ceiling, CEILING.hostile);
  }
  const reviewWindow = all.filter((i) => now.getTime() - i.occurredAt.getTime() <= Math.max(policy.abuseWindowDays, 90) * DAY_MS4);
  const exchange = { inbound: reviewWindow.filter((i) => i.direction === "in").length, outbound: reviewWindow.filter((i) => i.direction === "out").length };
  if (isOneSided(exchange)) {
    flags.push(`${exchange.outbound} contacts from us in ${Math.max(policy.abuseWindowDays, 90)} days and nothing back: is the relationship one-sided?`);
    ceiling = Math.min(ceiling, CEILING.oneSided);
  }
  const measured = clamp(recency * WEIGHTS.recency + frequency * WEIGHTS.frequency + responsiveness * WEIGHTS.responsiveness + mood * WEIGHTS.mood);
  const score = Math.min(measured, ceiling);
  const isNew = last === null && all.length === 0 && daysQuiet < limit - 1;
  const label = isNew ? "new" : labelOf(score);
  const reasons = [
    last ? `Last contact ${quietFor(daysQuiet)} (aim: every ${limit} days).` : isNew ? `Added ${quietFor(daysQuiet)}, nothing logged yet (aim: every ${limit} days).` : "Nothing logged yet.",
    `${recent.length} interaction${recent.length === 1 ? "" : "s"} in the last ${window} days.`,
    hours === null ? "No replies to measure yet." : `We usually reply within ${hours < 1 ? "the hour" : `${Math.round(hours)} hours`}.`,
    moods.length === 0 ? "No moods logged." : `Recent mood: ${moods.map((i) => i.mood).join(", ")}.`,
    ...score < measured ? [`Held at \u201C${label}\u201D while flagged for review.`] : []
  ];
  return { score, label, parts: { recency, frequency, responsiveness, mood }, flags, reasons };
}

// src/core/commands/health-text.ts
function describeHealth(profile, workspace, now) {
  const health = healthOf(profile, now, workspace.policy);
  return [
    `${health.score}/100, ${health.label}`,
    ...health.reasons,
    ...health.flags.map((flag) => `\u2691 For the owner to review: ${flag}`)
  ];
}

// src/core/commands/health.command.ts
var HISTORY = 200;
var SHOWN = 30;
var healthCommand = defineCommand({
  name: "health",
  summary: "How each relationship is doing, from recency, frequency, how fast we reply and the mood of recent interactions; flags what an owner should review.",
  examples: ["/client health", "/client health acme"],
  args: defineArgs({ client: arg.client().optional() }),
  async execute(args, env) {
    if (args.client !== void 0) {
      const client = must(await resolveClient(env, args.client));
      const profile = await env.store.getProfile(client.id, { interactionLimit: HISTORY });
      return reply(`Relationship health for ${client.name}:`, { sections: [{ lines: describeHealth(profile, env.workspace, env.now) }] });
    }
    const profiles = await env.store.getProfiles({ status: "active" }, { interactionLimit: HISTORY });
    if (profiles.length === 0) return reply("No active clients yet.");
    const rows = profiles.map((profile) => ({ client: profile.client, health: healthOf(profile, env.now, env.workspace.policy) }));
    rows.sort((a, b) => a.health.score - b.health.score || a.client.name.localeCompare(b.client.name));
    const lines2 = rows.slice(0, SHOWN).map(({ client, health }) => `${client.name}: ${health.score}/100, ${health.label}${health.flags.length > 0 ? ` \u2691 ${health.flags.join("; ")}` : ""}`);
    if (rows.length > SHOWN) lines2.push(`\u2026and ${rows.length - SHOWN} healthier. /client health <client> for any one of them.`);
    return reply(`Relationship health, weakest first:`, { sections: [{ lines: lines2 }] });
  }
});

// src/core/commands/usage.ts
function usageOf(command) {
  const specs = Object.values(command.args);
  const order = (s) => s.placement === "positional" ? 0 : s.placement === "option" ? 1 : 2;
  const parts = specs.slice().sort((a, b) => order(a) - order(b)).map((spec) => {
    const word = spec.placement === "option" ? `${spec.name}:${valueShape(spec)}` : spec.type.kind === "enum" && spec.placement === "positional" && spec.type.values.length <= 3 ? (spec.type.choices ?? spec.type.values).join("|") : `<${spec.placeholder}>`;
    const one = spec.required ? word : `[${word}]`;
    return spec.repeatable ? `${one}\u2026` : one;
  });
  return ["/client", command.name, ...parts].join(" ");
}
function valueShape(spec) {
  if (spec.type.kind === "enum" && (spec.type.choices ?? spec.type.values).length <= 4) return (spec.type.choices ?? spec.type.values).join("|");
  if (spec.type.kind === "member") return "@someone|me";
  return `<${spec.placeholder}>`;
}

// src/core/commands/help.command.ts
function helpCommand(commands) {
  return defineCommand({
    name: "help",
    summary: "What each command does, with examples.",
    examples: ["/client help", "/client help log"],
    args: defineArgs({ topic: arg.word("a command", /^[a-z-]{1,30}$/, "log", { label: "Command", placeholder: "command", lower: true }).optional() }),
    async execute(args) {
      if (args.topic === void 0) {
        const width = Math.max(...commands().map((c) => c.name.length));
        return reply("Rapport keeps the human side of your client relationships. Commands:", {
          sections: [
            { lines: commands().map((c) => `${c.name.padEnd(width)}  ${c.summary}`) },
            { lines: ["The whole grammar of one command, with examples: /client help <command>"] }
          ]
        });
      }
      const spec = commands().find((c) => c.name === args.topic || c.aliases?.includes(args.topic));
      if (spec === void 0) refuse("help.unknown", `There is no command "${args.topic}". Try /client help.`);
      return reply(usageOf(spec), { sections: [{ lines: [spec.summary, ...spec.details ?? []] }, { title: "Examples", lines: [...spec.examples] }] });
    }
  });
}

// src/core/commands/likes.command.ts
var CATEGORY_SYNONYMS = { sports: "sport", beer: "drink", tea: "drink", holidays: "holiday", vacation: "holiday", books: "book" };
var likesCommand = defineCommand({
  name: "likes",
  summary: "Remember what a client loves (their coffee, wine, team, food, hobbies, holiday spot), or list it.",
  details: ["To remove one: /client remove <client> like <what>."],
  examples: ["/client likes acme wine pinot noir", "/client likes acme coffee flat white from Blue Bottle", "/client likes acme team Chicago Cubs", "/client likes acme"],
  args: defineArgs({
    client: arg.client().required(),
    category: arg.choice("category", LIKE_CATEGORIES, { label: "Category", placement: "positional", synonyms: CATEGORY_SYNONYMS }).optional(),
    value: arg.text("what they like", { label: "What they like", placeholder: "what" }).optional()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    const likes = profile?.likes ?? [];
    if (args.category === void 0) {
      if (args.value !== void 0) {
        const word = args.value.split(/\s+/)[0];
        const type = likesCommand.args.category.type;
        if (type.kind === "enum") must(readChoice("category", type, word));
      }
      if (likes.length === 0) return reply(`Nothing on file yet for ${client.name}. Ask them about their coffee, their team, their holidays.`);
      return reply(`${client.name} likes:`, { sections: [{ lines: likes.map((l) => `${l.category}: ${l.value}`) }] });
    }
    if (args.value === void 0) refuse("value.missing", `Add what they like in ${args.category}.`);
    const value = args.value;
    if (likes.some((l) => l.category === args.category && l.value.toLowerCase() === value.toLowerCase())) {
      return reply(`Already known: ${client.name} likes ${value} (${args.category}).`);
    }
    await env.store.addLike({ clientId: client.id, category: args.category, value });
    return reply(`Noted: ${client.name} likes ${value} (${args.category}).`);
  }
});

// src/core/commands/list.command.ts
var LIST_LIMIT = 50;
var listCommand = defineCommand({
  name: "list",
  summary: "List the team's clients (or yours), with when you last spoke.",
  examples: ["/client list", "/client list mine", "/client list tier:top", "/client list status:former"],
  args: defineArgs({
    scope: arg.choice("list scope", ["mine", "all"], { label: "Whose", placement: "positional" }).optional(),
    tier: arg.choice("tier", TIERS, { label: "Tier" }).optional(),
    status: arg.choice("status", CLIENT_STATUSES, { label: "Status" }).optional()
  }),
  async execute(args, env) {
    const mine = args.scope === "mine";
    const clients = await env.store.listClients({
      ...mine ? { ownerId: env.actor.id } : {},
      ...args.tier ? { tier: args.tier } : {},
      ...args.status ? { status: args.status } : {}
    });
    if (clients.length === 0) return reply(emptyList(mine, args.tier, args.status, await env.store.hasClients()));
    const sorted = clients.slice().sort((a, b) => a.name.localeCompare(b.name));
    const lines2 = sorted.slice(0, LIST_LIMIT).map((c) => `${c.name} \xB7 ${c.tier}${c.status === "active" ? "" : ` \xB7 ${c.status}`} \xB7 last contact ${c.lastInteractionAt ? whenAgo(env.now, c.lastInteractionAt, env.workspace.timeZone) : "never"}`);
    const rest = sorted.length - lines2.length;
    if (rest > 0) lines2.push(`\u2026and ${rest} more. Narrow it with mine, tier:\u2026 or status:\u2026, or get them all with /client export.`);
    return reply(`${clients.length} client${clients.length === 1 ? "" : "s"}${mine ? " of yours" : ""}:`, { sections: [{ lines: lines2 }] });
  }
});
function emptyList(mine, tier, status, any) {
  if (!any) return 'No clients yet. Add one: /client add "Acme Corp"';
  const filters = [...tier ? [`${tier} tier`] : [], ...status ? [status] : []].join(", ");
  if (mine) return filters ? `You own no ${filters} clients.` : "You own no clients yet.";
  return `No ${filters} clients.`;
}

// src/core/commands/kinds.ts
var KIND_WORDS2 = {
  call: { kind: "call" },
  "call-in": { kind: "call", direction: "in" },
  "call-out": { kind: "call", direction: "out" },
  "missed-call": { kind: "call", direction: "in" },
  "email-in": { kind: "email-in", direction: "in" },
  "email-out": { kind: "email-out", direction: "out" },
  "email-from": { kind: "email-in", direction: "in" },
  "email-to": { kind: "email-out", direction: "out" },
  meeting: { kind: "meeting", direction: "none" },
  message: { kind: "message" },
  "message-in": { kind: "message", direction: "in" },
  "message-out": { kind: "message", direction: "out" },
  complaint: { kind: "complaint", direction: "in" },
  "status-update": { kind: "status-update", direction: "out" },
  update: { kind: "status-update", direction: "out" },
  resolution: { kind: "resolution", direction: "out" },
  resolved: { kind: "resolution", direction: "out" },
  gift: { kind: "gift", direction: "out" },
  referral: { kind: "referral", direction: "in" },
  mistake: { kind: "mistake", direction: "none" },
  apology: { kind: "apology", direction: "out" },
  feedback: { kind: "feedback", direction: "in" },
  "advice-asked": { kind: "advice-asked", direction: "out" },
  advice: { kind: "advice-asked", direction: "out" },
  note: { kind: "note", direction: "none" }
};
var KIND_VALUES = Object.keys(KIND_WORDS2);
var KIND_CHOICES = INTERACTION_KINDS.flatMap((k) => k === "call" || k === "message" ? [`${k}-in`, `${k}-out`] : [k]);
var KIND_HELP = KIND_VALUES.filter((w) => INTERACTION_KINDS.includes(w) || w.endsWith("-in") || w.endsWith("-out")).join(", ");
var DEFAULT_DIRECTION = "out";
function kindOf(word, direction) {
  const entry = KIND_WORDS2[word];
  return { kind: entry.kind, direction: entry.direction ?? direction ?? DEFAULT_DIRECTION };
}

// src/core/care/interaction-effects.ts
function channelOfKind(kind) {
  return kind === "email-in" || kind === "email-out" ? "email" : kind === "call" ? "call" : kind === "message" ? "chat" : null;
}
var DAY_MS5 = 864e5;
var UPSET_MOODS = ["upset", "angry", "rude", "abusive"];
var UPSET_GUIDANCE = [
  "Listen first: let them finish, and play back what you heard.",
  "It is rarely about you. Don\u2019t take it personally, and don\u2019t lash back.",
  "Empathise before you analyse: \u201CI understand why that is frustrating\u201D comes before the fix.",
  "Say what happens next, and when they will hear from you."
];
var HOSTILE_GUIDANCE = "Rude or abusive behaviour is logged toward the relationship review; you do not have to accept it.";
function clip8(text, max = 80) {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean;
}
function interactionEffects(input) {
  const { interaction: i, openFollowUps, workspace, policy } = input;
  const open = [];
  const close = /* @__PURE__ */ new Set();
  const trail = input.trail ?? (channelOfKind(i.kind) ? { channel: channelOfKind(i.kind), threadIds: [] } : null);
  const guidance = [];
  const touch = { lastInteractionAt: i.occurredAt };
  const summary = clip8(i.summary);
  const follow = (kind, text, snoozedUntil = null, interactionId = i.id) => ({
    clientId: i.clientId,
    interactionId,
    kind,
    summary: text,
    openedAt: i.occurredAt,
    snoozedUntil,
    source: i.source,
    externalRef: kind === "reply" ? i.externalRef : null,
    channel: kind === "reply" ? trail?.channel ?? null : null,
    threadIds: kind === "reply" ? trail?.threadIds ?? [] : []
  });
  const mine = openFollowUps.filter((f) => f.clientId === i.clientId && f.state !== "done" && f.openedAt <= i.occurredAt);
  if (wantsReply(i)) {
    open.push(follow("reply", summary));
  }
  if (isReply(i)) {
    close.add("reply");
    const checkIns = mine.filter((f) => f.kind === "check-in");
    if (checkIns.length > 0 && checkIns.every((f) => f.snoozedUntil === null || f.snoozedUntil <= i.occurredAt)) close.add("check-in");
  }
  switch (i.kind) {
    case "complaint":
      open.push(follow("complaint", summary));
      break;
    case "status-update": {
      const complaints = mine.filter((f) => f.kind === "complaint");
      if (complaints.length > 0) {
        close.add("complaint");
        for (const c of complaints) open.push(follow("complaint", c.summary, null, c.interactionId));
      }
      break;
    }
    case "resolution":
      close.add("complaint");
      break;
    case "mistake":
      open.push(follow("apology", summary));
      break;
    case "apology": {
      close.add("apology");
      const at = new Date(i.occurredAt.getTime() + policy.checkInAfterDays * DAY_MS5);
      const when = atLocalTime(localDateOf(at, workspace.timeZone), "00:00", workspace.timeZone);
      const mistake = mine.find((f) => f.kind === "apology");
      const what = mistake ? ` for \u201C${clip8(mistake.summary, 60)}\u201D` : "";
      open.push(follow("check-in", `see how things are a week after the apology${what}.`, when));
      break;
    }
    case "referral":
      open.push(follow("referral-thanks", summary));
      break;
    case "gift":
      close.add("referral-thanks");
      touch.lastGestureAt = i.occurredAt;
      break;
    case "advice-asked":
    case "feedback":
      touch.lastAdviceAt = i.occurredAt;
      break;
    default:
      break;
  }
  if (i.mood && UPSET_MOODS.includes(i.mood)) {
    guidance.push(...UPSET_GUIDANCE);
    if (i.mood === "rude" || i.mood === "abusive") guidance.push(HOSTILE_GUIDANCE);
    const day2 = nextBusinessDay(workspace, localDateOf(i.occurredAt, workspace.timeZone));
    const when = atLocalTime(day2, "00:00", workspace.timeZone);
    open.push(follow("check-in", `they were ${i.mood} on ${shortDate(localDateOf(i.occurredAt, workspace.timeZone))}; see how they are now.`, when));
  }
  const cleanTouch = Object.fromEntries(Object.entries(touch).filter(([, v]) => v !== void 0));
  const settled = mine.filter((f) => close.has(f.kind) && (f.kind !== "reply" || sameThread(f.threadIds, trail?.threadIds ?? [])));
  return { open, close: settled, touch: cleanTouch, guidance };
}
function sameThread(item, reply2) {
  return item.length === 0 || reply2.length === 0 || item.some((id) => reply2.includes(id));
}

// src/core/commands/record-interaction.ts
async function writeInteraction(store, workspace, input) {
  const { trail, ...row } = input;
  const interaction = await store.recordInteraction(row);
  if (row.kind === "gift") {
    await store.recordGift({ clientId: row.clientId, description: row.summary, occasion: null, givenAt: row.occurredAt, loggedById: row.loggedById });
  }
  const openFollowUps = await store.listOpenFollowUps(row.clientId);
  const effects = interactionEffects({ interaction, openFollowUps, workspace, policy: workspace.policy, ...trail ? { trail } : {} });
  const closed = await store.closeFollowUps({ clientId: row.clientId, ids: effects.close.map((f) => f.id), closedAt: row.createdAt, closedById: row.loggedById });
  for (const followUp2 of effects.open) await store.openFollowUp(followUp2);
  await store.touchClient(row.clientId, effects.touch);
  return { interaction, effects, closed };
}
async function recordInteraction2(env, entry) {
  const { store, workspace, now } = env;
  const { effects, closed } = await writeInteraction(store, workspace, {
    clientId: entry.client.id,
    kind: entry.kind,
    direction: entry.direction,
    mood: entry.mood,
    summary: entry.summary,
    contactName: entry.contactName,
    loggedById: env.actor.id,
    occurredAt: entry.occurredAt,
    createdAt: now,
    source: entry.source,
    externalRef: null
  });
  const when = formatMoment(entry.occurredAt, workspace.timeZone);
  const sections = [];
  if (effects.guidance.length > 0) sections.push({ title: "Before you reply", lines: effects.guidance });
  const followUpLines = [
    ...closed > 0 ? [`Closed ${closed === 1 ? "an open item" : `${closed} open items`} for ${entry.client.name}.`] : [],
    ...effects.open.map((f) => f.kind === "reply" ? `Opened: awaiting our reply to their ${f.channel === "chat" ? "message" : (f.channel ?? "message").replace("-", " ")}: ${f.summary}` : `Opened: ${f.summary}`)
  ];
  if (followUpLines.length > 0) sections.push({ title: "Follow-ups", lines: followUpLines });
  const moodText = entry.mood ? `, mood ${entry.mood}` : "";
  return reply(`Logged ${describeKind(entry.kind, entry.direction)} with ${entry.client.name} (${when}${moodText}): ${entry.summary}`, {
    sections,
    visibility: workspace.policy.logVisibleToChannel ? "channel" : "private"
  });
}
function describeKind(kind, direction) {
  if (kind === "call" || kind === "message") return direction === "in" ? `an inbound ${kind}` : direction === "out" ? `an outbound ${kind}` : `a ${kind}`;
  const words = {
    "email-in": "an email from them",
    "email-out": "an email to them",
    "status-update": "a status update",
    "advice-asked": "asking their advice",
    apology: "an apology",
    complaint: "a complaint",
    mistake: "a mistake",
    meeting: "a meeting",
    referral: "a referral",
    resolution: "a resolution",
    feedback: "feedback",
    gift: "a gift",
    note: "a note"
  };
  return words[kind] ?? kind;
}

// src/core/commands/log.command.ts
var logCommand = defineCommand({
  name: "log",
  summary: "Log what happened with a client: a call, an email, a meeting, a complaint, a gift, a referral\u2026",
  details: [`Kinds: ${KIND_HELP}.`, `Moods: ${MOODS.join(", ")}.`, "Calls and messages count as ours (out) unless you say in: /client log acme call in \u2026", 'when: reads the most recent such time: "Saturday" is last Saturday, "March 14" the last March 14.'],
  examples: [
    "/client log acme call talked about the renewal",
    '/client log "Acme Corp" email-in with:Jane asks for the Q3 invoice',
    "/client log acme complaint mood:angry invoice was wrong twice",
    '/client log globex meeting when:"yesterday 3pm" mood:happy quarterly review, happy with the pilot'
  ],
  args: defineArgs({
    client: arg.client().required(),
    kind: arg.choice("kind of interaction", KIND_VALUES, { label: "What happened", placement: "positional", choices: KIND_CHOICES, explain: { email: "Say email-in (they wrote to us) or email-out (we wrote to them)." } }).required(),
    direction: arg.choice("direction", ["in", "out"], { label: "Direction", placement: "positional", onlyAfter: { arg: "kind", values: ["call", "message"] } }).optional(),
    note: arg.text("a few words on what happened", { label: "Note", placeholder: "what happened" }).required(),
    mood: arg.choice("mood", MOODS, { label: "Their mood" }).optional(),
    when: arg.moment("past", { label: "When", placeholder: "time" }).optional(),
    with: arg.name("contact", { label: "With", placeholder: "contact", placement: "option" }).optional()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const { kind, direction } = kindOf(args.kind, args.direction);
    return recordInteraction2(env, {
      client,
      kind,
      direction,
      mood: args.mood ?? null,
      summary: args.note,
      contactName: args.with ?? null,
      occurredAt: args.when ?? env.now,
      source: env.via
    });
  }
});

// src/core/commands/note.command.ts
var noteCommand = defineCommand({
  name: "note",
  summary: "Keep something you learned about a client: a free note, signed and dated, kept exactly as you typed it.",
  examples: ["/client note acme Jane is moving to the Lisbon office in spring", '/client note "Acme Corp" prefers calls before 10am'],
  args: defineArgs({
    client: arg.client().required(),
    text: arg.text("the note", { label: "Note", placeholder: "what you learned" }).required()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    await env.store.addNote({ clientId: client.id, authorId: env.actor.id, text: args.text, createdAt: env.now });
    return reply(`Noted for ${client.name}: ${args.text}`);
  }
});

// src/core/commands/remove.command.ts
var WHAT = ["contact", "family", "date", "like"];
function detailsOf(profile, kind) {
  const family = new Map(profile.family.map((f) => [f.id, f.name]));
  switch (kind) {
    case "contact":
      return profile.contacts.map((c) => ({ id: c.id, keys: [c.name, c.name.split(" ")[0], ...c.emails], shown: c.name }));
    case "family":
      return profile.family.map((f) => ({ id: f.id, keys: [f.name, f.name.split(" ")[0]], shown: `${f.name} (${f.relation})` }));
    case "date":
      return profile.dates.map((d) => {
        const whose = d.familyMemberId ? family.get(d.familyMemberId) : void 0;
        const kindWords = [d.kind, d.kind.replace("wedding-", "")];
        return {
          id: d.id,
          keys: [...kindWords, ...d.label ? [d.label] : [], ...whose ? [whose, whose.split(" ")[0], ...kindWords.map((k) => `${whose} ${k}`)] : []],
          shown: `${d.label ?? d.kind.replace(/-/g, " ")}${whose ? ` (${whose})` : ""}: ${formatCalendarDate(d)}`
        };
      });
    case "like":
      return profile.likes.map((l) => ({ id: l.id, keys: [l.value, `${l.category} ${l.value}`], shown: `${l.category}: ${l.value}` }));
  }
}
var removeCommand = defineCommand({
  name: "remove",
  summary: "Remove one contact, family member, date or like that is wrong or no longer true, keeping the rest of the client.",
  examples: ['/client remove acme contact "Jane Doe"', "/client remove acme family Lily", "/client remove acme date anniversary", "/client remove acme like pinot noir"],
  args: defineArgs({
    client: arg.client().required(),
    what: arg.choice("thing to remove", WHAT, { label: "What", placement: "positional", synonyms: { contacts: "contact", person: "contact", dates: "date", likes: "like" } }).required(),
    which: arg.text("which one", { label: "Which one", placeholder: "which", max: 200 }).required()
  }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 0 });
    if (profile === null) throw new Error(`client ${client.id} vanished inside a transaction`);
    const details = detailsOf(profile, args.what);
    const key = normalizeName(args.which);
    const matches = details.filter((d) => d.keys.some((k) => normalizeName(k) === key));
    if (matches.length > 1) refuse("remove.ambiguous", `"${args.which}" matches ${matches.length}: ${matches.map((m) => m.shown).join("; ")}. Be more precise.`);
    if (matches.length === 0) {
      if (details.length === 0) refuse("remove.none", `${client.name} has no ${args.what === "family" ? "family members" : `${args.what}s`} on file.`);
      const near = nearMisses(args.which, details.flatMap((d) => d.keys));
      const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ` On file: ${details.map((d) => d.shown).join("; ")}.`;
      refuse("remove.unknown", `${client.name} has no ${args.what} "${args.which}".${hint}`);
    }
    const target = matches[0];
    await env.store.removeDetail(args.what, target.id);
    const also = args.what === "family" && profile.dates.some((d) => d.familyMemberId === target.id) ? ", with their dates" : "";
    return reply(`Removed ${target.shown} from ${client.name}${also}.`);
  }
});

// src/core/commands/settings.command.ts
import { IANAZone as IANAZone2 } from "luxon";
var DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
var KEYS = Object.keys(Policy.shape);
var SETTING_KEYS = ["channel", "timezone", "hours", "days", ...KEYS];
var settingsCommand = defineCommand({
  name: "settings",
  summary: "Show or change this workspace's settings: digest channel, time zone, business hours and days, and every rule threshold.",
  details: ["Settings: channel <#channel>, timezone <Area/City>, hours <HH:mm-HH:mm>, days <mon-fri>, and each rule threshold by name (/client settings lists them with their values)."],
  examples: ["/client settings", "/client settings channel #client-care", "/client settings timezone Europe/London", "/client settings hours 09:00-17:30", "/client settings days mon-fri", "/client settings keepInTouchTopDays 21"],
  args: defineArgs({
    setting: arg.choice("setting", SETTING_KEYS, { label: "Setting", placement: "positional", listedAt: "/client settings lists them all." }).optional(),
    value: arg.text("a value", { label: "Value", placeholder: "value", max: 200 }).optional()
  }),
  async execute(args, env) {
    const { workspace } = env;
    if (args.setting === void 0 && args.value === void 0) {
      const days2 = workspace.businessDays.map((d) => DAY_NAMES[d - 1]).join(", ");
      return reply(`Settings for ${workspace.name}:`, {
        sections: [
          { lines: [`channel: ${workspace.digestChannel ?? "(not set: /client settings channel #name)"}`, `timezone: ${workspace.timeZone}`, `hours: ${workspace.businessStart}-${workspace.businessEnd}`, `days: ${days2}`] },
          { title: "Rules", lines: KEYS.map((k) => `${k}: ${String(workspace.policy[k])}${workspace.policy[k] === DEFAULT_POLICY[k] ? "" : ` (default ${String(DEFAULT_POLICY[k])})`}`) }
        ]
      });
    }
    if (args.setting === void 0) {
      const type = settingsCommand.args.setting.type;
      if (type.kind === "enum") must(readChoice("settings", type, args.value.split(/\s+/)[0]));
    }
    const key = args.setting;
    if (args.value === void 0) refuse("settings.value-missing", `Give a value for ${key}.`);
    const value = args.value;
    const patch = must(patchFor(key, value, workspace.policy));
    const updated = await env.store.updateWorkspace(patch);
    const shown = key === "channel" ? updated.digestChannel : key === "timezone" ? updated.timeZone : value;
    return reply(`Set ${key} to ${shown}.`, { visibility: "channel" });
  }
});
function patchFor(key, value, policy) {
  switch (key.toLowerCase()) {
    case "channel": {
      const channel = /^<#([A-Z0-9]+)(\|[^>]*)?>$/i.exec(value)?.[1] ?? /^#?([\p{L}\p{N}_-]{1,80})$/u.exec(value)?.[1];
      return channel ? { ok: true, value: { digestChannel: channel, clearDeliveryBlock: true } } : fail("settings.channel", `"${value}" is not a channel; use #channel-name.`);
    }
    case "timezone":
      return IANAZone2.isValidZone(value) ? { ok: true, value: { timeZone: value } } : fail("settings.timezone", `"${value}" is not a time zone; use an IANA name such as Europe/London or America/New_York.`);
    case "hours": {
      const m = /^([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
      if (!m || `${m[1]}:${m[2]}` >= `${m[3]}:${m[4]}`) return fail("settings.hours", `"${value}" is not a span of hours; use HH:mm-HH:mm, e.g. 09:00-17:30.`);
      return { ok: true, value: { businessStart: `${m[1]}:${m[2]}`, businessEnd: `${m[3]}:${m[4]}` } };
    }
    case "days": {
      const days2 = parseDays(value);
      return days2 ? { ok: true, value: { businessDays: days2 } } : fail("settings.days", `"${value}" is not a set of days; use e.g. mon-fri or mon,tue,thu.`);
    }
    default: {
      const policyKey = KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
      if (policyKey === void 0) return fail("settings.unknown", `There is no setting "${key}". /client settings lists them all.`);
      const raw4 = typeof DEFAULT_POLICY[policyKey] === "number" ? Number(value) : typeof DEFAULT_POLICY[policyKey] === "boolean" ? { true: true, yes: true, on: true, false: false, no: false, off: false }[value.toLowerCase()] : value;
      const parsed = Policy.shape[policyKey].safeParse(raw4);
      if (!parsed.success) return fail("settings.invalid", `${value} is not a valid ${policyKey}: ${parsed.error.issues[0]?.message ?? "out of range"}.`);
      return { ok: true, value: { policy: { ...policy, [policyKey]: parsed.data } } };
    }
  }
}
function parseDays(text) {
  const out = /* @__PURE__ */ new Set();
  for (const part of text.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    const range = /^([a-z]{3})[a-z]*(?:-([a-z]{3})[a-z]*)?$/.exec(part);
    const from = range ? DAY_NAMES.indexOf(range[1]) : -1;
    const to = range?.[2] ? DAY_NAMES.indexOf(range[2]) : from;
    if (from < 0 || to < 0 || to < from) return null;
    for (let d = from; d <= to; d++) out.add(d + 1);
  }
  return out.size > 0 ? [...out].sort() : null;
}

// src/core/commands/show.command.ts
var RECENT = 5;
var showCommand = defineCommand({
  name: "show",
  summary: "Everything Rapport knows about a client: people, family, dates, likes, recent interactions, open items, health.",
  examples: ["/client show acme", '/client show "Acme Corp"'],
  args: defineArgs({ client: arg.client().required() }),
  async execute(args, env) {
    const client = must(await resolveClient(env, args.client));
    const profile = await env.store.getProfile(client.id, { interactionLimit: 50 });
    if (profile === null) throw new Error(`client ${client.id} vanished inside a transaction`);
    return reply(headline(profile), { sections: profileSections(profile, env.workspace, env.now) });
  }
});
function headline({ client, owner }) {
  const aka = client.aliases.length > 0 ? ` (${client.aliases.join(", ")})` : "";
  const ownerText = owner ? `, owner ${mention2(owner)}` : ", no owner";
  return `${client.name}${aka}: ${client.tier} tier, ${client.status}${ownerText}`;
}
function profileSections(profile, workspace, now) {
  const tz = workspace.timeZone;
  const sections = [];
  const add = (title, lines2) => {
    if (lines2.length > 0) sections.push({ title, lines: lines2 });
  };
  add("Health", describeHealth(profile, workspace, now));
  add(
    "People",
    profile.contacts.map((c) => [c.name, c.role, c.emails.join(", "), c.phone].filter(Boolean).join(" \xB7 "))
  );
  add("Family", profile.family.map((f) => `${f.name} (${f.relation})`));
  const familyName = new Map(profile.family.map((f) => [f.id, f.name]));
  add(
    "Dates",
    profile.dates.map((d) => {
      const whose = d.familyMemberId ? ` \u2014 ${familyName.get(d.familyMemberId) ?? "family"}` : "";
      return `${d.label ?? d.kind.replace(/-/g, " ")}${whose}: ${formatCalendarDate(d)}`;
    })
  );
  add("Likes", profile.likes.map((l) => `${l.category}: ${l.value}`));
  add(
    "Open items",
    profile.followUps.filter((f) => f.state !== "done").map((f) => `${f.summary} (since ${whenAgo(now, f.openedAt, tz)}${f.state === "snoozed" && f.snoozedUntil ? `, snoozed until ${formatMoment(f.snoozedUntil, tz)}` : ""})`)
  );
  add(
    "Recent",
    profile.interactions.slice(0, RECENT).map((i) => `${formatMoment(i.occurredAt, tz)} \xB7 ${i.kind}${i.direction === "in" ? " (in)" : ""}${i.mood ? ` \xB7 ${i.mood}` : ""}: ${i.summary}`)
  );
  add("Gifts", profile.gifts.slice(0, RECENT).map((g) => `${formatMoment(g.givenAt, tz)}: ${g.description}`));
  add("Notes", profile.notes.slice(0, RECENT).map((n) => `${formatMoment(n.createdAt, tz)}: ${n.text}`));
  if (sections.length === 1) sections.push({ lines: ["Nothing logged yet. Try /client log <client> call <what you talked about>."] });
  return sections;
}

// src/core/commands/registry.ts
var COMMANDS = [
  addCommand,
  editCommand,
  logCommand,
  showCommand,
  noteCommand,
  contactCommand,
  familyCommand,
  dateCommand,
  likesCommand,
  removeCommand,
  dueCommand,
  doneCommand,
  snoozeCommand,
  listCommand,
  healthCommand,
  settingsCommand,
  exportCommand,
  forgetCommand,
  helpCommand(() => COMMANDS)
];
function findCommand(word) {
  const key = word.toLowerCase();
  return COMMANDS.find((c) => c.name === key || c.aliases?.includes(key));
}

// src/core/commands/parse-line.ts
var MAX_NAME_WORDS = 8;
function nameSpans(words) {
  const spans = [];
  let n = 0;
  while (n < Math.min(words.length, MAX_NAME_WORDS) && !words[n].quoted && normalizeName(words[n].text) !== "") n++;
  for (let k = n; k >= 2; k--) spans.push(normalizeName(words.slice(0, k).map((w) => w.text).join(" ")));
  return spans;
}
function parseLine(args, line, tokens, isClientName) {
  const separated = separateOptions(args, line, tokens);
  if (!separated.ok) return separated;
  const { raw: raw4, words } = separated.value;
  const specs = Object.values(args);
  const positional = specs.filter((s) => s.placement === "positional");
  const rest = specs.find((s) => s.placement === "rest");
  let clientSpan;
  let i = 0;
  for (const [index, spec] of positional.entries()) {
    if (i >= words.length) break;
    if (spec.type.kind === "client") {
      const last = index === positional.length - 1 && rest === void 0;
      const n = last ? words.length - i : clientWords(words.slice(i), isClientName);
      const taken = words.slice(i, i + n);
      raw4[spec.name] = { by: "name", name: n === 1 ? taken[0].text : taken.map((w) => w.text).join(" ") };
      clientSpan = { start: taken[0].start, end: taken[taken.length - 1].end };
      i += n;
      continue;
    }
    if (!spec.required && !accepts(spec, words[i], raw4)) continue;
    raw4[spec.name] = words[i].text;
    i++;
  }
  const left = words.slice(i);
  if (left.length > 0) {
    if (rest === void 0) return fail("input.extra", `"${left[0].text.slice(0, 40)}" is not expected there.`);
    raw4[rest.name] = sourceText(line, left);
  }
  return succeed({ raw: raw4, ...clientSpan ? { clientSpan } : {} });
}
function clientNameCandidates(args, line, tokens) {
  const separated = separateOptions(args, line, tokens);
  return separated.ok ? nameSpans(separated.value.words) : [];
}
function separateOptions(args, line, tokens) {
  const optionSpecs = new Map(Object.values(args).filter((s) => s.placement === "option").map((s) => [s.name, s]));
  const raw4 = {};
  const words = [];
  for (const token of tokens) {
    const key = /^([a-z-]+):/i.exec(line.slice(token.start, token.end))?.[1]?.toLowerCase();
    const spec = key === void 0 ? void 0 : optionSpecs.get(key);
    if (spec === void 0) {
      words.push(token);
      continue;
    }
    const value = token.text.slice(key.length + 1).trim();
    if (value === "") return fail("option.empty", `"${key}:" needs a value, e.g. ${key}:something (quote it if it has spaces).`);
    const existing = raw4[spec.name];
    if (existing !== void 0 && !spec.repeatable) return fail("option.repeated", `"${key}:" is given twice; give it once.`);
    raw4[spec.name] = spec.repeatable ? [...existing ?? [], value] : value;
  }
  return succeed({ raw: raw4, words });
}
function clientWords(words, isClientName) {
  const spans = nameSpans(words);
  const hit = spans.findIndex(isClientName);
  return hit < 0 ? 1 : spans.length - hit + 1;
}
function accepts(spec, word, raw4) {
  if (word.quoted) return false;
  if (spec.onlyAfter) {
    const before = raw4[spec.onlyAfter.arg];
    if (typeof before !== "string" || !spec.onlyAfter.values.includes(before.toLowerCase())) return false;
  }
  if (spec.type.kind === "enum") return readChoice(spec.name, spec.type, word.text).ok;
  if (spec.type.kind === "word") return spec.type.pattern.test(spec.type.lower ? word.text.toLowerCase() : word.text);
  return true;
}

// src/core/use-cases/handle-command.ts
async function handleCommand(deps, ctx, text) {
  const line = text.replace(/^\s*\/client\b/i, "");
  const tokens = tokenize(line);
  if (!tokens.ok) return errorReply(tokens, void 0);
  const [first, ...words] = tokens.value;
  if (first === void 0) return errorReply({ ok: false, code: "command.empty", message: "What would you like to do? Try /client help." }, void 0);
  const command = findCommand(first.text);
  if (command === void 0) {
    const near = nearMisses(first.text, COMMANDS.map((c) => c.name), 2);
    const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `/client ${n}`).join(" or ")}?` : " Try /client help.";
    return errorReply({ ok: false, code: "command.unknown", message: `"${first.text.slice(0, 40)}" is not a command.${hint}` }, void 0);
  }
  return runInCommandEnv(deps, ctx, async (env) => {
    const spans = clientNameCandidates(command.args, line, words);
    const named = spans.length > 0 ? await env.store.clientsNamed(spans) : [];
    const known = new Set(named.flatMap((c) => [c.name, ...c.aliases]).map(normalizeName));
    const parsed = parseLine(command.args, line, words, (key) => known.has(key));
    if (!parsed.ok) return failWith(parsed);
    const span = parsed.value.clientSpan;
    const suggestLine = span ? (name) => `/client ${`${line.slice(0, span.start)}${name}${line.slice(span.end)}`.trim()}` : void 0;
    return execute(command, parsed.value.raw, { ...env, ...suggestLine ? { suggestLine } : {} });
  }, usageOf(command));
}
function runCommand(deps, ctx, name, raw4) {
  const command = findCommand(name);
  if (command === void 0) return Promise.resolve(errorReply({ ok: false, code: "command.unknown", message: `"${name}" is not a command.` }, void 0));
  return runInCommandEnv(deps, ctx, (env) => execute(command, raw4, env), usageOf(command));
}
async function execute(command, raw4, env) {
  const args = readArgs(command.args, raw4, { now: env.now, timeZone: env.workspace.timeZone });
  if (!args.ok) return failWith(args);
  return command.execute(args.value, env);
}
function failWith(failure) {
  throw new CommandFailure(failure);
}

// src/core/use-cases/record-message.ts
var MESSAGE_SUMMARY_LENGTH = 200;
async function recordMessage(store, workspace, now, message) {
  return store.workspace(workspace.id).transaction(async (tx) => {
    if (await tx.findInteractionByRef(message.externalId)) return { status: "duplicate" };
    const client = await clientOf(tx, message);
    if (client === null) return { status: "unmatched" };
    const sender = message.direction === "out" && message.sender ? await tx.ensureMember(message.sender.platformUserId, message.sender.displayName) : null;
    const summary = clip9(message.summary);
    const { effects, closed } = await writeInteraction(tx, workspace, {
      clientId: client.id,
      ...kindOf2(message),
      mood: null,
      summary,
      contactName: null,
      loggedById: sender?.id ?? null,
      occurredAt: message.occurredAt,
      createdAt: now,
      source: message.source,
      externalRef: message.externalId,
      trail: { channel: message.channel, threadIds: message.threadIds ?? [] }
    });
    return { status: "recorded", clientId: client.id, opened: effects.open.filter((f) => f.kind === "reply").length, closed };
  });
}
async function clientOf(store, message) {
  const party = message.party;
  if (party?.by === "client") return store.getClient(party.clientId);
  if (party?.by === "email") {
    const contact = await store.findContactByEmail(party.address.trim().toLowerCase());
    if (contact) return store.getClient(contact.clientId);
    if (message.direction === "in") return null;
  }
  if (party?.by === "member") {
    const linked = await store.findClientByMember(party.platformUserId);
    if (linked) return linked;
    if (message.direction === "in") return null;
  }
  if (message.direction === "out" && (message.threadIds ?? []).length > 0) {
    const [item] = await store.openFollowUpsInThreads(message.threadIds);
    return item ? store.getClient(item.clientId) : null;
  }
  return null;
}
function kindOf2(message) {
  const { channel, direction } = message;
  if (channel === "email") return { kind: direction === "in" ? "email-in" : "email-out", direction };
  return { kind: channel === "call" ? "call" : "message", direction };
}
function clip9(text) {
  const read = readText(text.replace(/\s+/g, " "), "a summary", 1e5);
  const clean = read.ok ? read.value : "(no subject)";
  return clean.length > MESSAGE_SUMMARY_LENGTH ? `${clean.slice(0, MESSAGE_SUMMARY_LENGTH - 1)}\u2026` : clean;
}

// src/core/core.ts
function createCore(options) {
  const deps = { store: options.store, logger: options.logger, giftCatalog: options.giftCatalog ?? DEFAULT_GIFT_CATALOG };
  return {
    runLine: (ctx, text) => handleCommand(deps, ctx, text),
    run: (ctx, command, values) => runCommand(deps, ctx, command, values),
    actOnNudge: (ctx, action) => actOnNudge(deps, ctx, action),
    recordMessage: (ctx, message) => recordMessage(deps.store, ctx.workspace, ctx.now, message),
    planDigest: (input) => planDigest({ ...input, catalog: deps.giftCatalog }),
    async suggestClients(workspace, typed, limit = 25) {
      const directory = await deps.store.workspace(workspace.id).clientDirectory();
      const query = normalizeName(typed);
      return directory.map((c) => ({ c, names: [c.name, ...c.aliases].map(normalizeName) })).filter(({ names }) => query === "" || names.some((n) => n.includes(query))).sort((a, b) => Number(b.names.some((n) => n.startsWith(query))) - Number(a.names.some((n) => n.startsWith(query))) || a.c.name.localeCompare(b.c.name)).slice(0, limit).map(({ c }) => c);
    },
    getClient: (workspace, clientId) => deps.store.workspace(workspace.id).getClient(clientId),
    commands: COMMANDS,
    usage: usageOf
  };
}

// src/core/use-cases/erase-uninstalled.ts
async function eraseUninstalledWorkspaces(input) {
  return input.lifecycle.eraseUninstalledBefore(new Date(input.now.getTime() - input.graceDays * 864e5));
}

// src/main.ts
async function main(argv) {
  const loaded2 = loadConfig(process.env);
  if (!loaded2.ok) {
    process.stderr.write(`${loaded2.message}
`);
    return 2;
  }
  const config3 = loaded2.config;
  const platform = chosenPlatform(config3);
  const pinoLogger = createLogger({ level: platform === "console" && config3.LOG_LEVEL === "info" ? "warn" : config3.LOG_LEVEL, destination: process.stderr });
  const logger = corePortLogger(pinoLogger);
  installFaultHandlers(process, logger);
  const giftCatalog = loadGiftCatalog(config3.RAPPORT_GIFT_CATALOG);
  if (!giftCatalog.ok) {
    process.stderr.write(`${giftCatalog.message}
`);
    return 2;
  }
  const input = platform === "console" ? process.stdin.isTTY ? process.stdin : await pipedInput(process.stdin) : null;
  if (platform === "console" && input === null) {
    process.stderr.write(`${NOTHING_TO_DO}
`);
    return 2;
  }
  const clock = { now: () => /* @__PURE__ */ new Date() };
  const { store, provider, close } = await openStore({ databaseUrl: config3.DATABASE_URL, logger });
  const core = createCore({ store, logger, giftCatalog: giftCatalog.catalog });
  try {
    if (input !== null) return await runInTerminal({ config: config3, core, store, clock, input, demo: argv.includes("--demo") });
    return await runOnSlack({ config: config3, core, store, provider, clock, logger });
  } finally {
    await close();
  }
}
async function runInTerminal(options) {
  const { config: config3, core, store, clock, input, demo } = options;
  const timeZone = config3.RAPPORT_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  const name = userInfo().username || "you";
  const user = { platformUserId: name, displayName: name };
  const externalId = demo ? "demo" : "local";
  const open = () => store.ensureWorkspace({ platform: "console", externalId, name: demo ? "Demo team" : "My team", timeZone, digestChannel: "console" });
  let workspace = await open();
  if (demo) {
    await store.deleteWorkspace(workspace.id);
    workspace = await open();
    for (const line of demoScript(clock.now(), timeZone)) {
      const reply2 = await core.runLine({ workspace, actor: user, now: clock.now(), mentionsByName: true }, line);
      if (!reply2.ok) throw new Error(`demo seed line failed (${reply2.code}): ${line}`);
    }
    process.stdout.write("Demo workspace ready: 5 clients with contacts, family, dates, likes and a few weeks of history.\nTry /digest, /client due all, /client show acme.\n\n");
  }
  await runConsole({ core, store, clock, workspace, user, input, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  return 0;
}
var NOTHING_TO_DO = "Rapport has no chat platform and no input: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run on Slack, or DISCORD_BOT_TOKEN for Discord (docs/configuration.md), or attach a terminal (docker run -it \u2026) or pipe /client lines in to use the console.";
function pipedInput(stdin) {
  return new Promise((resolve2, reject) => {
    const stop = () => {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      stdin.off("error", onError);
    };
    const onData = (chunk2) => {
      stop();
      stdin.pause();
      const rest = new PassThrough();
      rest.write(chunk2);
      resolve2(stdin.pipe(rest));
    };
    const onEnd = () => (stop(), resolve2(null));
    const onError = (error) => (stop(), reject(error));
    stdin.on("data", onData);
    stdin.once("end", onEnd);
    stdin.once("error", onError);
  });
}
async function runOnSlack(input) {
  const { config: config3, core, store, provider, clock, logger } = input;
  const slack = slackConfigured(config3) ? createSlackAdapter({
    store,
    lifecycle: store.lifecycle,
    installations: store.installations,
    processedEvents: store.processedEvents,
    processedRequests: prismaProcessedRequests(store.db, { prefix: REPLAY_ID_PREFIX, rememberMs: REPLAY_MEMORY_MS }),
    logger,
    clock,
    mode: config3.SLACK_MODE ?? (config3.SLACK_APP_TOKEN ? "socket" : "http"),
    ...config3.SLACK_BOT_TOKEN ? { botToken: config3.SLACK_BOT_TOKEN } : {},
    ...config3.SLACK_SIGNING_SECRET ? { signingSecret: config3.SLACK_SIGNING_SECRET } : {},
    ...config3.SLACK_APP_TOKEN ? { appToken: config3.SLACK_APP_TOKEN } : {},
    ...config3.SLACK_CLIENT_ID ? { clientId: config3.SLACK_CLIENT_ID } : {},
    ...config3.SLACK_CLIENT_SECRET ? { clientSecret: config3.SLACK_CLIENT_SECRET } : {},
    ...config3.SLACK_STATE_SECRET ? { stateSecret: config3.SLACK_STATE_SECRET } : {},
    ...config3.SLACK_API_URL ? { apiUrl: config3.SLACK_API_URL } : {},
    port: config3.PORT,
    core,
    ...config3.RAPPORT_TIME_ZONE ? { defaultTimeZone: config3.RAPPORT_TIME_ZONE } : {}
  }) : null;
  const discord = discordAdapter({ config: config3, core, store, clock, logger });
  const coordinator = provider === "postgresql" ? postgresCoordinator({ databaseUrl: config3.DATABASE_URL }) : singleProcess;
  const platforms = /* @__PURE__ */ new Map();
  if (slack) platforms.set("slack", { publisher: slack.publisher, notifier: slack.notifier });
  if (discord) platforms.set("discord", { publisher: discord.publisher, notifier: discord.notifier });
  const scheduler = createScheduler({
    store,
    ledger: store.deliveryLedger,
    lifecycle: store.lifecycle,
    platforms,
    planDigest: core.planDigest,
    clock,
    logger,
    random: Math.random,
    sleep: (ms) => sleep(ms),
    instanceId: config3.RAPPORT_INSTANCE_ID ?? hostname(),
    graceMinutes: config3.DELIVERY_GRACE_MINUTES,
    coordinator
  });
  const { port } = slack ? await slack.start() : { port: null };
  await discord?.start();
  scheduler.start();
  const erasure = cron2.schedule("17 3 * * *", () => {
    eraseUninstalledWorkspaces({ lifecycle: store.lifecycle, now: clock.now(), graceDays: config3.SLACK_UNINSTALL_GRACE_DAYS }).then(
      (erased) => erased.length > 0 && logger.info({ count: erased.length }, "erased the data of uninstalled workspaces after the grace period"),
      (error) => logger.error({ err: error }, "erasing uninstalled workspaces failed")
    );
  });
  const health = await startHealthServer({
    port: config3.HEALTH_PORT,
    checks: { database: databaseAnswers(store.db), ...discord ? { discord: async () => discord.connected() } : {} }
  });
  const running = [slack ? "Slack" : null, discord ? "Discord" : null].filter(Boolean).join(" and ");
  logger.info({ port, healthPort: config3.HEALTH_PORT, provider }, `Rapport is running on ${running}`);
  await new Promise((resolve2) => {
    process.once("SIGTERM", resolve2);
    process.once("SIGINT", resolve2);
  });
  logger.info({}, "shutting down");
  await erasure.stop();
  await scheduler.stop();
  await slack?.stop();
  await discord?.stop();
  await coordinator.close();
  await health.close();
  return 0;
}
function discordAdapter(input) {
  const { config: config3, core, store, clock, logger } = input;
  if (!config3.DISCORD_BOT_TOKEN) return null;
  return createDiscordAdapter({
    core,
    store,
    lifecycle: store.lifecycle,
    processedEvents: store.processedEvents,
    logger,
    clock,
    token: config3.DISCORD_BOT_TOKEN,
    ...config3.DISCORD_API_URL ? { apiUrl: config3.DISCORD_API_URL } : {},
    ...config3.DISCORD_GUILD_ID ? { guildId: config3.DISCORD_GUILD_ID } : {},
    ...config3.DISCORD_STAFF_ROLE_ID ? { staffRoleId: config3.DISCORD_STAFF_ROLE_ID } : {},
    ...config3.DISCORD_SUPPORT_CHANNEL_IDS ? { supportChannels: config3.DISCORD_SUPPORT_CHANNEL_IDS } : {},
    ...config3.RAPPORT_TIME_ZONE ? { defaultTimeZone: config3.RAPPORT_TIME_ZONE } : {}
  });
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Rapport stopped: ${error instanceof Error ? error.message : String(error)}
`);
    process.exitCode = 1;
  }
);
