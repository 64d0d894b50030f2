import { expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { useHarness } from '../../support/core-harness.js';

// Imports tell "updated" from "unchanged" by Reply.changed, not by the reply's wording.
forEachDatabase((db) => {
  const h = useHarness(db);
  it('marks a success that wrote nothing new with changed: false, and only that', async () => {
    expect((await h.run('/client add "Acme Corp"')).changed).toBeUndefined();
    for (const line of ['/client contact acme "Jane Doe" email:jane@acme.example', '/client date acme birthday "March 14"', '/client family acme husband Tom', '/client likes acme wine pinot noir']) {
      const first = await h.run(line);
      expect(first.ok, line).toBe(true);
      expect(first.changed, line).toBeUndefined();
      const again = await h.run(line);
      expect(again.ok, line).toBe(true);
      expect(again.changed, line).toBe(false);
    }
    const moved = await h.run('/client date acme birthday "March 15"');
    expect(moved.ok).toBe(true);
    expect(moved.changed).toBeUndefined();
  });
});
