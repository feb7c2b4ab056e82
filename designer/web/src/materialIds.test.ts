import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { renameMaterialId } from './materialIds.js';

describe('renaming a material id', () => {
  it('typing through another material\'s id and back never unticks that material in any scenario', () => {
    const { materials, scenarios } = itemConfig().standard;
    // Material 2 (proxy-letter) is typed into "id-card" (material 1's id), then into "id-cardx".
    let state = renameMaterialId(materials, scenarios, 1, 'id-car', null);
    expect(state.scenarios[1]!.materialIds).toEqual(['id-card', 'id-car', 'agent-id']);
    state = renameMaterialId(state.materials, state.scenarios, 1, 'id-card', state.parked);
    expect(state.parked).toBe('id-car');
    expect(state.scenarios.map((s) => s.materialIds)).toEqual([['id-card', 'photo'], ['id-card', 'id-car', 'agent-id']]);
    state = renameMaterialId(state.materials, state.scenarios, 1, 'id-cardx', state.parked);
    expect(state.parked).toBeNull();
    expect(state.scenarios.map((s) => s.materialIds)).toEqual([['id-card', 'photo'], ['id-card', 'id-cardx', 'agent-id']]);
    // And back to its own id: material 1 keeps every tick.
    state = renameMaterialId(state.materials, state.scenarios, 1, 'proxy-letter', state.parked);
    expect(state.scenarios.map((s) => s.materialIds)).toEqual([['id-card', 'photo'], ['id-card', 'proxy-letter', 'agent-id']]);
  });

  it('moves references with a plain rename', () => {
    const { materials, scenarios } = itemConfig().standard;
    const state = renameMaterialId(materials, scenarios, 0, 'identity-card', null);
    expect(state.scenarios.map((s) => s.materialIds[0])).toEqual(['identity-card', 'identity-card']);
  });
});
