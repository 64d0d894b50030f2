import type { ArgSpec } from './arguments.js';
import type { CommandDefinition } from './command.js';

/** The one-line grammar of a command, read from its description: "/client log <client> <kind> [mood:<mood>] …". */
export function usageOf(command: CommandDefinition): string {
  const specs = Object.values(command.args);
  const order = (s: ArgSpec) => (s.placement === 'positional' ? 0 : s.placement === 'option' ? 1 : 2);
  const parts = specs
    .slice()
    .sort((a, b) => order(a) - order(b))
    .map((spec) => {
      const word = spec.placement === 'option' ? `${spec.name}:${valueShape(spec)}` : spec.type.kind === 'enum' && spec.placement === 'positional' && spec.type.values.length <= 3 ? (spec.type.choices ?? spec.type.values).join('|') : `<${spec.placeholder}>`;
      const one = spec.required ? word : `[${word}]`;
      return spec.repeatable ? `${one}…` : one;
    });
  return ['/client', command.name, ...parts].join(' ');
}

function valueShape(spec: ArgSpec): string {
  if (spec.type.kind === 'enum' && (spec.type.choices ?? spec.type.values).length <= 4) return (spec.type.choices ?? spec.type.values).join('|');
  if (spec.type.kind === 'member') return '@someone|me';
  return `<${spec.placeholder}>`;
}
