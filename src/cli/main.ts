import { defaultAzureLogin } from '../../shared/azure/default-login';
import { VERSION_RULE, versionString } from '../../shared/registry/version';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { parseDuration } from '../../shared/config/duration';
import { UsageError, errorMessage, formatConfigIssue } from '../../shared/errors';
import { buildCommand, deployCommand, executeCommand, loadCommandConfig, rolloutCommand, smokeCommand } from '../../shared/command';
import { Cancellation } from '../../shared/cancellation';
import { cancelOnSignals } from '../../shared/front-end';
import * as pipeline from '../../shared/pipeline';
import { CommandOutcome, PipelineContext } from '../../shared/pipeline';
import { LoadGenerator } from '../../shared/traffic/load';
import { CliHost } from './cli-host';

/**
 * The `modelship` command line (DESIGN.md section 4). Thin: parse arguments, build a
 * Host and a context, call the shared core, print the result. Exit codes: 0 success
 * (including "no new version"), 1 the pipeline failed or was rolled back, 2 invalid
 * configuration or usage.
 */
/** what a CLI command returns: the pipeline's outcome, plus data that `--json` prints instead */
type CliOutcome = CommandOutcome & { data?: unknown };

interface CommonOptions {
  config: string;
  json?: boolean;
  report?: string;
  summary?: string;
  modelVersion?: string;
  verbose?: boolean;
}

