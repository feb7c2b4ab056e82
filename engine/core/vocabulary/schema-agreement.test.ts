/**
 * The standards' JSON Schemas are data files and must spell their enums and patterns literally;
 * these tests keep every such literal equal to the vocabulary, so there is still one definition.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, channels, DELIVERY_METHODS, deliveryMethods, ITEM_CODE_PATTERN, labelOf, OUTCOMES, RULE_EVENT_TYPES } from './index.js';

const schemaFile = (name: string) => JSON.parse(readFileSync(new URL(`../../../standards/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const configSchema = schemaFile('item-config.schema.json');
const standardSchema = schemaFile('item-standard.schema.json');

function at(schema: Record<string, unknown>, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], schema);
}

describe('the standards schemas agree with the vocabulary', () => {
  it('spell the item-code pattern exactly as the vocabulary does', () => {
    expect(at(configSchema, '/properties/code/pattern')).toBe(ITEM_CODE_PATTERN);
    expect(at(standardSchema, '/properties/code/pattern')).toBe(ITEM_CODE_PATTERN);
  });

  it('list the outcomes, rule event types and channels of the vocabulary', () => {
    expect(at(configSchema, '/definitions/example/properties/expect/properties/outcome/enum')).toEqual([...OUTCOMES]);
    expect(at(configSchema, '/definitions/event/properties/type/enum')).toEqual([...RULE_EVENT_TYPES]);
    expect(at(configSchema, '/definitions/example/properties/input/properties/channel/enum')).toEqual([...CHANNELS]);
  });

  it('title each channel with its vocabulary label', () => {
    const options = at(standardSchema, '/definitions/channel/oneOf') as { const: string; title: string }[];
    expect(options.map((o) => o.const)).toEqual([...CHANNELS]);
    for (const option of options) expect(option.title).toBe(labelOf(channels, option.const as (typeof CHANNELS)[number]));
  });

  it('title each delivery method (送达方式) of the standard with the label the case flow uses', () => {
    const options = at(standardSchema, '/definitions/deliveryMethod/oneOf') as { const: string; title: string }[];
    expect(options.map((o) => o.const)).toEqual([...DELIVERY_METHODS]);
    for (const option of options) expect(option.title).toBe(labelOf(deliveryMethods, option.const as (typeof DELIVERY_METHODS)[number]));
  });
});
