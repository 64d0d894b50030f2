import { DateTime } from 'luxon';

/**
 * The demo workspace, told as the `/client` lines a team would have typed over the last few weeks.
 * Seeding goes through the real command path, so the demo shows exactly what Rapport does.
 * Dates are placed relative to today so the digest always has something to say.
 */
export function demoScript(now: Date, timeZone: string): string[] {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const md = (days: number) => `"${today.plus({ days }).toFormat('d LLL')}"`;
  // Same-day items are placed a couple of hours back, so they are never in the future whatever the hour.
  const ago = (days: number, hour = 10) => {
    const at = days === 0 ? today.minus({ hours: 2 }) : today.minus({ days }).set({ hour, minute: 0 });
    return `when:"${at.toFormat('yyyy-MM-dd HH:mm')}"`;
  };
  return [
    '/client add "Acme Corp" tier:top alias:acme',
    '/client contact acme "Jane Doe" role:COO email:jane@acme.example',
    '/client family acme husband Tom',
    '/client family acme daughter Lily birthday:"May 2"',
    `/client date acme wedding-anniversary ${md(5)} for:Tom`,
    '/client likes acme wine pinot noir',
    '/client likes acme coffee flat white from Blue Bottle',
    '/client date acme client-since 2019-03-01',
    `/client log acme meeting ${ago(20)} quarterly review: happy with the pilot, wants the renewal in writing`,
    `/client log acme email-in ${ago(0)} with:Jane asks for the renewal paperwork and the Q3 invoice`,

    '/client add "Globex Corporation" tier:standard alias:globex',
    '/client contact globex "Hank Scorpio" role:CEO email:hank@globex.example',
    `/client date globex birthday ${md(0)}`,
    '/client likes globex team Chicago Cubs',
    `/client log globex complaint mood:angry ${ago(3, 14)} invoice charged twice; wants it fixed today`,
    `/client log globex mistake ${ago(3, 15)} we billed the March invoice twice`,

    '/client add "Initech" tier:light',
    '/client contact initech "Bill Lumbergh" role:"VP Operations"',
    `/client log initech call ${ago(95)} annual check-in, all fine`,

    '/client add "Umbrella Health" tier:top alias:umbrella',
    '/client contact umbrella "Alice Abernathy" role:"Head of Partnerships"',
    '/client likes umbrella holiday Lisbon',
    `/client log umbrella referral ${ago(1)} introduced us to Wayne Clinics`,
    `/client log umbrella call ${ago(1, 16)} thanked Alice on the phone, will send something`,

    '/client add "Stark Studio" tier:standard alias:stark',
    '/client contact stark "Pepper Potts" role:Director',
    '/client family stark son Morgan birthday:"Aug 12"',
    `/client log stark call in ${ago(0)} Pepper called about the launch date, call her back`,
    `/client log stark gift ${ago(200)} hamper for the studio opening`,
  ];
}