export async function main(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let exitCode = 0;
  const program = new Command('modelship')
    .description(
      'Ship machine-learning models to production safely: build, stage, smoke-test, roll out progressively, roll back automatically.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();

  const common = (cmd: Command): Command =>
    cmd
      .addOption(new Option('-c, --config <file>', 'configuration file').default('modelship.yaml'))
      .option('--json', 'machine-readable result on stdout (logs stay on stderr)')
      .option('--report <file>', 'write the JSON report of all events')
      .option('--summary <file>', 'write the markdown summary')
      .option('--verbose', 'debug logs');
  const withVersion = (cmd: Command): Command => cmd.option('--model-version <n>', 'deploy this model version instead of model.version');

  const act =
    (name: string, fn: (ctx: PipelineContext, opts: CommonOptions & Record<string, unknown>) => Promise<CliOutcome>) =>
    async (opts: CommonOptions & Record<string, unknown>): Promise<void> => {
      exitCode = await runCommand(name, opts, io, fn);
    };

  common(program.command('validate').description('check the configuration file and exit')).action(
    act('validate', async (ctx) => {
      ctx.host.info(`${ctx.config.file}: valid`);
      return { result: 'no-change' };
    }),
  );
  withVersion(common(program.command('detect').description('is there a model version that production does not serve?'))).action(
    act('detect', (ctx) => pipeline.detect(ctx)),
  );
  withVersion(
    common(
      program
        .command('build')
        .description('build and push the serving image of the model version (content-addressed; reused when the registry has it)'),
    ),
  )
    .option('--force', 'build and push even when the registry already has the image')
    .action(act('build', (ctx) => buildCommand(ctx)));
  withVersion(
    common(
      program
        .command('deploy')
        .description('deploy the model version to staging (100%) or production (0%, or 100% when production is empty)'),
    ),
  )
    .addOption(new Option('--stage <stage>', 'where to deploy').choices(['staging', 'production']).makeOptionMandatory())
    .action(act('deploy', (ctx, opts) => deployCommand(ctx, opts.stage === 'staging' ? 'staging' : 'production')));
  common(program.command('smoke').description('run the smoke tests against staging'))
    .option('--model-version <n>', 'test the staged deployment of this model version (fails when another run staged over it)')
    .action(act('smoke', (ctx) => smokeCommand(ctx)));
  withVersion(common(program.command('rollout').description('progressive production rollout with automatic rollback'))).action(
    act('rollout', (ctx) => rolloutCommand(ctx)),
  );
  common(program.command('promote').description('continue a paused rollout')).action(act('promote', (ctx) => pipeline.promote(ctx)));
  common(program.command('rollback').description('abandon the rollout in progress, or redeploy the previous version')).action(
    act('rollback', (ctx) => pipeline.rollback(ctx)),
  );
  common(program.command('status').description('what each endpoint serves, at what traffic')).action(
    act('status', async (ctx, opts) => {
      const status = await pipeline.status(ctx);
      if (!opts.json)
        for (const line of [...pipeline.describeEndpoint(status.production), ...pipeline.describeEndpoint(status.staging)])
          io.stdout.write(line + '\n');
      return { result: 'no-change', data: status };
    }),
  );
  withVersion(common(program.command('run').description('detect -> build -> staging -> smoke -> rollout'))).action(
    act('run', (ctx) => pipeline.run(ctx)),
  );
  common(
    program
      .command('down')
      .description('remove the endpoints this config deployed (local processes and containers, or Kubernetes objects)'),
  ).action(
    act('down', async (ctx) => {
      await pipeline.down(ctx);
      return { result: 'no-change' };
    }),
  );

  const model = program.command('model').description('the model registry');
  common(model.command('register').description('add the next version of the model'))
    .requiredOption('--path <path>', 'model file or folder')
    .option('--tag <k=v>', 'tag (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--description <text>', 'description')
    .action(
      act('model register', async (ctx, opts) => {
        const tags: Record<string, string> = {};
        for (const tag of opts.tag as string[]) {
          const separator = tag.indexOf('=');
          if (separator <= 0) throw new UsageError(`--tag takes key=value (got '${tag}')`);
          tags[tag.slice(0, separator)] = tag.slice(separator + 1);
        }
        const registered = await ctx.registry.register({
          name: ctx.config.model.name,
          source: path.resolve(String(opts.path)),
          tags,
          description: opts.description as string | undefined,
        });
        ctx.host.info(
          `registered ${registered.name} v${registered.version}${Object.keys(tags).length ? ` with tags ${JSON.stringify(tags)}` : ''}`,
        );
        if (!opts.json) io.stdout.write(`${registered.version}\n`);
        return { result: 'no-change', model: { name: registered.name, version: registered.version } };
      }),
    );
  common(model.command('list').description('versions of the model in the registry')).action(
    act('model list', async (ctx, opts) => {
      const versions = await ctx.registry.list(ctx.config.model.name);
      if (!opts.json)
        for (const entry of versions)
          io.stdout.write(
            `${entry.name} v${entry.version}  ${entry.registeredAt}  ${Object.entries(entry.tags)
              .map(([k, x]) => `${k}=${x}`)
              .join(' ')}${entry.description ? `  ${entry.description}` : ''}\n`,
          );
      return { result: 'no-change', data: versions };
    }),
  );
  common(program.command('load').description('send scoring requests to an endpoint at a fixed rate (bounded), and count the answers'))
    .option('--stage <stage>', 'production or staging', 'production')
    .option('--rate <n>', 'requests per second', '50')
    .option('--duration <d>', 'how long (e.g. 30s, 5m)', '30s')
    .option('--bodies <file>', 'JSON lines file: one request body per line, sent in turn (default: the smoke requests)')
    .action(act('load', (ctx, opts) => runLoad(ctx, opts)));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err: unknown) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr.write(`modelship: ${errorMessage(err)}\n`);
    return 1;
  }
  return exitCode;
}

