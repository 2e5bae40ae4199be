import {
  LOCK_TAGS,
  deploymentFacts,
  deploymentTags,
  lockFromTags,
  recordFromTags,
  withLockTags,
  withRecordTags,
} from '../../../shared/targets/azureml/endpoint-tags';
import { takesTraffic, trafficRuleViolations } from '../../../shared/targets/azureml/traffic-rules';
import { modelFromAssetId } from '../../../shared/targets/azureml/azureml-target';
import { EndpointRecord } from '../../../shared/targets/target';

describe('endpoint tags: the rollout record, the lock and deployment facts', () => {
  const record: EndpointRecord = {
    rollout: {
      candidate: 'green',
      stable: 'blue',
      model: { name: 'diabetes', version: '2024-05-01.1' },
      nextStep: 2,
      status: 'paused',
      startedAt: '2026-12-01T10:00:00.000Z',
    },
    previous: {
      name: 'diabetes',
      version: '7',
      image: `acr.azurecr.io/m@sha256:${'a'.repeat(64)}`,
      promotedAt: '2026-11-30T09:00:00.000Z',
    },
    analysis: {
      version: '7',
      outcome: 'rolled-back',
      at: '2026-11-30T09:00:00.000Z',
      lines: ['shadow: fail, agreement 90.0% on 301 pairs', 'step 1 (10%): pass, 61 requests, errors 0.00%, p99 12ms'],
    },
  };

  it('round-trips a record, keeping the user tags and the lock', () => {
    const tags = withRecordTags(
      { team: 'fraud', [LOCK_TAGS.holder]: 'rollout (h pid 1)', [LOCK_TAGS.expires]: '2026-12-01T11:00:00.000Z' },
      record,
    );
    expect(recordFromTags(tags)).toStrictEqual(record);
    expect(tags.team).toBe('fraud');
    expect(lockFromTags(tags)).toEqual({ holder: 'rollout (h pid 1)', expires: Date.parse('2026-12-01T11:00:00.000Z') });
    // every tag name obeys ARM's rules
    for (const name of Object.keys(tags)) expect(name).not.toMatch(/[<>%&\\?/]/);
  });

  it('keeps a new analysis whole: no line of an older, longer one stays behind', () => {
    const older = withRecordTags({}, { ...record, analysis: { ...record.analysis!, lines: ['a', 'b', 'c', 'd'] } });
    const tags = withRecordTags(older, record);
    expect(recordFromTags(tags).analysis?.lines).toEqual(record.analysis?.lines);
  });

  it('clears the record tags when the record is empty', () => {
    const tags = withRecordTags(withRecordTags({ team: 'fraud' }, record), {});
    expect(tags).toEqual({ team: 'fraud' });
    expect(recordFromTags(tags)).toEqual({});
  });

  it('ignores a half-written rollout record instead of inventing one', () => {
    const tags = withRecordTags({}, record);
    delete tags['modelship.rollout.stable'];
    expect(recordFromTags(tags).rollout).toBeUndefined();
    expect(recordFromTags({ ...withRecordTags({}, record), 'modelship.rollout.nextStep': 'two' }).rollout).toBeUndefined();
  });

  it('refuses a tag value over ARM limit of 256 characters, naming the tag', () => {
    expect(() => deploymentTags({ model: { name: 'm', version: '1' }, image: `x/${'y'.repeat(300)}`, createdAt: '' })).toThrow(
      /modelship\.image would be 302 characters long, over Azure's limit of 256/,
    );
  });

  it('sets, renews and removes the lock', () => {
    const locked = withLockTags({ team: 'fraud' }, { holder: 'a', expires: 1000 });
    expect(lockFromTags(locked)).toEqual({ holder: 'a', expires: 1000 });
    expect(lockFromTags(withLockTags(locked, undefined))).toBeUndefined();
    expect(withLockTags(locked, undefined)).toEqual({ team: 'fraud' });
  });

  it('reads what a deployment serves from its tags, or from its model asset id', () => {
    const facts = { model: { name: 'diabetes', version: '3' }, image: 'acr.azurecr.io/m@sha256:abc', createdAt: 'now' };
    expect(deploymentFacts(deploymentTags(facts))).toEqual(facts);
    expect(deploymentFacts({})).toBeUndefined();
    expect(
      modelFromAssetId(
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/models/diabetes/versions/3',
      ),
    ).toEqual({
      name: 'diabetes',
      version: '3',
    });
    expect(modelFromAssetId('azureml://registries/shared/models/fraud/versions/2024.1')).toEqual({ name: 'fraud', version: '2024.1' });
    expect(modelFromAssetId(undefined)).toBeUndefined();
  });
});

describe("Azure ML's traffic and mirror rules", () => {
  const deployments = ['blue', 'green'];

  it('accepts a split summing to 100, no traffic at all, and a mirror to an idle deployment', () => {
    expect(trafficRuleViolations({ blue: 90, green: 10 }, {}, deployments)).toEqual([]);
    expect(trafficRuleViolations({}, {}, deployments)).toEqual([]);
    expect(trafficRuleViolations({ blue: 0 }, {}, deployments)).toEqual([]);
    expect(trafficRuleViolations({ blue: 100, green: 0 }, { green: 50 }, deployments)).toEqual([]);
  });

  it('names every broken rule', () => {
    expect(trafficRuleViolations({ blue: 90, green: 5 }, {}, deployments)).toEqual(['traffic sums to 95%, not 100%']);
    expect(trafficRuleViolations({ blue: 100, red: 0 }, {}, deployments)).toEqual([
      "traffic names 'red', which is not a deployment of the endpoint",
    ]);
    expect(trafficRuleViolations({ blue: 99.5, green: 0.5 }, {}, deployments)).toEqual([
      "traffic of 'blue' is 99.5, not a whole percentage 0..100",
      "traffic of 'green' is 0.5, not a whole percentage 0..100",
    ]);
    expect(trafficRuleViolations({ blue: 100 }, { green: 51 }, deployments)).toEqual([
      "mirror traffic of 'green' is 51%; Azure ML allows a whole percentage up to 50%",
    ]);
    expect(trafficRuleViolations({ blue: 90, green: 10 }, { green: 10 }, deployments)).toEqual([
      "'green' takes 10% of live traffic and cannot also receive mirror traffic",
    ]);
    expect(trafficRuleViolations({ blue: 100 }, { green: 10, red: 5 }, [...deployments, 'red'])).toEqual([
      'mirror traffic goes to 2 deployments; Azure ML mirrors to one at most',
    ]);
  });

  it('knows which deployments cannot be deleted', () => {
    expect(takesTraffic('green', { blue: 100 }, { green: 10 })).toBe(true);
    expect(takesTraffic('blue', { blue: 100 }, {})).toBe(true);
    expect(takesTraffic('green', { blue: 100, green: 0 }, {})).toBe(false);
  });
});
