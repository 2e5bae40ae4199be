import { addOutputs, comparePair, describeBody, emptySample, selectValues } from '../../shared/analysis/agreement';

/** pairs of answers: the parts the user selects, numbers within a tolerance, the rest exactly */
describe('comparePair', () => {
  const labels = { paths: ['$.label'], tolerance: 0 };

  it('agrees when the selected parts are equal, whatever else differs', () => {
    expect(comparePair('{"label":"high","score":3}', '{"label":"high","score":4}', labels)).toEqual({ agree: true, differences: [] });
  });

  it('names the path and both values when they differ', () => {
    expect(comparePair('{"label":"high"}', '{"label":"low"}', labels)).toEqual({
      agree: false,
      differences: ['$.label: expected "high", got "low"'],
    });
  });

  it('compares numbers within the tolerance, and lists of values item by item', () => {
    const settings = { paths: ['$.probs[*]'], tolerance: 0.01 };
    expect(comparePair('{"probs":[0.2,0.8]}', '{"probs":[0.205,0.795]}', settings).agree).toBe(true);
    expect(comparePair('{"probs":[0.2,0.8]}', '{"probs":[0.3,0.7]}', settings).differences).toEqual([
      '$.probs[*][0]: expected 0.2, got 0.3 (tolerance 0.01)',
      '$.probs[*][1]: expected 0.8, got 0.7 (tolerance 0.01)',
    ]);
    expect(comparePair('{"probs":[0.2,0.8]}', '{"probs":[1]}', settings).differences).toEqual([
      '$.probs[*]: 2 values from stable, 1 from the new one',
    ]);
  });

  it('compares the whole answer without paths, and refuses what is not JSON', () => {
    expect(comparePair('{"a":1}', '{"a":1}', { paths: [], tolerance: 0 }).agree).toBe(true);
    expect(comparePair('{"a":1}', '{"a":1,"b":2}', { paths: [], tolerance: 0 }).differences).toEqual(['$.b: unexpected key']);
    expect(comparePair('{"a":1}', 'oops', labels)).toEqual({
      agree: false,
      differences: ['the new deployment answered something that is not JSON'],
    });
  });

  it('never runs script expressions found in a path (the config refuses them; here they throw)', () => {
    expect(() => selectValues({ a: [{ x: 1 }] }, ['$.a[?(@.x > 0)]'])).toThrow(/prevented/);
  });
});

describe('output samples and bodies', () => {
  it('counts labels and collects numbers from the selected parts', () => {
    const sample = emptySample();
    addOutputs(sample, '{"label":"high","score":3}', []);
    addOutputs(sample, '{"label":"low","score":1.5,"flags":[true]}', []);
    addOutputs(sample, 'not json', []);
    expect(sample).toEqual({ labels: { high: 1, low: 1, true: 1 }, numbers: [3, 1.5] });
    const onlyLabels = emptySample();
    addOutputs(onlyLabels, '{"label":"high","score":3}', ['$.label']);
    expect(onlyLabels).toEqual({ labels: { high: 1 }, numbers: [] });
  });

  it('shows a body hashed and cut unless whole bodies are allowed', () => {
    const body = JSON.stringify({ data: Array.from({ length: 100 }, (_, i) => i) });
    const shown = describeBody(body, false);
    expect(shown.sha256).toMatch(/^[0-9a-f]{16}$/);
    expect(shown.text).toBe(`${body.slice(0, 120)}… (${body.length} characters)`);
    expect(describeBody(body, true).text).toBe(body);
    expect(describeBody(body, false).sha256).toBe(shown.sha256);
  });
});