async function runCommand(
  name: string,
  opts: CommonOptions & Record<string, unknown>,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  fn: (ctx: PipelineContext, opts: CommonOptions & Record<string, unknown>) => Promise<CliOutcome>,
): Promise<number> {
  const host = new CliHost(io.stderr, Boolean(opts.verbose));
  const loaded = await loadCommandConfig(path.resolve(opts.config), opts.config);
  if (!loaded.ok) {
    io.stderr.write(`modelship: ${loaded.message}\n`);
    return 2;
  }
  for (const warning of loaded.warnings) host.warn(formatConfigIssue(warning));
  const modelVersion = opts.modelVersion === undefined ? undefined : versionString(opts.modelVersion);
  if (opts.modelVersion !== undefined && modelVersion === undefined) {
    io.stderr.write(
      `modelship: --model-version takes a version as the registry spells it: ${VERSION_RULE} (got ${JSON.stringify(opts.modelVersion)})\n`,
    );
    return 2;
  }
  // Ctrl-C or a CI cancellation: stop at the next step boundary, traffic back on stable, locks released
  const cancellation = new Cancellation();
  const stopListening = cancelOnSignals(cancellation, (line) => host.warn(line));
  const run = await executeCommand(
    name,
    loaded.config,
    host,
    { modelVersion, force: Boolean(opts.force), azureLogin: () => defaultAzureLogin((n) => host.env(n)), cancellation },
    (ctx) => fn(ctx, opts),
  ).finally(stopListening);
  if (!run.ok) {
    host.error(run.message);
    return run.exitCode;
  }
  const outcome: CliOutcome = run.outcome;
  const markdown = run.markdown;
  if (opts.report) writeFile(opts.report, run.reportJson + '\n');
  if (opts.summary) writeFile(opts.summary, markdown + '\n');
  if (outcome.result === 'failed' || outcome.result === 'rolled-back') host.error(outcome.reason ?? outcome.result);
  if (opts.json) {
    // commands that return data (status, model list, load) print just that
    const { smoke: _smoke, data, ...rest } = outcome;
    const doc = data ?? { command: name, ...rest, report: opts.report ? path.resolve(opts.report) : undefined };
    io.stdout.write(host.masker.mask(JSON.stringify(doc, null, data ? 2 : undefined)) + '\n');
  } else if (['run', 'rollout', 'promote', 'rollback'].includes(name)) {
    io.stdout.write(markdown + '\n');
  } else if (!['status', 'model list', 'model register', 'load', 'validate'].includes(name)) {
    io.stdout.write(
      `result: ${outcome.result}${outcome.model ? ` (${outcome.model.name} v${outcome.model.version})` : ''}${outcome.reason ? `: ${outcome.reason}` : ''}\n`,
    );
  }
  return run.exitCode;
}

function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, text);
}

async function runLoad(ctx: PipelineContext, opts: CommonOptions & Record<string, unknown>): Promise<CliOutcome> {
  const rate = Number(opts.rate);
  const durationMs = parseDuration(String(opts.duration));
  if (!(rate > 0 && rate <= 5000)) throw new UsageError(`--rate takes requests per second from 1 to 5000 (got '${String(opts.rate)}')`);
  if (durationMs === undefined || durationMs <= 0)
    throw new UsageError(`--duration takes a duration like 30s or 5m (got '${String(opts.duration)}')`);
  const bodiesFile = typeof opts.bodies === 'string' ? opts.bodies : undefined;
  const bodies = bodiesFile
    ? fs
        .readFileSync(bodiesFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : ctx.config.staging.smoke.cases.map((c) => fs.readFileSync(c.request, 'utf8'));
  if (bodies.length === 0) throw new UsageError('no request bodies: pass --bodies FILE or configure staging.smoke.cases');
  const endpoint = opts.stage === 'staging' ? pipeline.stagingEndpoint(ctx.config) : pipeline.productionEndpoint(ctx.config);
  ctx.host.info(`sending ${rate} requests/s to endpoint ${endpoint} for ${String(opts.duration)} (${bodies.length} different bodies)`);
  // the bodies in turn: the router's choice of deployment is random per request, so a
  // fixed rotation gives every deployment the same mix of bodies
  let next = 0;
  const generator = new LoadGenerator({
    rate,
    durationMs,
    send: () => ctx.target.score(endpoint, { body: bodies[next++ % bodies.length], timeoutMs: 10_000 }),
  }).start();
  const stop = (): void => void generator.stop();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const summary = await generator.done();
  process.off('SIGTERM', stop);
  process.off('SIGINT', stop);
  const per = Object.entries(summary.byDeployment)
    .map(([d, c]) => `${d}: ${c.ok} ok, ${c.failed} failed`)
    .join('; ');
  ctx.host.info(
    `load: ${summary.sent} requests in ${(summary.durationMs / 1000).toFixed(1)}s (${summary.rate.toFixed(1)}/s), ${summary.ok} ok, ${summary.failed} failed, p50 ${summary.latencyP50Ms?.toFixed(1)} ms, p99 ${summary.latencyP99Ms?.toFixed(1)} ms; ${per}`,
  );
  return { result: 'no-change', data: summary };
}
